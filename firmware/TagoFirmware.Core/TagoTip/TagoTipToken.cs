using System;

namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// A variable name or unit checked and encoded once, when the configuration is loaded, so that
    /// <see cref="TagoTipWriter"/> only block-copies it per reading. Immutable: it keeps its own copy of the bytes.
    /// </summary>
    public sealed class TagoTipToken
    {
        private TagoTipToken(byte[] bytes)
        {
            Bytes = bytes;
        }

        /// <summary>The bytes written: the name, or <c>#</c> and the unit.</summary>
        internal byte[] Bytes { get; private set; }

        /// <summary>Prepares a variable name.</summary>
        /// <param name="utf8">The name as UTF-8, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <returns>The token, or null when TagoTiP cannot carry the name.</returns>
        public static TagoTipToken Name(byte[] utf8)
        {
            if (!TagoTipWriter.IsValidName(utf8))
            {
                return null;
            }

            byte[] copy = new byte[utf8.Length];
            Array.Copy(utf8, copy, utf8.Length);
            return new TagoTipToken(copy);
        }

        /// <summary>Prepares a unit (a <c>°</c> is dropped, so <c>°C</c> becomes <c>C</c>).</summary>
        /// <param name="utf8">The unit as UTF-8: 1–25 bytes of printable ASCII without <c># ; @ [ \ ] ^ { | }</c> once <c>°</c> is dropped.</param>
        /// <returns>The token, or null when TagoTiP cannot carry the unit.</returns>
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
