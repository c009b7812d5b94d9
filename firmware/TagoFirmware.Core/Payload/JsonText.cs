using TagoFirmware.Json;

namespace TagoFirmware.Payload
{
    /// <summary>RFC 8259 §7 escaping and UTF-8 validation (checked as written), the name rule and TagoTiP character classes.
    /// Escapes only <c>"</c>, <c>\</c>, U+0000–U+001F; refuses malformed UTF-8 (RFC 3629 §4), which TagoIO would reject.</summary>
    internal static class JsonText
    {
        private const int NameBit = 8;

        /// <summary>TagoTiP 1.0 §14 classes: UNITCHAR, VALCHAR (as it is) and the structural characters §4.4 escapes.</summary>
        internal const int TipUnit = 16;
        internal const int TipText = 32;
        internal const int TipEscape = 64;

        /// <summary>Per byte value: escaped length of ASCII (1 raw, 2 for <c>\n</c>-style, 6 for <c>\u00XX</c>) in the low
        /// 3 bits, <see cref="NameBit"/> for <c>[a-z0-9_]</c>, the TagoTiP classes; 0 for non-ASCII (handled apart).</summary>
        internal static readonly byte[] Classes = BuildTable();

        /// <summary>True for a TagoIO variable name as the firmware writes it (TagoTiP's identifier too): <c>[a-z0-9_]{1,100}</c>.</summary>
        internal static bool IsName(byte[] text)
        {
            if (text == null || text.Length == 0 || text.Length > TagoJsonWriter.MaxVariableLength)
            {
                return false;
            }

            byte[] table = Classes;
            for (int i = 0; i < text.Length; i++)
            {
                if ((table[text[i]] & NameBit) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        internal static bool IsNameByte(byte b) => (Classes[b] & NameBit) != 0;

        /// <summary>Writes well-formed UTF-8 <paramref name="text"/> escaped from <paramref name="p"/> as far as it fits and returns
        /// its end (even past the buffer), else -1; <paramref name="utf16Length"/>: its length in UTF-16 code units (JavaScript's <c>length</c>).</summary>
        internal static int Escape(byte[] text, byte[] buffer, int p, out int utf16Length)
        {
            int units = 0;
            int end = text.Length;
            int i = 0;
            utf16Length = 0;
            while (i < end)
            {
                int b = text[i];
                int n = b < 0x80 ? 1 : JsonBytes.Utf8Length(text, i, end);
                if (n == 0)
                {
                    return -1;
                }

                int e = b < 0x80 ? Classes[b] & 7 : n;
                bool fits = p + e <= buffer.Length;
                if (fits && e == n)
                {
                    for (int k = 0; k < n; k++)
                    {
                        buffer[p + k] = text[i + k];
                    }
                }
                else if (fits)
                {
                    buffer[p] = (byte)'\\';
                    int k = JsonBytes.Escaped.IndexOf((char)b);
                    buffer[p + 1] = k >= 0 ? (byte)JsonBytes.EscapeLetters[k] : (byte)'u';
                    if (k < 0)
                    {
                        // \u00XX: only control characters get here, so the first hex digit is 0 or 1.
                        buffer[p + 2] = (byte)'0';
                        buffer[p + 3] = (byte)'0';
                        buffer[p + 4] = (byte)('0' + (b >> 4));
                        buffer[p + 5] = (byte)((b & 0xF) < 10 ? '0' + (b & 0xF) : 'a' + (b & 0xF) - 10);
                    }
                }

                units += n == 4 ? 2 : 1;
                p += e;
                i += n;
            }

            utf16Length = units;
            return p;
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
