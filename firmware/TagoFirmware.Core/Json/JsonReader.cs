namespace TagoFirmware.Json
{
    /// <summary>A forward-only pull reader for one RFC 8259 document in UTF-8 bytes, allocating only in <see cref="GetString"/>.</summary>
    /// <remarks>Written for the nanoFramework interpreter (about a microsecond per IL instruction): hot loops on locals, common case first. <see cref="Read"/> never throws
    /// (<see cref="Error"/>/<see cref="ErrorOffset"/> say why and where). Depth ≤ 64 (a bit mask). A byte-order mark is not JSON (RFC 8259 §8.1): callers skip it.</remarks>
    public class JsonReader
    {
        private const int StateValue = 0;
        private const int StateOpened = 1;
        private const int StateColon = 2;
        private const int StateCommaOrEnd = 3;
        private const int StateAfterRoot = 4;
        private const int StateDone = 5;

        private readonly byte[] _buf;
        private readonly int _start;
        private readonly int _end;
        private readonly int _maxDepth;
        private readonly int _stop;
        private readonly int _lastSolid;
        private int _pos;
        private int _state;
        private int _depth;
        private ulong _arrays;
        private bool _inArray;
        private int _tokenStart;
        private bool _escaped;
        private bool _ascii;

        // Fields rather than properties (every property read is a call on the interpreter); only the reader writes them.

        /// <summary>The current token; <see cref="JsonToken.None"/> before the first read, at the end and after an error.</summary>
        public JsonToken Token;
        /// <summary>The first error met, or <see cref="JsonError.None"/>.</summary>
        public JsonError Error;
        /// <summary>Offset of the offending byte from the document's start; -1 without an error.</summary>
        public int ErrorOffset = -1;
        /// <summary>Length of the current token's raw bytes (for strings: between the quotes, still escaped).</summary>
        public int TokenLength;

        /// <summary>Creates a reader over <paramref name="length"/> bytes of <paramref name="utf8"/> from <paramref name="offset"/>, a range the caller checked, nesting at most <paramref name="maxDepth"/> (1–64) deep.</summary>
        public JsonReader(byte[] utf8, int offset, int length, int maxDepth)
        {
            _maxDepth = maxDepth;
            _buf = utf8;
            _start = offset;
            _end = offset + length;
            _pos = offset;

            // The last byte that ends a run of plain string bytes: scans up to it need no bounds checks.
            int stop = _end - 1;
            while (stop >= offset && JsonBytes.Plain[utf8[stop]] != 0)
            {
                stop--;
            }

            _stop = stop;
            int solid = _end - 1;
            while (solid >= offset && (utf8[solid] == (byte)' ' || utf8[solid] == (byte)'\n' || utf8[solid] == (byte)'\r' || utf8[solid] == (byte)'\t'))
            {
                solid--;
            }

            _lastSolid = solid;
        }

        /// <summary>Offset of the current token from the document's start (for strings: the byte after the quote).</summary>
        public int TokenOffset => _tokenStart - _start;

        /// <summary>The first raw byte of the current token (for strings: after the quote), or -1 for an empty one.</summary>
        public int FirstByte => TokenLength > 0 && Token != JsonToken.None ? _buf[_tokenStart] : -1;

        /// <summary>Moves to the next token; false at the end of the document or on the first error, and ever after.</summary>
        public bool Read()
        {
            if (_state == StateDone)
            {
                return false;
            }

            byte[] buf = _buf;
            int end = _end;
            int p = _pos;
            p = p < end && buf[p] > (byte)' ' ? p : SkipSpace(p);
            if (p >= end)
            {
                if (_state != StateAfterRoot)
                {
                    return Fail(JsonError.UnexpectedEnd, p);
                }

                _state = StateDone;
                Token = JsonToken.None;
                return false;
            }

            byte b = buf[p];
            switch (_state)
            {
                case StateValue:
                    return ReadValue(p, b);
                case StateColon:
                    if (b != (byte)':')
                    {
                        return Fail(JsonError.ExpectedColon, p);
                    }

                    // "key": value is the common case: one space, then the value.
                    p = p + 2 < end && buf[p + 1] == (byte)' ' && buf[p + 2] > (byte)' ' ? p + 2 : SkipSpace(p + 1);
                    return p >= end ? Fail(JsonError.UnexpectedEnd, p) : ReadValue(p, buf[p]);
                case StateCommaOrEnd:
                    if (b != (byte)',')
                    {
                        return (b | 0x20) == '}' ? Close(p, b) : Fail(JsonError.ExpectedCommaOrEnd, p);
                    }

                    p = SkipSpace(p + 1);
                    b = p < end ? buf[p] : (byte)'}';
                    if ((b | 0x20) == '}')
                    {
                        return Fail(p < end ? JsonError.TrailingComma : JsonError.UnexpectedEnd, p);
                    }

                    goto case StateOpened;
                case StateOpened:
                    // ']' and '}' differ only in bit 0x20, as do '[' and '{'.
                    return (b | 0x20) == '}' ? Close(p, b) : _inArray ? ReadValue(p, b)
                        : (b == (byte)'"' ? ReadString(p, JsonToken.PropertyName) : Fail(JsonError.ExpectedPropertyName, p));
                default:
                    return Fail(JsonError.TrailingData, p);
            }
        }

        /// <summary>Skips the current value (a property's value, a container up to its end); stops early on malformed input, with <see cref="Error"/> set.</summary>
        public void Skip()
        {
            if ((Token == JsonToken.PropertyName && !Read()) || (Token != JsonToken.StartObject && Token != JsonToken.StartArray))
            {
                return;
            }

            int depth = _depth - 1;
            while (Read())
            {
                if ((Token == JsonToken.EndObject || Token == JsonToken.EndArray) && _depth == depth)
                {
                    return;
                }
            }
        }

        /// <summary>The current string or property name, unescaped (allocates); null for other tokens.</summary>
        public string GetString() => IsText ? JsonBytes.Text(_buf, _tokenStart, TokenLength, _ascii) : null;

        /// <summary>True when the current string or property name, unescaped, equals <paramref name="utf8"/> byte for byte. Allocates nothing.</summary>
        public bool ValueEquals(byte[] utf8) => utf8 != null && IsText && JsonBytes.TextEquals(_buf, _tokenStart, TokenLength, _escaped, utf8);

        /// <summary>The current number as a 64-bit integer; false (0) for fractions, exponents, overflow and non-numbers.</summary>
        public bool TryGetInt64(out long value)
        {
            // Up to 19 digits fit a ulong without overflow; JSON has no leading zeros, so more digits always overflow.
            value = 0;
            if (Token != JsonToken.Number)
            {
                return false;
            }

            byte[] buf = _buf;
            int i = _tokenStart;
            int end = i + TokenLength;
            bool negative = buf[i] == (byte)'-';
            i = negative ? i + 1 : i;
            if (end - i > 19)
            {
                return false;
            }

            ulong acc = 0;
            for (; i < end; i++)
            {
                int d = buf[i] - (byte)'0';
                if (d < 0 || d > 9)
                {
                    return false;
                }

                acc = (acc * 10) + (ulong)d;
            }

            if (acc > (negative ? 9223372036854775808UL : long.MaxValue))
            {
                return false;
            }

            value = negative ? (long)(~acc + 1) : (long)acc;
            return true;
        }

        /// <summary>The current number in tenths, rounded half away from zero (<c>0.25</c> → 3, <c>-1.04</c> → -10) on its decimal digits without floating
        /// point; saturates at ±1,000,000; false (0) for exponents and non-numbers.</summary>
        public bool TryGetTenths(out int tenths)
        {
            tenths = 0;
            if (Token != JsonToken.Number)
            {
                return false;
            }

            byte[] buf = _buf;
            int i = _tokenStart;
            int end = i + TokenLength;
            bool negative = buf[i] == (byte)'-';
            int acc = 0;
            int decimals = -1;
            for (i = negative ? i + 1 : i; i < end; i++)
            {
                int d = buf[i] - (byte)'0';
                if (buf[i] == (byte)'.')
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

        private bool IsText => Token == JsonToken.String || Token == JsonToken.PropertyName;

        private bool ReadValue(int p, byte b)
        {
            _tokenStart = p;
            TokenLength = 1;
            if (b == (byte)'"')
            {
                return ReadString(p, JsonToken.String);
            }

            if ((b | 0x20) == '{')
            {
                int depth = _depth;
                if (depth >= _maxDepth)
                {
                    return Fail(JsonError.DepthExceeded, p);
                }

                ulong bit = 1UL << depth;
                bool array = b == (byte)'[';
                _inArray = array;
                _arrays = array ? _arrays | bit : _arrays & ~bit;
                _depth = depth + 1;
                _pos = p + 1;
                Token = array ? JsonToken.StartArray : JsonToken.StartObject;
                _state = StateOpened;
                return true;
            }

            JsonToken token = b == (byte)'-' || JsonBytes.IsDigit(b) ? JsonToken.Number
                : (b == (byte)'t' ? JsonToken.True : (b == (byte)'f' ? JsonToken.False : (b == (byte)'n' ? JsonToken.Null : JsonToken.None)));
            return token != JsonToken.None ? Scalar(p, token) : Fail(JsonError.UnexpectedCharacter, p);
        }

        private bool Scalar(int p, JsonToken token)
        {
            int i = p;
            JsonError e = token == JsonToken.Number ? JsonBytes.NumberEnd(_buf, _end, ref i) : JsonBytes.LiteralEnd(_buf, _end, ref i);
            if (e != JsonError.None)
            {
                return Fail(e, i);
            }

            Token = token;
            TokenLength = i - p;
            return Done(i);
        }

        private bool Close(int p, byte b)
        {
            if (_inArray != (b == (byte)']'))
            {
                return Fail(JsonError.MismatchedBracket, p);
            }

            int depth = --_depth;
            _inArray = depth > 0 && (_arrays & (1UL << (depth - 1))) != 0;
            _tokenStart = p;
            TokenLength = 1;
            Token = b == (byte)']' ? JsonToken.EndArray : JsonToken.EndObject;
            return Done(p + 1);
        }

        private bool Done(int next)
        {
            _pos = next;
            _state = _depth == 0 ? StateAfterRoot : StateCommaOrEnd;
            return true;
        }

        private bool ReadString(int quote, JsonToken token)
        {
            byte[] buf = _buf;
            byte[] plain = JsonBytes.Plain;
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

                if (c < 0x20)
                {
                    return Fail(JsonError.ControlCharacterInString, i);
                }

                ascii = false;
                escaped |= c == (byte)'\\';
                int at = i;
                int cp = JsonBytes.Decode(buf, end, ref i);
                if (cp < 0)
                {
                    return Fail((JsonError)(-cp), cp == -(int)JsonError.UnexpectedEnd ? end : at);
                }
            }

            _ascii = ascii;
            Token = token;
            _tokenStart = quote + 1;
            TokenLength = i - quote - 1;
            _escaped = escaped;
            if (token == JsonToken.PropertyName)
            {
                _pos = i + 1;
                _state = StateColon;
                return true;
            }

            return Done(i + 1);
        }

        private int SkipSpace(int p)
        {
            byte[] buf = _buf;

            // Up to the last non-whitespace byte every run of whitespace ends inside the document: no bounds checks.
            while (p <= _lastSolid)
            {
                while (buf[p] == (byte)' ' && buf[p + 1] == (byte)' ')
                {
                    p += 2;
                }

                byte b = buf[p];
                if (b != (byte)' ' && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t')
                {
                    return p;
                }

                p++;
            }

            return _end; // only whitespace is left
        }

        private bool Fail(JsonError error, int at)
        {
            Error = error;
            ErrorOffset = at - _start;
            _state = StateDone;
            Token = JsonToken.None;
            return false;
        }
    }
}
