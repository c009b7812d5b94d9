using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TagoFirmware.Host.TagoTip
{
    /// <summary>
    /// The token rules of the independent TagoTiP reader (<see cref="TagoTipFrameParser"/>): unescaping, numbers,
    /// locations, timestamps, identifiers and the splitting of a body on unescaped separators (TagoTiP 1.0
    /// revision D, §4.4, §6; https://github.com/tago-io/tagotip). Every refusal is a <see cref="FormatException"/>
    /// with the server's code, <c>invalid_payload</c>.
    /// </summary>
    internal static class TagoTipLexer
    {
        /// <summary>Characters that must be escaped in a value (§6).</summary>
        internal const string Structural = "|[];,{}#@^\\";

        internal static string Unescape(string raw, bool metadata)
        {
            if (raw.Length == 0)
            {
                throw Invalid();
            }

            var sb = new StringBuilder(raw.Length);
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c == '\\')
                {
                    if (i + 1 >= raw.Length)
                    {
                        throw Invalid();
                    }

                    char next = raw[++i];
                    if (next == 'n')
                    {
                        sb.Append('\n');
                    }
                    else if (Structural.IndexOf(next) >= 0)
                    {
                        sb.Append(next);
                    }
                    else
                    {
                        throw Invalid();
                    }
                }
                else if (Structural.IndexOf(c) >= 0 && !(c == ',' && !metadata))
                {
                    throw Invalid();
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        internal static string Number(string raw)
        {
            int i = 0;
            if (i < raw.Length && raw[i] == '-')
            {
                i++;
            }

            int intStart = i;
            while (i < raw.Length && char.IsAsciiDigit(raw[i]))
            {
                i++;
            }

            int intDigits = i - intStart;
            if (intDigits == 0 || (intDigits > 1 && raw[intStart] == '0'))
            {
                throw Invalid();
            }

            if (i < raw.Length && raw[i] == '.')
            {
                int fracStart = ++i;
                while (i < raw.Length && char.IsAsciiDigit(raw[i]))
                {
                    i++;
                }

                if (i == fracStart)
                {
                    throw Invalid();
                }
            }

            return i == raw.Length ? raw : throw Invalid();
        }

        internal static string Location(string raw)
        {
            string[] parts = raw.Split(',');
            if (parts.Length < 2 || parts.Length > 3)
            {
                throw Invalid();
            }

            foreach (string part in parts)
            {
                Number(part);
            }

            return raw;
        }

        internal static long Timestamp(string raw)
        {
            if (raw.Length == 0 || raw.Length > 18)
            {
                throw Invalid();
            }

            foreach (char c in raw)
            {
                if (!char.IsAsciiDigit(c))
                {
                    throw Invalid();
                }
            }

            return long.Parse(raw, CultureInfo.InvariantCulture);
        }

        internal static string Identifier(string raw)
        {
            if (raw.Length == 0 || raw.Length > 100)
            {
                throw Invalid();
            }

            foreach (char c in raw)
            {
                if (!IsNameChar(c))
                {
                    throw Invalid();
                }
            }

            return raw;
        }

        internal static bool IsNameChar(char c)
        {
            return (c >= 'a' && c <= 'z') || char.IsAsciiDigit(c) || c == '_';
        }

        internal static bool IsCounter(string digits)
        {
            if (digits.Length == 0 || digits.Length > 10 || (digits.Length > 1 && digits[0] == '0'))
            {
                return false;
            }

            foreach (char c in digits)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return ulong.Parse(digits, CultureInfo.InvariantCulture) <= uint.MaxValue;
        }

        internal static void CheckPassthrough(string body)
        {
            string data = body.Substring(2);
            bool hex = body[1] == 'x';
            if (data.Length == 0 || (hex && data.Length % 2 != 0))
            {
                throw Invalid();
            }

            foreach (char c in data)
            {
                bool ok = hex ? Uri.IsHexDigit(c) : char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/' || c == '=';
                if (!ok)
                {
                    throw Invalid();
                }
            }
        }

        /// <summary>Index of the first unescaped character of <paramref name="stops"/> at or after <paramref name="from"/>, or the length.</summary>
        internal static int NextOf(string s, int from, string stops)
        {
            for (int i = from; i < s.Length; i++)
            {
                if (s[i] == '\\')
                {
                    i++;
                }
                else if (stops.IndexOf(s[i]) >= 0)
                {
                    return i;
                }
            }

            return s.Length;
        }

        internal static int IndexOfUnescaped(string s, char c, int from)
        {
            int i = NextOf(s, from, c.ToString());
            return i < s.Length ? i : -1;
        }

        internal static List<string> SplitUnescaped(string s, char separator)
        {
            var parts = new List<string>();
            int start = 0;
            while (true)
            {
                int i = NextOf(s, start, separator.ToString());
                parts.Add(s.Substring(start, i - start));
                if (i >= s.Length)
                {
                    return parts;
                }

                start = i + 1;
            }
        }

        internal static FormatException Invalid()
        {
            return new FormatException("invalid_payload");
        }
    }
}
