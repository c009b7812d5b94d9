namespace TagoFirmware.Payload
{
    /// <summary>
    /// Validation and RFC 8259 §7 escaping of JSON string contents, from UTF-8 bytes (the hot path) or from UTF-16
    /// chars (the rare string overloads). Every routine measures first and writes second, so the writer can check
    /// validity and room before it writes a byte.
    /// </summary>
    /// <remarks>
    /// Escaped: <c>"</c> and <c>\</c> (as <c>\"</c> and <c>\\</c>), and the control characters U+0000–U+001F (as
    /// <c>\b \f \n \r \t</c> or <c>\u00XX</c>), which RFC 8259 §7 requires. Everything else is copied as raw UTF-8
    /// (RFC 8259 §8.1 requires UTF-8 on the wire): DEL, U+2028/2029 and non-ASCII need no escape in JSON.
    /// Malformed UTF-8 (RFC 3629 §4: overlong forms, encoded surrogates, code points above U+10FFFF, truncated
    /// sequences) and lone UTF-16 surrogates are refused, because TagoIO would reject or mangle them.
    /// </remarks>
    internal static class JsonText
    {
        /// <summary>Escaped length of each ASCII byte: 1 raw, 2 for a two-character escape, 6 for <c>\u00XX</c>.</summary>
        private static readonly byte[] s_escapedLength = BuildEscapedLength();

        /// <summary>The letter of the two-character escapes (<c>b f n r t " \</c>), 0 where <c>\u00XX</c> is needed.</summary>
        private static readonly byte[] s_shortEscape = BuildShortEscape();

        private static readonly byte[] s_hex = { (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f' };

        /// <summary>
        /// Checks that <paramref name="text"/> is well-formed UTF-8 and returns its escaped length, or -1 if it is not.
        /// <paramref name="utf16Length"/> receives its length in UTF-16 code units (what JavaScript's <c>length</c> counts).
        /// </summary>
        internal static int MeasureUtf8(byte[] text, int offset, int count, out int utf16Length)
        {
            int escaped = 0;
            int units = 0;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int b = text[i];
                if (b < 0x80)
                {
                    escaped += s_escapedLength[b];
                    units++;
                    i++;
                    continue;
                }

                // RFC 3629 §4 table of well-formed sequences.
                int need;
                int min2 = 0x80;
                int max2 = 0xBF;
                if (b >= 0xC2 && b <= 0xDF)
                {
                    need = 1;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    need = 2;
                    if (b == 0xE0)
                    {
                        min2 = 0xA0;
                    }
                    else if (b == 0xED)
                    {
                        // U+D800–U+DFFF: surrogates are not characters.
                        max2 = 0x9F;
                    }
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    need = 3;
                    if (b == 0xF0)
                    {
                        min2 = 0x90;
                    }
                    else if (b == 0xF4)
                    {
                        max2 = 0x8F;
                    }
                }
                else
                {
                    utf16Length = 0;
                    return -1;
                }

                if (i + need >= end)
                {
                    // Fewer continuation bytes left than the lead byte announces.
                    utf16Length = 0;
                    return -1;
                }

                int c = text[i + 1];
                if (c < min2 || c > max2)
                {
                    utf16Length = 0;
                    return -1;
                }

                for (int k = 2; k <= need; k++)
                {
                    c = text[i + k];
                    if (c < 0x80 || c > 0xBF)
                    {
                        utf16Length = 0;
                        return -1;
                    }
                }

                escaped += need + 1;
                units += need == 3 ? 2 : 1;
                i += need + 1;
            }

            utf16Length = units;
            return escaped;
        }

        /// <summary>Writes validated UTF-8 escaped; <paramref name="escapedLength"/> comes from <see cref="MeasureUtf8"/>.</summary>
        internal static int WriteUtf8(byte[] text, int offset, int count, int escapedLength, byte[] buffer, int position)
        {
            if (escapedLength == count)
            {
                // Nothing to escape (the common case): one block copy.
                System.Array.Copy(text, offset, buffer, position, count);
                return position + count;
            }

            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                int b = text[i];
                if (b >= 0x80 || s_escapedLength[b] == 1)
                {
                    buffer[position++] = (byte)b;
                }
                else
                {
                    position = WriteEscape(b, buffer, position);
                }
            }

            return position;
        }

        /// <summary>
        /// Returns the escaped UTF-8 length of <paramref name="text"/>, or -1 if it holds a lone surrogate.
        /// </summary>
        internal static int MeasureChars(char[] text, out int utf8Length)
        {
            int escaped = 0;
            int bytes = 0;
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    escaped += s_escapedLength[c];
                    bytes++;
                }
                else if (c < 0x800)
                {
                    escaped += 2;
                    bytes += 2;
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    // A high surrogate must be followed by a low one (RFC 2781 §2.2); they encode as 4 bytes.
                    if (c > 0xDBFF || i + 1 >= length || text[i + 1] < 0xDC00 || text[i + 1] > 0xDFFF)
                    {
                        utf8Length = 0;
                        return -1;
                    }

                    i++;
                    escaped += 4;
                    bytes += 4;
                }
                else
                {
                    escaped += 3;
                    bytes += 3;
                }
            }

            utf8Length = bytes;
            return escaped;
        }

        /// <summary>
        /// Writes chars validated by <see cref="MeasureChars"/> as UTF-8 (RFC 3629 §3), JSON-escaped if
        /// <paramref name="escape"/> is set.
        /// </summary>
        internal static int WriteChars(char[] text, byte[] buffer, int position, bool escape)
        {
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    if (!escape || s_escapedLength[c] == 1)
                    {
                        buffer[position++] = (byte)c;
                    }
                    else
                    {
                        position = WriteEscape(c, buffer, position);
                    }
                }
                else if (c < 0x800)
                {
                    buffer[position++] = (byte)(0xC0 | (c >> 6));
                    buffer[position++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (text[++i] - 0xDC00);
                    buffer[position++] = (byte)(0xF0 | (cp >> 18));
                    buffer[position++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    buffer[position++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    buffer[position++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    buffer[position++] = (byte)(0xE0 | (c >> 12));
                    buffer[position++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[position++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            return position;
        }

        private static int WriteEscape(int c, byte[] buffer, int position)
        {
            buffer[position++] = (byte)'\\';
            byte letter = s_shortEscape[c];
            if (letter != 0)
            {
                buffer[position++] = letter;
                return position;
            }

            buffer[position++] = (byte)'u';
            buffer[position++] = (byte)'0';
            buffer[position++] = (byte)'0';
            buffer[position++] = s_hex[c >> 4];
            buffer[position++] = s_hex[c & 0xF];
            return position;
        }

        private static byte[] BuildEscapedLength()
        {
            byte[] table = new byte[128];
            for (int c = 0; c < 128; c++)
            {
                table[c] = 1;
            }

            for (int c = 0; c < 0x20; c++)
            {
                table[c] = 6;
            }

            table['\b'] = 2;
            table['\f'] = 2;
            table['\n'] = 2;
            table['\r'] = 2;
            table['\t'] = 2;
            table['"'] = 2;
            table['\\'] = 2;
            return table;
        }

        private static byte[] BuildShortEscape()
        {
            byte[] table = new byte[128];
            table['\b'] = (byte)'b';
            table['\f'] = (byte)'f';
            table['\n'] = (byte)'n';
            table['\r'] = (byte)'r';
            table['\t'] = (byte)'t';
            table['"'] = (byte)'"';
            table['\\'] = (byte)'\\';
            return table;
        }
    }
}
