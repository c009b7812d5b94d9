namespace TagoFirmware.Json
{
    /// <summary>Byte-level JSON rules behind <see cref="JsonReader"/>: plain string bytes, UTF-8 well-formedness (RFC 3629 §4), escapes (RFC 8259 §7), conversions.</summary>
    internal static class JsonBytes
    {
        private static readonly byte[] s_literals = new byte[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e', (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e', (byte)'n', (byte)'u', (byte)'l', (byte)'l' };

        /// <summary>The letters of RFC 8259 §7's simple escapes and the characters they stand for; the writer leaves the last, <c>/</c>, as it is.</summary>
        internal const string EscapeLetters = "\"\\bfnrt/";
        internal const string Escaped = "\"\\\b\f\n\r\t/";

        // 1 for the bytes a string holds as they are (printable ASCII but " and \): a lookup is the cheapest test on the interpreter.
        internal static readonly byte[] Plain = PlainBytes();

        private static byte[] PlainBytes()
        {
            byte[] plain = new byte[256];
            for (int b = 0x20; b < 0x80; b++)
            {
                plain[b] = (byte)(b == '"' || b == '\\' ? 0 : 1);
            }

            return plain;
        }

        internal static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

        private static int Hex(byte b) => IsDigit(b) ? b - '0' : ((b | 0x20) >= 'a' && (b | 0x20) <= 'f' ? (b | 0x20) - 'a' + 10 : -1);

        /// <summary>Length of the well-formed UTF-8 sequence at <paramref name="i"/> (RFC 3629 §4), or 0.</summary>
        internal static int Utf8Length(byte[] buf, int i, int end)
        {
            int b = buf[i];
            int n = b >= 0xC2 && b <= 0xDF ? 2 : (b >= 0xE0 && b <= 0xEF ? 3 : (b >= 0xF0 && b <= 0xF4 ? 4 : 0));
            if (n == 0 || i + n > end)
            {
                return 0;
            }

            // The second byte's range excludes overlong forms, UTF-16 surrogates and code points above U+10FFFF.
            int second = buf[i + 1];
            int low = b == 0xE0 ? 0xA0 : (b == 0xF0 ? 0x90 : 0x80);
            int high = b == 0xED ? 0x9F : (b == 0xF4 ? 0x8F : 0xBF);
            if (second < low || second > high)
            {
                return 0;
            }

            for (int k = 2; k < n; k++)
            {
                if ((buf[i + k] & 0xC0) != 0x80)
                {
                    return 0;
                }
            }

            return n;
        }

        /// <summary>The UTF-16 unit of the escape at <paramref name="i"/>; a simple escape gives its char + 0x10000; negative: a negated <see cref="JsonError"/>.</summary>
        internal static int EscapedUnit(byte[] buf, int i, int end)
        {
            if (i + 1 >= end)
            {
                return -(int)JsonError.UnexpectedEnd;
            }

            int simple = EscapeLetters.IndexOf((char)buf[i + 1]);
            if (simple >= 0)
            {
                return 0x10000 + Escaped[simple];
            }

            if (buf[i + 1] != (byte)'u')
            {
                return -(int)JsonError.InvalidEscape;
            }

            int unit = 0;
            for (int k = i + 2; k < i + 6; k++)
            {
                if (k >= end)
                {
                    return -(int)JsonError.UnexpectedEnd;
                }

                int h = Hex(buf[k]);
                if (h < 0)
                {
                    return -(int)JsonError.InvalidEscape;
                }

                unit = (unit << 4) | h;
            }

            return unit;
        }

        /// <summary>The code point of the escape or UTF-8 sequence at <paramref name="i"/>, moving past it; negative: a negated <see cref="JsonError"/>.</summary>
        /// <remarks>An escaped high surrogate must be followed by an escaped low one.</remarks>
        internal static int Decode(byte[] buf, int end, ref int i)
        {
            int b = buf[i];
            if (b != '\\')
            {
                int n = b < 0x80 ? 1 : Utf8Length(buf, i, end);
                if (n == 0)
                {
                    return -(int)JsonError.InvalidUtf8;
                }

                int cp = n == 1 ? b : b & (0x7F >> n);
                for (int k = 1; k < n; k++)
                {
                    cp = (cp << 6) | (buf[i + k] & 0x3F);
                }

                i += n;
                return cp;
            }

            int unit = EscapedUnit(buf, i, end);
            i += unit > 0xFFFF ? 2 : 6;
            if (unit < 0xD800 || unit > 0xDFFF)
            {
                return unit > 0xFFFF ? unit - 0x10000 : unit;
            }

            int low = unit < 0xDC00 && i < end && buf[i] == (byte)'\\' ? EscapedUnit(buf, i, end) : -(int)JsonError.InvalidSurrogate;
            i += 6;
            return low == -(int)JsonError.UnexpectedEnd ? low
                : (low < 0xDC00 || low > 0xDFFF ? -(int)JsonError.InvalidSurrogate : 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        }

        /// <summary>The validated string in <paramref name="buf"/>[i, i + length) unescaped; <paramref name="ascii"/> when printable ASCII only.</summary>
        internal static string Text(byte[] buf, int i, int length, bool ascii)
        {
            // UTF-16 never needs more code units than the UTF-8 or escaped form has bytes.
            char[] chars = new char[length];
            int n = 0;
            int end = i + length;
            if (ascii)
            {
                for (n = 0; n < chars.Length; n++)
                {
                    chars[n] = (char)buf[i + n];
                }

                i = end;
            }

            while (i < end)
            {
                int cp = Decode(buf, end, ref i);
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    cp = 0xDC00 + (cp & 0x3FF);
                }

                chars[n++] = (char)cp;
            }

            return new string(chars, 0, n);
        }

        /// <summary>True when the validated string in <paramref name="buf"/>[i, i + length), unescaped, equals <paramref name="utf8"/>. Allocates nothing.</summary>
        internal static bool TextEquals(byte[] buf, int i, int length, bool escaped, byte[] utf8)
        {
            if (!escaped)
            {
                int n = utf8.Length;
                if (n != length)
                {
                    return false;
                }

                // Four bytes per step (this runs for every member of a config).
                int k = 0;
                for (; k + 3 < n; k += 4)
                {
                    if (buf[i + k] != utf8[k] || buf[i + k + 1] != utf8[k + 1] || buf[i + k + 2] != utf8[k + 2] || buf[i + k + 3] != utf8[k + 3])
                    {
                        return false;
                    }
                }

                for (; k < n; k++)
                {
                    if (buf[i + k] != utf8[k])
                    {
                        return false;
                    }
                }

                return true;
            }

            // Code point by code point; the target has no escapes (its backslash is itself), and malformed UTF-8 there (-1) matches nothing.
            int end = i + length;
            int j = 0;
            while (i < end)
            {
                int b = j < utf8.Length ? utf8[j] : -1;
                int want = b < 0x80 ? b : Decode(utf8, utf8.Length, ref j);
                j += b >= 0 && b < 0x80 ? 1 : 0;
                if (want < 0 || Decode(buf, end, ref i) != want)
                {
                    return false;
                }
            }

            return j == utf8.Length;
        }

        /// <summary>Scans the number at <paramref name="i"/> (RFC 8259 §6) and moves past it; on an error <paramref name="i"/> is the offending byte.</summary>
        internal static JsonError NumberEnd(byte[] buf, int end, ref int i)
        {
            i = buf[i] == (byte)'-' ? i + 1 : i;
            int first = i;
            JsonError e = Digits(buf, end, ref i);
            if (e == JsonError.None && buf[first] == (byte)'0' && i - first > 1)
            {
                i = first;
                return JsonError.LeadingZero;
            }

            if (e == JsonError.None && i < end && buf[i] == (byte)'.')
            {
                i++;
                e = Digits(buf, end, ref i);
            }

            if (e == JsonError.None && i < end && (buf[i] == (byte)'e' || buf[i] == (byte)'E'))
            {
                i = i + 1 < end && (buf[i + 1] == (byte)'+' || buf[i + 1] == (byte)'-') ? i + 2 : i + 1;
                e = Digits(buf, end, ref i);
            }

            byte b = e == JsonError.None && i < end ? buf[i] : (byte)',';
            bool delimiter = b == (byte)',' || (b | 0x20) == '}' || b == (byte)' ' || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t';
            return e != JsonError.None ? e : (delimiter ? JsonError.None : JsonError.InvalidNumber);
        }

        private static JsonError Digits(byte[] buf, int end, ref int i)
        {
            int first = i;
            while (i < end && buf[i] >= (byte)'0' && buf[i] <= (byte)'9')
            {
                i++;
            }

            return i > first ? JsonError.None : (i >= end ? JsonError.UnexpectedEnd : JsonError.InvalidNumber);
        }

        /// <summary>Scans the literal at <paramref name="i"/>, whose first letter is known, and moves past it; on an error <paramref name="i"/> is the offending byte.</summary>
        internal static JsonError LiteralEnd(byte[] buf, int end, ref int i)
        {
            // The literal's offset in s_literals, less its own.
            int at = buf[i] == (byte)'t' ? -i : (buf[i] == (byte)'f' ? 4 - i : 9 - i);
            int stop = i + (buf[i] == (byte)'f' ? 5 : 4);
            for (i++; i < stop; i++)
            {
                if (i >= end || buf[i] != s_literals[at + i])
                {
                    return i >= end ? JsonError.UnexpectedEnd : JsonError.InvalidLiteral;
                }
            }

            return JsonError.None;
        }
    }
}
