using TagoFirmware.Payload;

namespace TagoFirmware.Tests.Payload
{
    /// <summary>
    /// Turns writer output into strings for readable assertions, without System.Text (which the device's mscorlib
    /// lacks): a small UTF-8 decoder for output the writer has already validated.
    /// </summary>
    public static class PayloadText
    {
        /// <summary>The UTF-8 bytes of a test string (through the writer's own encoder).</summary>
        public static byte[] Utf8(string text)
        {
            return TagoUtf8.GetBytes(text);
        }

        /// <summary>A JSON writer of <paramref name="bytes"/> whose variable 0 is <paramref name="name"/> with <paramref name="unit"/> (null: none).</summary>
        public static TagoJsonWriter Writer(int bytes, string name, string unit)
        {
            return new TagoJsonWriter(new byte[bytes], new byte[][] { Utf8(name) }, new byte[][] { unit == null ? null : Utf8(unit) });
        }

        /// <summary>Decodes buffer[0..length) as UTF-8.</summary>
        public static string Decode(byte[] buffer, int length)
        {
            char[] chars = new char[length];
            int n = 0;
            int i = 0;
            while (i < length)
            {
                int b = buffer[i];
                int cp;
                if (b < 0x80)
                {
                    cp = b;
                    i++;
                }
                else if (b < 0xE0)
                {
                    cp = ((b & 0x1F) << 6) | (buffer[i + 1] & 0x3F);
                    i += 2;
                }
                else if (b < 0xF0)
                {
                    cp = ((b & 0x0F) << 12) | ((buffer[i + 1] & 0x3F) << 6) | (buffer[i + 2] & 0x3F);
                    i += 3;
                }
                else
                {
                    cp = ((b & 0x07) << 18) | ((buffer[i + 1] & 0x3F) << 12) | ((buffer[i + 2] & 0x3F) << 6) | (buffer[i + 3] & 0x3F);
                    i += 4;
                }

                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)cp;
                }
            }

            return new string(chars, 0, n);
        }

        private static int Nibble(char c)
        {
            return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        }

        /// <summary>The payload so far (bytes 0..Length) as a string.</summary>
        public static string Of(TagoJsonWriter writer)
        {
            return Decode(writer.Buffer, writer.Length);
        }

        /// <summary>Closes the writer and returns the finished payload as a string.</summary>
        public static string Closed(TagoJsonWriter writer)
        {
            int length = writer.Close();
            return Decode(writer.Buffer, length);
        }

        /// <summary>Bytes from space-separated hex pairs, e.g. "C2 B0" (data rows hold strings, not arrays).</summary>
        public static byte[] Hex(string pairs)
        {
            char[] chars = pairs.ToCharArray();
            byte[] bytes = new byte[(chars.Length + 1) / 3];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Nibble(chars[i * 3]) << 4) | Nibble(chars[(i * 3) + 1]));
            }

            return bytes;
        }

        /// <summary>A string from space-separated 4-digit hex UTF-16 code units, e.g. "0061 D83D".</summary>
        public static string FromCodeUnits(string codes)
        {
            char[] spec = codes.ToCharArray();
            char[] chars = new char[(spec.Length + 1) / 5];
            for (int i = 0; i < chars.Length; i++)
            {
                int at = i * 5;
                chars[i] = (char)((Nibble(spec[at]) << 12) | (Nibble(spec[at + 1]) << 8) | (Nibble(spec[at + 2]) << 4) | Nibble(spec[at + 3]));
            }

            return new string(chars);
        }

        /// <summary>
        /// Whether this platform's strings can hold a lone UTF-16 surrogate: true on desktop .NET (UTF-16 strings),
        /// false on nanoFramework, whose strings are UTF-8 and turn a lone surrogate into U+FFFD when built.
        /// </summary>
        public static bool StringsHoldLoneSurrogates
        {
            get
            {
                string s = new string(new char[] { (char)0xD800 });
                return s.Length == 1 && s[0] == (char)0xD800;
            }
        }

        /// <summary>Copies buffer[0..length).</summary>
        public static byte[] Snapshot(byte[] buffer, int length)
        {
            byte[] copy = new byte[length];
            System.Array.Copy(buffer, copy, length);
            return copy;
        }
    }
}
