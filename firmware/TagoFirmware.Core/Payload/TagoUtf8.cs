namespace TagoFirmware.Payload
{
    /// <summary>
    /// Turns configuration strings (variable names, units, metadata keys, sensor ids) into the UTF-8 <c>byte[]</c>
    /// the <see cref="TagoJsonWriter"/> hot path takes, once, when the configuration is loaded. Works without
    /// System.Text's Encoding, so the core needs no extra package on the device.
    /// </summary>
    /// <remarks>
    /// It walks the string once through <see cref="string.ToCharArray()"/> (one temporary char[]): on nanoFramework a
    /// string is stored as UTF-8 and <c>s[i]</c> walks it from the start, so indexing per character would be
    /// quadratic. Meant for configuration time, not for every reading.
    /// </remarks>
    public static class TagoUtf8
    {
        /// <summary>
        /// Encodes <paramref name="text"/> as UTF-8 (RFC 3629). Returns null if <paramref name="text"/> is null or
        /// holds a lone UTF-16 surrogate, which has no UTF-8 form.
        /// </summary>
        /// <param name="text">The text to encode.</param>
        /// <returns>The UTF-8 bytes, or null.</returns>
        public static byte[] GetBytes(string text)
        {
            if (text == null)
            {
                return null;
            }

            char[] chars = text.ToCharArray();
            int utf8Length;
            if (JsonText.MeasureChars(chars, out utf8Length) < 0)
            {
                return null;
            }

            byte[] bytes = new byte[utf8Length];
            Utf8Of(chars, bytes);
            return bytes;
        }

        private static void Utf8Of(char[] chars, byte[] bytes)
        {
            int position = 0;
            int length = chars.Length;
            for (int i = 0; i < length; i++)
            {
                int c = chars[i];
                if (c < 0x80)
                {
                    bytes[position++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    bytes[position++] = (byte)(0xC0 | (c >> 6));
                    bytes[position++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (chars[++i] - 0xDC00);
                    bytes[position++] = (byte)(0xF0 | (cp >> 18));
                    bytes[position++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    bytes[position++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    bytes[position++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    bytes[position++] = (byte)(0xE0 | (c >> 12));
                    bytes[position++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    bytes[position++] = (byte)(0x80 | (c & 0x3F));
                }
            }
        }
    }
}
