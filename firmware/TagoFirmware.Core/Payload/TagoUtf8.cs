namespace TagoFirmware.Payload
{
    /// <summary>UTF-8 of config strings without System.Text, in one <see cref="string.ToCharArray()"/> walk (nanoFramework's <c>s[i]</c> is O(i)).</summary>
    public static class TagoUtf8
    {
        /// <summary>UTF-8 of <paramref name="text"/> (RFC 3629); null for null or a lone UTF-16 surrogate.</summary>
        public static byte[] GetBytes(string text)
        {
            if (text == null)
            {
                return null;
            }

            // At most 3 bytes per UTF-16 code unit (a surrogate pair, two units, takes 4); trimmed at the end.
            char[] chars = text.ToCharArray();
            byte[] bytes = new byte[chars.Length * 3];
            int p = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                int c = chars[i];
                if (c < 0x80)
                {
                    bytes[p++] = (byte)c;
                    continue;
                }

                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    // A high surrogate must be followed by a low one (RFC 2781 §2.2).
                    if (c > 0xDBFF || i + 1 >= chars.Length || chars[i + 1] < 0xDC00 || chars[i + 1] > 0xDFFF)
                    {
                        return null;
                    }

                    c = 0x10000 + ((c - 0xD800) << 10) + (chars[++i] - 0xDC00);
                }

                // RFC 3629 §3: lead byte, then continuation bytes from the top.
                int n = c < 0x800 ? 2 : (c < 0x10000 ? 3 : 4);
                bytes[p++] = (byte)(((0xF00 >> n) & 0xFF) | (c >> (6 * (n - 1))));
                for (int k = n - 2; k >= 0; k--)
                {
                    bytes[p++] = (byte)(0x80 | ((c >> (6 * k)) & 0x3F));
                }
            }

            byte[] exact = new byte[p];
            System.Array.Copy(bytes, exact, p);
            return exact;
        }
    }
}
