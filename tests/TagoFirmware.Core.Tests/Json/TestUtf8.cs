namespace TagoFirmware.Tests.Json
{
    /// <summary>
    /// Encodes test strings as UTF-8 without System.Text (not in the nanoFramework mscorlib), so the shared tests
    /// compile for the device too.
    /// </summary>
    public static class TestUtf8
    {
        /// <summary>UTF-8 bytes of <paramref name="text"/> (RFC 3629 §3; surrogate pairs combined).</summary>
        public static byte[] Bytes(string text)
        {
            char[] chars = text.ToCharArray();
            byte[] tmp = new byte[(chars.Length * 3) + 1];
            int n = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                int c = chars[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < chars.Length)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (chars[i + 1] - 0xDC00);
                    i++;
                }

                if (c < 0x80)
                {
                    tmp[n++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    tmp[n++] = (byte)(0xC0 | (c >> 6));
                    tmp[n++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c < 0x10000)
                {
                    tmp[n++] = (byte)(0xE0 | (c >> 12));
                    tmp[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    tmp[n++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    tmp[n++] = (byte)(0xF0 | (c >> 18));
                    tmp[n++] = (byte)(0x80 | ((c >> 12) & 0x3F));
                    tmp[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    tmp[n++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            byte[] result = new byte[n];
            for (int i = 0; i < n; i++)
            {
                result[i] = tmp[i];
            }

            return result;
        }
    }
}
