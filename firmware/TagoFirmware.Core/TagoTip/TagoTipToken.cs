using System;

namespace TagoFirmware.TagoTip
{
    /// <summary>A variable name or unit checked and encoded once, at config load, so a reading only block-copies it. Immutable.</summary>
    public sealed class TagoTipToken
    {
        // The bytes written: the name, or '#' and the unit (a field: read per reading).
        internal readonly byte[] Bytes;

        private TagoTipToken(byte[] bytes) => Bytes = bytes;

        /// <summary>A name token (<c>[a-z0-9_]{1,100}</c>, own copy), or null when TagoTiP cannot carry it.</summary>
        public static TagoTipToken Name(byte[] utf8)
        {
            if (!TagoTipSyntax.IsValidName(utf8))
            {
                return null;
            }

            byte[] copy = new byte[utf8.Length];
            Array.Copy(utf8, copy, utf8.Length);
            return new TagoTipToken(copy);
        }

        /// <summary>A unit token (1–25 printable ASCII bytes without <c># ; @ [ \ ] ^ { | }</c>; <c>°C</c> becomes <c>C</c>), or null.</summary>
        public static TagoTipToken Unit(byte[] utf8)
        {
            if (!TagoTipWriter.IsValidUnit(utf8))
            {
                return null;
            }

            byte[] bytes = new byte[TagoTipSyntax.CopyUnit(utf8, null, 0) + 1];
            bytes[0] = (byte)'#';
            TagoTipSyntax.CopyUnit(utf8, bytes, 1);
            return new TagoTipToken(bytes);
        }
    }
}
