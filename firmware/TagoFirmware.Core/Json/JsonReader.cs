namespace TagoFirmware.Json
{
    /// <summary>
    /// A forward-only pull reader for one RFC 8259 JSON document held as UTF-8 bytes: what the config file and the
    /// command payloads need, in one pass, allocating only in <see cref="GetString"/>.
    /// </summary>
    /// <remarks>
    /// Written for the nanoFramework interpreter, where every IL instruction costs about a microsecond: the hot loops
    /// (whitespace, string bytes) work on locals and test the common case first. Strings are validated when they are
    /// read (escapes, surrogate pairs, UTF-8, control characters), so an error always surfaces from <see cref="Read"/>.
    /// Bad input never throws: <see cref="Read"/> returns false and <see cref="Error"/>/<see cref="ErrorOffset"/> say
    /// why and where. The nesting stack is a 64-bit mask (bit n set = level n+1 is an array), so depth is at most 64.
    /// A byte-order mark is not JSON (RFC 8259 §8.1); callers reading editor-written files skip it first.
    /// </remarks>
    public class JsonReader
    {
        private const int StateValue = 0;
        private const int StateValueOrEnd = 1;
        private const int StateNameOrEnd = 2;
        private const int StateColon = 3;
        private const int StateCommaOrEnd = 4;
        private const int StateAfterRoot = 5;
        private const int StateDone = 6;

        /// <summary>1 for the bytes a string holds as they are (printable ASCII but <c>"</c> and <c>\\</c>); a lookup is
        /// the cheapest test on the interpreter, and an array initializer costs no IL to build.</summary>
        private static readonly byte[] s_plain = new byte[]
        {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        };

        private static readonly byte[] s_true = new byte[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e' };
        private static readonly byte[] s_false = new byte[] { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' };
        private static readonly byte[] s_null = new byte[] { (byte)'n', (byte)'u', (byte)'l', (byte)'l' };

        private readonly byte[] _buf;
        private readonly int _start;
        private readonly int _end;
        private readonly int _maxDepth;
        private readonly int _stop;
        private int _pos;
        private int _state;
        private int _depth;
        private ulong _arrays;
        private JsonToken _token;
        private int _tokenStart;
        private int _tokenLength;
        private bool _escaped;
        private bool _ascii;
        private JsonError _error;
        private int _errorOffset;

        /// <summary>Creates a reader allowing 64 levels of nesting (as System.Text.Json does).</summary>
        /// <param name="utf8">The document as UTF-8; not copied.</param>
        /// <param name="offset">Index of the document's first byte.</param>
        /// <param name="length">Length of the document in bytes.</param>
        public JsonReader(byte[] utf8, int offset, int length)
            : this(utf8, offset, length, 64)
        {
        }

        /// <summary>Creates a reader over <paramref name="length"/> bytes of <paramref name="utf8"/> from
        /// <paramref name="offset"/>; invalid arguments start it in <see cref="JsonError.InvalidArguments"/>.</summary>
        /// <param name="utf8">The document as UTF-8; not copied, so it must not change while reading.</param>
        /// <param name="offset">Index of the document's first byte.</param>
        /// <param name="length">Length of the document in bytes.</param>
        /// <param name="maxDepth">Deepest nesting allowed, 1…64 (clamped).</param>
        public JsonReader(byte[] utf8, int offset, int length, int maxDepth)
        {
            _maxDepth = maxDepth < 1 ? 1 : (maxDepth > 64 ? 64 : maxDepth);
            _buf = utf8;
            if (utf8 == null || offset < 0 || length < 0 || offset > utf8.Length || length > utf8.Length - offset)
            {
                _state = StateDone;
                _error = JsonError.InvalidArguments;
                return;
            }

            _start = offset;
            _end = offset + length;
            _pos = offset;

            // The last byte that ends a run of plain string bytes: scans up to it need no bounds checks.
            int stop = _end - 1;
            while (stop >= offset && s_plain[utf8[stop]] != 0)
            {
                stop--;
            }

            _stop = stop;
        }

        /// <summary>The current token; <see cref="JsonToken.None"/> before the first read, at the end and after an error.</summary>
        public JsonToken Token
        {
            get { return _token; }
        }

        /// <summary>The first error met, or <see cref="JsonError.None"/>.</summary>
        public JsonError Error
        {
            get { return _error; }
        }

        /// <summary>Offset of the offending byte from the document's start; -1 without an error.</summary>
        public int ErrorOffset
        {
            get { return _error == JsonError.None ? -1 : _errorOffset; }
        }

        /// <summary>Offset of the current token from the document's start (for strings: the byte after the quote).</summary>
        public int TokenOffset
        {
            get { return _tokenStart - _start; }
        }

        /// <summary>Length of the current token's raw bytes (for strings: between the quotes, still escaped).</summary>
        public int TokenLength
        {
            get { return _tokenLength; }
        }

        /// <summary>The first raw byte of the current token (for strings: after the quote), or -1 for an empty one.</summary>
        public int FirstByte
        {
            get { return _tokenLength > 0 && _token != JsonToken.None ? _buf[_tokenStart] : -1; }
        }

        /// <summary>True once the whole document was read without error.</summary>
        public bool IsComplete
        {
            get { return _state == StateDone && _error == JsonError.None; }
        }

        /// <summary>Moves to the next token; false at the end of the document or on the first error, and ever after.</summary>
        /// <returns>True when <see cref="Token"/> holds a new token.</returns>
        public bool Read()
        {
            if (_state == StateDone)
            {
                _token = JsonToken.None;
                return false;
            }

            int p = _pos;
            p = p < _end && _buf[p] > (byte)' ' ? p : SkipSpace(p);
            if (p >= _end)
            {
                if (_state != StateAfterRoot)
                {
                    return Fail(JsonError.UnexpectedEnd, p);
                }

                _state = StateDone;
                _token = JsonToken.None;
                return false;
            }

            byte b = _buf[p];
            switch (_state)
            {
                case StateValue:
                    return ReadValue(p, b);
                case StateValueOrEnd:
                    return b == (byte)']' || b == (byte)'}' ? Close(p, b) : ReadValue(p, b);
                case StateNameOrEnd:
                    return b == (byte)'}' || b == (byte)']' ? Close(p, b) : ReadName(p, b);
                case StateColon:
                    if (b != (byte)':')
                    {
                        return Fail(JsonError.ExpectedColon, p);
                    }

                    p = SkipSpace(p + 1);
                    return p >= _end ? Fail(JsonError.UnexpectedEnd, p) : ReadValue(p, _buf[p]);
                case StateCommaOrEnd:
                    if (b == (byte)']' || b == (byte)'}')
                    {
                        return Close(p, b);
                    }

                    if (b != (byte)',')
                    {
                        return Fail(JsonError.ExpectedCommaOrEnd, p);
                    }

                    p = SkipSpace(p + 1);
                    if (p >= _end)
                    {
                        return Fail(JsonError.UnexpectedEnd, p);
                    }

                    b = _buf[p];
                    if (b == (byte)']' || b == (byte)'}')
                    {
                        return Fail(JsonError.TrailingComma, p);
                    }

                    return InArray() ? ReadValue(p, b) : ReadName(p, b);
                default:
                    return Fail(JsonError.TrailingData, p);
            }
        }

        /// <summary>Skips the current value: on a property name its value; on a start token up to the matching end
        /// token; on a scalar nothing. Stops early on malformed input (with <see cref="Error"/> set).</summary>
        public void Skip()
        {
            if (_token == JsonToken.PropertyName && !Read())
            {
                return;
            }

            if (_token != JsonToken.StartObject && _token != JsonToken.StartArray)
            {
                return;
            }

            int depth = _depth - 1;
            while (Read())
            {
                if ((_token == JsonToken.EndObject || _token == JsonToken.EndArray) && _depth == depth)
                {
                    return;
                }
            }
        }

        /// <summary>The current string or property name, unescaped (allocates); null for other tokens.</summary>
        /// <returns>The text or null.</returns>
        public string GetString()
        {
            if (_token != JsonToken.String && _token != JsonToken.PropertyName)
            {
                return null;
            }

            // UTF-16 never needs more code units than the UTF-8 or escaped form has bytes.
            char[] chars = new char[_tokenLength];
            int n = 0;
            int i = _tokenStart;
            int end = i + _tokenLength;
            if (_ascii)
            {
                byte[] buf = _buf;
                for (n = 0; n < chars.Length; n++)
                {
                    chars[n] = (char)buf[i + n];
                }

                i = end;
            }

            while (i < end)
            {
                int cp = Decode(ref i);
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

        /// <summary>True when the current string or property name, unescaped, equals <paramref name="utf8"/> byte for
        /// byte. Allocates nothing.</summary>
        /// <param name="utf8">The expected text as UTF-8.</param>
        /// <returns>False for other tokens or a null argument.</returns>
        public bool ValueEquals(byte[] utf8)
        {
            if (utf8 == null || (_token != JsonToken.String && _token != JsonToken.PropertyName))
            {
                return false;
            }

            int i = _tokenStart;
            if (!_escaped)
            {
                int n = utf8.Length;
                if (n != _tokenLength)
                {
                    return false;
                }

                // Two bytes per step (keys are short; this runs for every member of a config).
                byte[] buf = _buf;
                int k = 0;
                for (; k + 1 < n; k += 2)
                {
                    if (buf[i + k] != utf8[k] || buf[i + k + 1] != utf8[k + 1])
                    {
                        return false;
                    }
                }

                return k == n || buf[i + k] == utf8[k];
            }

            int end = i + _tokenLength;
            int j = 0;
            while (i < end)
            {
                int cp = Decode(ref i);
                int n = cp < 0x80 ? 1 : (cp < 0x800 ? 2 : (cp < 0x10000 ? 3 : 4));
                if (j + n > utf8.Length)
                {
                    return false;
                }

                // Re-encode the code point (RFC 3629 §3): lead byte, then continuation bytes from the top.
                int lead = n == 1 ? cp : ((0xF00 >> n) & 0xFF) | (cp >> (6 * (n - 1)));
                if (utf8[j++] != (byte)lead)
                {
                    return false;
                }

                for (int k = n - 2; k >= 0; k--)
                {
                    if (utf8[j++] != (byte)(0x80 | ((cp >> (6 * k)) & 0x3F)))
                    {
                        return false;
                    }
                }
            }

            return j == utf8.Length;
        }

        /// <summary>The current number as a 64-bit integer; false (0) for fractions, exponents, overflow and non-numbers.</summary>
        /// <param name="value">The integer, or 0.</param>
        /// <returns>True when it is an integer within range.</returns>
        public bool TryGetInt64(out long value)
        {
            value = 0;
            if (_token != JsonToken.Number)
            {
                return false;
            }

            int i = _tokenStart;
            int end = i + _tokenLength;
            bool negative = _buf[i] == (byte)'-';
            if (negative)
            {
                i++;
            }

            // Accumulate negatively: long.MinValue has no positive counterpart.
            long acc = 0;
            for (; i < end; i++)
            {
                int d = _buf[i] - (byte)'0';
                if (d < 0 || d > 9 || acc < long.MinValue / 10 || acc * 10 < long.MinValue + d)
                {
                    return false;
                }

                acc = (acc * 10) - d;
            }

            if (!negative && acc == long.MinValue)
            {
                return false;
            }

            value = negative ? acc : -acc;
            return true;
        }

        /// <summary>The current number as a 32-bit integer; false (0) unless it is an integer within <see cref="int"/>.</summary>
        /// <param name="value">The integer, or 0.</param>
        /// <returns>True when it is an integer within range.</returns>
        public bool TryGetInt32(out int value)
        {
            // Up to 9 digits cannot overflow an int: no per-digit overflow test.
            value = 0;
            int i = _tokenStart;
            int end = i + _tokenLength;
            bool negative = _token == JsonToken.Number && _buf[i] == (byte)'-';
            if (_token == JsonToken.Number && end - i <= (negative ? 10 : 9))
            {
                byte[] buf = _buf;
                int acc = 0;
                for (i = negative ? i + 1 : i; i < end; i++)
                {
                    int d = buf[i] - '0';
                    if (d < 0 || d > 9)
                    {
                        return false;
                    }

                    acc = (acc * 10) + d;
                }

                value = negative ? -acc : acc;
                return true;
            }

            long v;
            bool ok = TryGetInt64(out v) && v >= int.MinValue && v <= int.MaxValue;
            value = ok ? (int)v : 0;
            return ok;
        }

        /// <summary>
        /// The current number in tenths, rounded half away from zero on its decimal digits (<c>0.25</c> → 3,
        /// <c>-1.04</c> → -10): exact, without floating point. Magnitudes above 100,000 saturate at ±1,000,000.
        /// False (0) for exponents and non-numbers.
        /// </summary>
        /// <param name="tenths">The value in tenths, or 0.</param>
        /// <returns>True when the number has no exponent.</returns>
        public bool TryGetTenths(out int tenths)
        {
            tenths = 0;
            if (_token != JsonToken.Number)
            {
                return false;
            }

            int i = _tokenStart;
            int end = i + _tokenLength;
            bool negative = _buf[i] == (byte)'-';
            int acc = 0;
            int decimals = -1;
            for (i = negative ? i + 1 : i; i < end; i++)
            {
                int d = _buf[i] - (byte)'0';
                if (_buf[i] == (byte)'.')
                {
                    acc *= 10;
                    decimals = 0;
                }
                else if (d < 0 || d > 9)
                {
                    return false;
                }
                else if (decimals < 0)
                {
                    acc = acc > 100000 ? acc : (acc * 10) + d;
                }
                else if (++decimals == 1)
                {
                    acc += d;
                }
                else if (decimals == 2 && d >= 5)
                {
                    acc++;
                }
            }

            acc = decimals < 0 ? acc * 10 : acc;
            acc = acc > 1000000 ? 1000000 : acc;
            tenths = negative ? -acc : acc;
            return true;
        }

        private bool ReadValue(int p, byte b)
        {
            _tokenStart = p;
            _tokenLength = 1;
            switch (b)
            {
                case (byte)'{':
                case (byte)'[':
                    if (_depth >= _maxDepth)
                    {
                        return Fail(JsonError.DepthExceeded, p);
                    }

                    ulong bit = 1UL << _depth;
                    _arrays = b == (byte)'[' ? _arrays | bit : _arrays & ~bit;
                    _depth++;
                    _pos = p + 1;
                    _token = b == (byte)'[' ? JsonToken.StartArray : JsonToken.StartObject;
                    _state = b == (byte)'[' ? StateValueOrEnd : StateNameOrEnd;
                    return true;
                case (byte)'"':
                    return ReadString(p, JsonToken.String);
                case (byte)'t':
                    return Literal(p, s_true, JsonToken.True);
                case (byte)'f':
                    return Literal(p, s_false, JsonToken.False);
                case (byte)'n':
                    return Literal(p, s_null, JsonToken.Null);
                default:
                    return b == (byte)'-' || (b >= (byte)'0' && b <= (byte)'9') ? ReadNumber(p) : Fail(JsonError.UnexpectedCharacter, p);
            }
        }

        private bool ReadName(int p, byte b)
        {
            return b == (byte)'"' ? ReadString(p, JsonToken.PropertyName) : Fail(JsonError.ExpectedPropertyName, p);
        }

        private bool Close(int p, byte b)
        {
            if (InArray() != (b == (byte)']'))
            {
                return Fail(JsonError.MismatchedBracket, p);
            }

            _depth--;
            _tokenStart = p;
            _tokenLength = 1;
            _token = b == (byte)']' ? JsonToken.EndArray : JsonToken.EndObject;
            return Done(p + 1);
        }

        /// <summary>The token ends before <paramref name="next"/>: what may follow depends on the container.</summary>
        private bool Done(int next)
        {
            _pos = next;
            _state = _depth == 0 ? StateAfterRoot : StateCommaOrEnd;
            return true;
        }

        private bool ReadString(int quote, JsonToken token)
        {
            byte[] buf = _buf;
            byte[] plain = s_plain;
            int end = _end;
            int i = quote + 1;
            bool ascii = true;
            bool escaped = false;
            while (true)
            {
                // The common case first. Up to _stop a non-plain byte ends every run, so no bounds checks.
                if (i <= _stop)
                {
                    while (plain[buf[i]] != 0 && plain[buf[i + 1]] != 0 && plain[buf[i + 2]] != 0 && plain[buf[i + 3]] != 0)
                    {
                        i += 4;
                    }

                    while (plain[buf[i]] != 0)
                    {
                        i++;
                    }
                }

                while (i < end && plain[buf[i]] != 0)
                {
                    i++;
                }

                if (i >= end)
                {
                    return Fail(JsonError.UnexpectedEnd, i);
                }

                byte c = buf[i];
                if (c == (byte)'"')
                {
                    break;
                }

                ascii = false;
                if (c == (byte)'\\')
                {
                    escaped = true;
                    int at = i;
                    JsonError e = EscapeEnd(ref i);
                    if (e != JsonError.None)
                    {
                        return Fail(e, e == JsonError.UnexpectedEnd ? end : at);
                    }
                }
                else if (c < 0x20)
                {
                    return Fail(JsonError.ControlCharacterInString, i);
                }
                else
                {
                    int n = Utf8Length(i);
                    if (n == 0)
                    {
                        return Fail(JsonError.InvalidUtf8, i);
                    }

                    i += n;
                }
            }

            _ascii = ascii;
            _token = token;
            _tokenStart = quote + 1;
            _tokenLength = i - quote - 1;
            _escaped = escaped;
            if (token == JsonToken.PropertyName)
            {
                _pos = i + 1;
                _state = StateColon;
                return true;
            }

            return Done(i + 1);
        }

        /// <summary>Validates the escape at <paramref name="i"/> (a backslash) and moves past it; a high surrogate must be
        /// followed by an escaped low one.</summary>
        private JsonError EscapeEnd(ref int i)
        {
            int cp = EscapedUnit(i);
            if (cp < 0)
            {
                return (JsonError)(-cp);
            }

            i += cp > 0xFFFF ? 2 : 6;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
            {
                return JsonError.InvalidSurrogate;
            }

            if (cp >= 0xD800 && cp <= 0xDBFF)
            {
                int low = i < _end && _buf[i] == (byte)'\\' ? EscapedUnit(i) : -(int)JsonError.InvalidSurrogate;
                if (low == -(int)JsonError.UnexpectedEnd)
                {
                    return JsonError.UnexpectedEnd;
                }

                if (low < 0xDC00 || low > 0xDFFF)
                {
                    return JsonError.InvalidSurrogate;
                }

                i += 6;
            }

            return JsonError.None;
        }

        /// <summary>The UTF-16 unit of the escape at <paramref name="i"/>; a simple escape returns its char + 0x10000
        /// (two bytes long); a negative value is a negated <see cref="JsonError"/>.</summary>
        private int EscapedUnit(int i)
        {
            if (i + 1 >= _end)
            {
                return -(int)JsonError.UnexpectedEnd;
            }

            switch (_buf[i + 1])
            {
                case (byte)'"': return 0x10000 + '"';
                case (byte)'\\': return 0x10000 + '\\';
                case (byte)'/': return 0x10000 + '/';
                case (byte)'b': return 0x10000 + '\b';
                case (byte)'f': return 0x10000 + '\f';
                case (byte)'n': return 0x10000 + '\n';
                case (byte)'r': return 0x10000 + '\r';
                case (byte)'t': return 0x10000 + '\t';
                case (byte)'u':
                    break;
                default:
                    return -(int)JsonError.InvalidEscape;
            }

            int unit = 0;
            for (int k = i + 2; k < i + 6; k++)
            {
                if (k >= _end)
                {
                    return -(int)JsonError.UnexpectedEnd;
                }

                int h = Hex(_buf[k]);
                if (h < 0)
                {
                    return -(int)JsonError.InvalidEscape;
                }

                unit = (unit << 4) | h;
            }

            return unit;
        }

        /// <summary>Length of the well-formed UTF-8 sequence at <paramref name="i"/> (RFC 3629 §4), or 0.</summary>
        private int Utf8Length(int i)
        {
            int b = _buf[i];
            int n = b >= 0xC2 && b <= 0xDF ? 2 : (b >= 0xE0 && b <= 0xEF ? 3 : (b >= 0xF0 && b <= 0xF4 ? 4 : 0));
            if (n == 0 || i + n > _end)
            {
                return 0;
            }

            // The second byte's range excludes overlong forms, UTF-16 surrogates and code points above U+10FFFF.
            int second = _buf[i + 1];
            int low = b == 0xE0 ? 0xA0 : (b == 0xF0 ? 0x90 : 0x80);
            int high = b == 0xED ? 0x9F : (b == 0xF4 ? 0x8F : 0xBF);
            if (second < low || second > high)
            {
                return 0;
            }

            for (int k = 2; k < n; k++)
            {
                if ((_buf[i + k] & 0xC0) != 0x80)
                {
                    return 0;
                }
            }

            return n;
        }

        /// <summary>Decodes one code point of the current (validated) string at <paramref name="i"/> and moves past it.</summary>
        private int Decode(ref int i)
        {
            int b = _buf[i];
            if (b == '\\')
            {
                int unit = EscapedUnit(i);
                if (unit > 0xFFFF)
                {
                    i += 2;
                    return unit - 0x10000;
                }

                i += 6;
                if (unit < 0xD800 || unit > 0xDBFF)
                {
                    return unit;
                }

                int low = EscapedUnit(i);
                i += 6;
                return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            }

            int n = b < 0x80 ? 1 : (b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4));
            int cp = n == 1 ? b : b & (0x7F >> n);
            for (int k = 1; k < n; k++)
            {
                cp = (cp << 6) | (_buf[i + k] & 0x3F);
            }

            i += n;
            return cp;
        }

        private bool ReadNumber(int p)
        {
            byte[] buf = _buf;
            int end = _end;
            int i = buf[p] == (byte)'-' ? p + 1 : p;
            if (i >= end)
            {
                return Fail(JsonError.UnexpectedEnd, i);
            }

            if (buf[i] == (byte)'0' && i + 1 < end && IsDigit(buf[i + 1]))
            {
                return Fail(JsonError.LeadingZero, i);
            }

            i = Digits(i);
            if (i < 0)
            {
                return false;
            }

            if (i < end && buf[i] == (byte)'.')
            {
                i = Digits(i + 1);
                if (i < 0)
                {
                    return false;
                }
            }

            if (i < end && (buf[i] == (byte)'e' || buf[i] == (byte)'E'))
            {
                i++;
                i = Digits(i < end && (buf[i] == (byte)'+' || buf[i] == (byte)'-') ? i + 1 : i);
                if (i < 0)
                {
                    return false;
                }
            }

            if (i < end)
            {
                byte b = buf[i];
                if (b != (byte)',' && b != (byte)']' && b != (byte)'}' && b != (byte)' ' && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t')
                {
                    return Fail(JsonError.InvalidNumber, i);
                }
            }

            _token = JsonToken.Number;
            _tokenLength = i - p;
            return Done(i);
        }

        /// <summary>One or more digits from <paramref name="i"/>: the index after them, or -1 after failing.</summary>
        private int Digits(int i)
        {
            int first = i;
            while (i < _end && IsDigit(_buf[i]))
            {
                i++;
            }

            if (i > first)
            {
                return i;
            }

            Fail(i >= _end ? JsonError.UnexpectedEnd : JsonError.InvalidNumber, i);
            return -1;
        }

        private bool Literal(int p, byte[] chars, JsonToken token)
        {
            for (int k = 1; k < chars.Length; k++)
            {
                if (p + k >= _end)
                {
                    return Fail(JsonError.UnexpectedEnd, p + k);
                }

                if (_buf[p + k] != chars[k])
                {
                    return Fail(JsonError.InvalidLiteral, p + k);
                }
            }

            _token = token;
            _tokenLength = chars.Length;
            return Done(p + chars.Length);
        }

        private int SkipSpace(int p)
        {
            byte[] buf = _buf;
            int end = _end;
            while (p < end)
            {
                byte b = buf[p++];
                if (b == (byte)'\n')
                {
                    // Indentation follows a line feed: two spaces per bounds check.
                    while (p + 2 <= end && buf[p] == (byte)' ' && buf[p + 1] == (byte)' ')
                    {
                        p += 2;
                    }
                }
                else if (b != (byte)' ' && b != (byte)'\r' && b != (byte)'\t')
                {
                    return p - 1;
                }
            }

            return p;
        }

        private bool InArray()
        {
            return _depth > 0 && (_arrays & (1UL << (_depth - 1))) != 0;
        }

        private bool Fail(JsonError error, int at)
        {
            _error = error;
            _errorOffset = at - _start;
            _state = StateDone;
            _token = JsonToken.None;
            return false;
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        private static int Hex(byte b)
        {
            if (b >= (byte)'0' && b <= (byte)'9')
            {
                return b - '0';
            }

            int lower = b | 0x20;
            return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
        }
    }
}
