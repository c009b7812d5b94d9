using System;
using System.Globalization;
using System.Text;

namespace TagoFirmware.Host.Tests.Payload
{
    /// <summary>What the writer must produce, computed the .NET way (the oracle), for the host-only checks.</summary>
    internal static class Oracle
    {
        /// <summary>The JSON string body RFC 8259 §7 asks for: the writer's escaping rules, char by char.</summary>
        public static string Escaped(string text)
        {
            StringBuilder builder = new StringBuilder();
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\b': builder.Append("\\b"); break;
                    case '\f': builder.Append("\\f"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            builder.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>Whether a UTF-16 string holds a surrogate that is not part of a pair.</summary>
        public static bool HasLoneSurrogate(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>yyyy-MM-ddTHH:mm:ss.fffZ of Unix epoch milliseconds.</summary>
        public static string Time(long unixMs)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        /// <summary>A sampling cycle's group: its Unix ms in lower-case base 36, zero-padded to 10 characters.</summary>
        public static string Group(long unixMs)
        {
            char[] id = new char[10];
            for (int i = 9; i >= 0; i--, unixMs /= 36)
            {
                id[i] = "0123456789abcdefghijklmnopqrstuvwxyz"[(int)(unixMs % 36)];
            }

            return new string(id);
        }
    }
}
