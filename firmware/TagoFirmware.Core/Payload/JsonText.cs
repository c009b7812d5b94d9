using TagoFirmware.Json;

namespace TagoFirmware.Payload
{
    /// <summary>Per-byte classes of the writers: RFC 8259 §7 escaped lengths, the name rule and TagoTiP character classes.</summary>
    internal static class JsonText
    {
        /// <summary>Set for <c>[a-z0-9_]</c>, the name rule's bytes.</summary>
        internal const int NameBit = 8;

        /// <summary>TagoTiP 1.0 §14 classes: UNITCHAR, VALCHAR (as it is) and the structural characters §4.4 escapes.</summary>
        internal const int TipUnit = 16;
        internal const int TipText = 32;
        internal const int TipEscape = 64;

        /// <summary>Per byte value: escaped length of ASCII (1 raw, 2 for <c>\n</c>-style, 6 for <c>\u00XX</c>) in the low
        /// 3 bits, <see cref="NameBit"/> for <c>[a-z0-9_]</c>, the TagoTiP classes; 0 for non-ASCII (handled apart).</summary>
        internal static readonly byte[] Classes = BuildTable();

        /// <summary>True for a TagoIO variable name as the firmware writes it (TagoTiP's identifier too): <c>[a-z0-9_]{1,100}</c>.</summary>
        internal static bool IsName(byte[] text) => text != null && IsName(text, 0, text.Length, TagoJsonWriter.MaxVariableLength);

        /// <summary>True when <paramref name="length"/> (1..<paramref name="max"/>) bytes from <paramref name="offset"/> are <c>[a-z0-9_]</c>.</summary>
        internal static bool IsName(byte[] text, int offset, int length, int max)
        {
            if (length == 0 || length > max)
            {
                return false;
            }

            byte[] table = Classes;
            for (int i = offset; i < offset + length; i++)
            {
                if ((table[text[i]] & NameBit) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static byte[] BuildTable()
        {
            byte[] table = new byte[256];
            for (int c = 0; c < 128; c++)
            {
                bool name = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';

                // TagoTiP: printable ASCII less the structural characters; ',' separates metadata pairs but is plain in units.
                int tip = c < 0x20 || c == 0x7F ? 0 : ("|[];,{}#@^\\".IndexOf((char)c) >= 0 ? TipEscape : TipUnit | TipText);
                int escaped = c != '/' && JsonBytes.Escaped.IndexOf((char)c) >= 0 ? 2 : (c < 0x20 ? 6 : 1);
                table[c] = (byte)(escaped | (name ? NameBit : 0) | tip | (c == ',' ? TipUnit : 0));
            }

            return table;
        }
    }
}
