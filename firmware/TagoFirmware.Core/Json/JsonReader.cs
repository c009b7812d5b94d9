namespace TagoFirmware.Json
{
    /// <summary>
    /// A forward-only pull reader for one RFC 8259 JSON document held as UTF-8 bytes.
    /// </summary>
    /// <remarks>
    /// Built for nanoFramework: no generics, no allocation except in <see cref="GetString"/>, and strings are never
    /// indexed (they are UTF-8 on the device, so indexing walks them). The nesting stack is a 64-bit mask (bit n set =
    /// level n+1 is an array), so depth is capped at 64, the same default as System.Text.Json.
    /// Strings are fully validated when they are read (escapes, surrogate pairs, UTF-8, control characters), so an
    /// error always surfaces from <see cref="Read"/>, never later. Bad input never throws: <see cref="Read"/> returns
    /// false and <see cref="Error"/>/<see cref="ErrorOffset"/> say why and where.
    /// A leading byte-order mark is not skipped (RFC 8259 §8.1: senders must not add one); callers that read files
    /// written by editors which add one should skip it before constructing the reader.
    /// </remarks>
    public class JsonReader
    {
        /// <summary>The nesting depth allowed when none is given: 64, as in System.Text.Json.</summary>
        public const int DefaultMaxDepth = 64;

        // What the next Read expects.
        private const int StateValue = 0;             // the top-level value (a ',' is consumed together with the token after it)
        private const int StateValueOrEndArray = 1;   // right after '['
        private const int StateNameOrEndObject = 2;   // right after '{'
        private const int StateColon = 4;             // after a member name
        private const int StateCommaOrEnd = 5;        // after a value inside a container
        private const int StateAfterRoot = 6;         // the top-level value is complete: only whitespace may follow
        private const int StateFinished = 7;          // end reached or error recorded

        private readonly byte[] _buffer;
        private readonly int _start;
        private readonly int _end;
        private readonly int _maxDepth;

        private int _pos;
        private int _state;
        private int _depth;
        private ulong _arrayMask;
        private JsonToken _token;
        private int _tokenStart;
        private int _tokenLength;
        private bool _tokenHasEscapes;
        private JsonError _error;
        private int _errorOffset;

        /// <summary>Creates a reader over <paramref name="length"/> bytes of <paramref name="utf8"/> from
        /// <paramref name="offset"/>, allowing <see cref="DefaultMaxDepth"/> levels of nesting.</summary>
        /// <param name="utf8">The document as UTF-8 bytes; not copied, so it must not change while reading.</param>
        /// <param name="offset">Index of the first byte of the document.</param>
        /// <param name="length">Number of bytes in the document.</param>
        public JsonReader(byte[] utf8, int offset, int length)
            : this(utf8, offset, length, DefaultMaxDepth)
        {
        }

        /// <summary>Creates a reader over <paramref name="length"/> bytes of <paramref name="utf8"/> from
        /// <paramref name="offset"/>.</summary>
        /// <param name="utf8">The document as UTF-8 bytes; not copied, so it must not change while reading.</param>
        /// <param name="offset">Index of the first byte of the document.</param>
        /// <param name="length">Number of bytes in the document.</param>
        /// <param name="maxDepth">Deepest nesting of objects/arrays allowed, 1…64 (values outside are clamped).</param>
        /// <remarks>Invalid arguments do not throw: the reader starts in error <see cref="JsonError.InvalidArguments"/>.</remarks>
        public JsonReader(byte[] utf8, int offset, int length, int maxDepth)
        {
            _maxDepth = maxDepth < 1 ? 1 : (maxDepth > 64 ? 64 : maxDepth);
            _buffer = utf8;
            if (utf8 == null || offset < 0 || length < 0 || offset > utf8.Length || length > utf8.Length - offset)
            {
                _start = 0;
                _end = 0;
                _state = StateFinished;
                _error = JsonError.InvalidArguments;
                return;
            }

            _start = offset;
            _end = offset + length;
            _pos = offset;
            _state = StateValue;
        }

        /// <summary>The token the reader stands on; <see cref="JsonToken.None"/> before the first read, at the end and
        /// after an error.</summary>
        public JsonToken Token
        {
            get { return _token; }
        }

        /// <summary>The first error met, or <see cref="JsonError.None"/>.</summary>
        public JsonError Error
        {
            get { return _error; }
        }

        /// <summary>Offset of the offending byte, counted from the start of the document (not of the buffer);
        /// -1 when there is no error.</summary>
        public int ErrorOffset
        {
            get { return _error == JsonError.None ? -1 : _errorOffset; }
        }

        /// <summary>Offset of the current token's first byte, counted from the start of the document. For strings and
        /// property names it is the byte after the opening quote.</summary>
        public int TokenOffset
        {
            get { return _tokenStart - _start; }
        }

        /// <summary>Length in bytes of the current token's raw text (for strings: between the quotes, still escaped).</summary>
        public int TokenLength
        {
            get { return _tokenLength; }
        }

        /// <summary>Nesting depth of the current token, as System.Text.Json counts it: 0 for the top-level value (and
        /// its own Start/End tokens), 1 for the members or items directly inside it, and so on.</summary>
        public int CurrentDepth
        {
            get
            {
                if (_token == JsonToken.StartObject || _token == JsonToken.StartArray)
                {
                    return _depth - 1;
                }

                return _depth;
            }
        }

        /// <summary>True once the whole document has been read successfully (the last <see cref="Read"/> returned
        /// false without an error).</summary>
        public bool IsComplete
        {
            get { return _state == StateFinished && _error == JsonError.None; }
        }

        /// <summary>
        /// Moves to the next token. Returns false at the end of a well-formed document (then <see cref="Error"/> is
        /// <see cref="JsonError.None"/>) or on the first error; once it returned false it keeps returning false.
        /// </summary>
        /// <returns>True when <see cref="Token"/> holds a new token.</returns>
        public bool Read()
        {
            if (_state == StateFinished)
            {
                _token = JsonToken.None;
                return false;
            }

            SkipWhitespace();
            if (_pos >= _end)
            {
                if (_state == StateAfterRoot)
                {
                    _state = StateFinished;
                    _token = JsonToken.None;
                    return false;
                }

                return Fail(JsonError.UnexpectedEnd, _pos);
            }

            byte b = _buffer[_pos];
            switch (_state)
            {
                case StateAfterRoot:
                    return Fail(JsonError.TrailingData, _pos);

                case StateValue:
                    return ReadValue(b);

                case StateValueOrEndArray:
                    if (b == (byte)']' || b == (byte)'}')
                    {
                        return CloseContainer(b == (byte)']');
                    }

                    return ReadValue(b);

                case StateNameOrEndObject:
                    if (b == (byte)'}' || b == (byte)']')
                    {
                        return CloseContainer(b == (byte)']');
                    }

                    return ReadPropertyName(b);

                case StateColon:
                    if (b != (byte)':')
                    {
                        return Fail(JsonError.ExpectedColon, _pos);
                    }

                    _pos++;
                    SkipWhitespace();
                    if (_pos >= _end)
                    {
                        return Fail(JsonError.UnexpectedEnd, _pos);
                    }

                    return ReadValue(_buffer[_pos]);

                default: // StateCommaOrEnd
                    bool inArray = InArray();
                    if (b == (byte)',')
                    {
                        _pos++;
                        SkipWhitespace();
                        if (_pos >= _end)
                        {
                            return Fail(JsonError.UnexpectedEnd, _pos);
                        }

                        b = _buffer[_pos];
                        if (b == (byte)']' || b == (byte)'}')
                        {
                            return Fail(JsonError.TrailingComma, _pos);
                        }

                        if (inArray)
                        {
                            return ReadValue(b);
                        }

                        return ReadPropertyName(b);
                    }

                    if (b == (byte)']' || b == (byte)'}')
                    {
                        return CloseContainer(b == (byte)']');
                    }

                    return Fail(JsonError.ExpectedCommaOrEnd, _pos);
            }
        }

        /// <summary>
        /// Skips the current value: on <see cref="JsonToken.StartObject"/> or <see cref="JsonToken.StartArray"/> the
        /// reader ends on the matching End token; on <see cref="JsonToken.PropertyName"/> it reads the member's value
        /// and skips that; on a scalar it does nothing. Stops early (with <see cref="Error"/> set) on malformed input.
        /// </summary>
        public void Skip()
        {
            if (_token == JsonToken.PropertyName)
            {
                if (!Read())
                {
                    return;
                }
            }

            if (_token != JsonToken.StartObject && _token != JsonToken.StartArray)
            {
                return;
            }

            int targetDepth = _depth - 1;
            while (Read())
            {
                if ((_token == JsonToken.EndObject || _token == JsonToken.EndArray) && _depth == targetDepth)
                {
                    return;
                }
            }
        }

        /// <summary>
        /// The current string value or property name, unescaped. Allocates the string; returns null for other tokens.
        /// </summary>
        /// <returns>The decoded text, or null when the token is not a string or property name.</returns>
        public string GetString()
        {
            if (_token != JsonToken.String && _token != JsonToken.PropertyName)
            {
                return null;
            }

            if (_tokenLength == 0)
            {
                return string.Empty;
            }

            // A UTF-16 string never has more code units than its UTF-8 (or escaped) form has bytes.
            char[] chars = new char[_tokenLength];
            int count = 0;
            int i = _tokenStart;
            int end = _tokenStart + _tokenLength;
            while (i < end)
            {
                int cp = DecodeAt(i, out i);
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[count++] = (char)(0xD800 + (cp >> 10));
                    chars[count++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else
                {
                    chars[count++] = (char)cp;
                }
            }

            return new string(chars, 0, count);
        }

        /// <summary>
        /// Compares the current string value or property name, after unescaping, with <paramref name="utf8"/>
        /// byte for byte. Allocates nothing. False for other tokens or a null argument.
        /// </summary>
        /// <param name="utf8">The expected text as UTF-8 bytes (typically a pre-encoded static array).</param>
        /// <returns>True when the decoded text equals <paramref name="utf8"/>.</returns>
        public bool ValueEquals(byte[] utf8)
        {
            if (utf8 == null || (_token != JsonToken.String && _token != JsonToken.PropertyName))
            {
                return false;
            }

            if (!_tokenHasEscapes)
            {
                if (utf8.Length != _tokenLength)
                {
                    return false;
                }

                for (int k = 0; k < _tokenLength; k++)
                {
                    if (_buffer[_tokenStart + k] != utf8[k])
                    {
                        return false;
                    }
                }

                return true;
            }

            int j = 0;
            int i = _tokenStart;
            int end = _tokenStart + _tokenLength;
            while (i < end)
            {
                int cp = DecodeAt(i, out i);

                // Re-encode the code point as UTF-8 (RFC 3629 §3) and compare byte by byte.
                if (cp < 0x80)
                {
                    if (j >= utf8.Length || utf8[j++] != (byte)cp)
                    {
                        return false;
                    }
                }
                else if (cp < 0x800)
                {
                    if (j + 2 > utf8.Length || utf8[j] != (byte)(0xC0 | (cp >> 6)) || utf8[j + 1] != (byte)(0x80 | (cp & 0x3F)))
                    {
                        return false;
                    }

                    j += 2;
                }
                else if (cp < 0x10000)
                {
                    if (j + 3 > utf8.Length || utf8[j] != (byte)(0xE0 | (cp >> 12))
                        || utf8[j + 1] != (byte)(0x80 | ((cp >> 6) & 0x3F)) || utf8[j + 2] != (byte)(0x80 | (cp & 0x3F)))
                    {
                        return false;
                    }

                    j += 3;
                }
                else
                {
                    if (j + 4 > utf8.Length || utf8[j] != (byte)(0xF0 | (cp >> 18))
                        || utf8[j + 1] != (byte)(0x80 | ((cp >> 12) & 0x3F))
                        || utf8[j + 2] != (byte)(0x80 | ((cp >> 6) & 0x3F)) || utf8[j + 3] != (byte)(0x80 | (cp & 0x3F)))
                    {
                        return false;
                    }

                    j += 4;
                }
            }

            return j == utf8.Length;
        }

        /// <summary>
        /// The current number as a 64-bit integer. False (value 0) when the token is not a number, has a fraction or
        /// exponent part, or does not fit a <see cref="long"/>. Allocates nothing.
        /// </summary>
        /// <param name="value">The integer, or 0 on failure.</param>
        /// <returns>True when the number is an integer within range.</returns>
        public bool TryGetInt64(out long value)
        {
            value = 0;
            if (_token != JsonToken.Number)
            {
                return false;
            }

            int i = _tokenStart;
            int end = _tokenStart + _tokenLength;
            bool negative = _buffer[i] == (byte)'-';
            if (negative)
            {
                i++;
            }

            // Accumulate negatively so long.MinValue (whose magnitude has no positive long) parses too.
            long acc = 0;
            const long limit = long.MinValue / 10; // -922337203685477580
            for (; i < end; i++)
            {
                int d = _buffer[i] - (byte)'0';
                if (d < 0 || d > 9)
                {
                    return false; // '.', 'e' or 'E': not an integer
                }

                if (acc < limit)
                {
                    return false;
                }

                acc *= 10;
                if (acc < long.MinValue + d)
                {
                    return false;
                }

                acc -= d;
            }

            if (!negative)
            {
                if (acc == long.MinValue)
                {
                    return false;
                }

                acc = -acc;
            }

            value = acc;
            return true;
        }

        /// <summary>
        /// The current number as a 32-bit integer; false (value 0) unless it is an integer within <see cref="int"/>.
        /// </summary>
        /// <param name="value">The integer, or 0 on failure.</param>
        /// <returns>True when the number is an integer within range.</returns>
        public bool TryGetInt32(out int value)
        {
            long v;
            if (TryGetInt64(out v) && v >= int.MinValue && v <= int.MaxValue)
            {
                value = (int)v;
                return true;
            }

            value = 0;
            return false;
        }

        /// <summary>
        /// The current number as a double. False (value 0) when the token is not a number or its magnitude overflows
        /// to infinity (System.Text.Json returns true with ±Infinity there; no setting of ours can use an infinite
        /// value, so refusing it keeps it out of every range check). Numbers of at most 15 significant digits with a small
        /// decimal exponent are converted exactly without allocating (Clinger's fast path: both the digits and the
        /// power of ten are exact doubles, so one IEEE multiplication or division rounds correctly); others fall back
        /// to <see cref="double.Parse(string)"/> on a culture-neutral digits-and-exponent string (allocates).
        /// </summary>
        /// <param name="value">The number, or 0 on failure.</param>
        /// <returns>True when the number is finite.</returns>
        public bool TryGetDouble(out double value)
        {
            value = 0;
            if (_token != JsonToken.Number)
            {
                return false;
            }

            int i = _tokenStart;
            int end = _tokenStart + _tokenLength;
            bool negative = _buffer[i] == (byte)'-';
            if (negative)
            {
                i++;
            }

            // Collect up to 19 significant digits; count the rest only as a decimal exponent shift.
            ulong mantissa = 0;
            int significant = 0;
            int exponent = 0;
            bool truncated = false;
            bool fraction = false;
            for (; i < end; i++)
            {
                byte b = _buffer[i];
                if (b == (byte)'.')
                {
                    fraction = true;
                    continue;
                }

                if (b == (byte)'e' || b == (byte)'E')
                {
                    break;
                }

                int d = b - (byte)'0';
                if (significant == 0 && d == 0)
                {
                    if (fraction)
                    {
                        exponent--;
                    }

                    continue;
                }

                if (significant < 19)
                {
                    mantissa = (mantissa * 10) + (ulong)d;
                    significant++;
                    if (fraction)
                    {
                        exponent--;
                    }
                }
                else
                {
                    if (d != 0)
                    {
                        truncated = true;
                    }

                    if (!fraction)
                    {
                        exponent++;
                    }
                }
            }

            if (i < end)
            {
                exponent += ReadExponent(i, end);
            }

            double result;
            if (mantissa == 0)
            {
                result = 0.0;
            }
            else if (!truncated && significant <= 15 && exponent >= -22 && exponent <= 22)
            {
                result = (double)mantissa;
                double scale = PowerOfTen(exponent < 0 ? -exponent : exponent);
                result = exponent < 0 ? result / scale : result * scale;
            }
            else if (exponent > 400)
            {
                return false; // at least 1e400: overflows
            }
            else if (exponent < -400)
            {
                result = 0.0; // below 1e-324 even with 19 digits: underflows to zero
            }
            else
            {
                result = ParseSlow();
            }

            if (double.IsInfinity(result) || double.IsNaN(result))
            {
                return false;
            }

            value = negative ? -result : result;
            return true;
        }

        /// <summary>Records the first error and stops the reader.</summary>
        private bool Fail(JsonError error, int position)
        {
            _error = error;
            _errorOffset = position - _start;
            _state = StateFinished;
            _token = JsonToken.None;
            return false;
        }

        private bool InArray()
        {
            return ((_arrayMask >> (_depth - 1)) & 1UL) != 0;
        }

        private void SkipWhitespace()
        {
            // RFC 8259 §2: insignificant whitespace is space, tab, line feed and carriage return only.
            while (_pos < _end)
            {
                byte b = _buffer[_pos];
                if (b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D)
                {
                    return;
                }

                _pos++;
            }
        }

        private void ValueDone()
        {
            _state = _depth == 0 ? StateAfterRoot : StateCommaOrEnd;
        }

        private bool OpenContainer(bool isArray)
        {
            if (_depth >= _maxDepth)
            {
                return Fail(JsonError.DepthExceeded, _pos);
            }

            if (isArray)
            {
                _arrayMask |= 1UL << _depth;
            }
            else
            {
                _arrayMask &= ~(1UL << _depth);
            }

            _depth++;
            _tokenStart = _pos;
            _tokenLength = 1;
            _pos++;
            _token = isArray ? JsonToken.StartArray : JsonToken.StartObject;
            _state = isArray ? StateValueOrEndArray : StateNameOrEndObject;
            return true;
        }

        private bool CloseContainer(bool isArray)
        {
            if (InArray() != isArray)
            {
                return Fail(JsonError.MismatchedBracket, _pos);
            }

            _depth--;
            _tokenStart = _pos;
            _tokenLength = 1;
            _pos++;
            _token = isArray ? JsonToken.EndArray : JsonToken.EndObject;
            ValueDone();
            return true;
        }

        private bool ReadPropertyName(byte b)
        {
            if (b != (byte)'"')
            {
                return Fail(JsonError.ExpectedPropertyName, _pos);
            }

            if (!ScanString())
            {
                return false;
            }

            _token = JsonToken.PropertyName;
            _state = StateColon;
            return true;
        }

        private bool ReadValue(byte b)
        {
            switch (b)
            {
                case (byte)'{':
                    return OpenContainer(false);
                case (byte)'[':
                    return OpenContainer(true);
                case (byte)'"':
                    if (!ScanString())
                    {
                        return false;
                    }

                    _token = JsonToken.String;
                    ValueDone();
                    return true;
                case (byte)'t':
                    return ReadLiteral(s_true, JsonToken.True);
                case (byte)'f':
                    return ReadLiteral(s_false, JsonToken.False);
                case (byte)'n':
                    return ReadLiteral(s_null, JsonToken.Null);
                default:
                    if (b == (byte)'-' || (b >= (byte)'0' && b <= (byte)'9'))
                    {
                        return ScanNumber();
                    }

                    return Fail(JsonError.UnexpectedCharacter, _pos);
            }
        }

        private static readonly byte[] s_true = new byte[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e' };
        private static readonly byte[] s_false = new byte[] { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' };
        private static readonly byte[] s_null = new byte[] { (byte)'n', (byte)'u', (byte)'l', (byte)'l' };

        private bool ReadLiteral(byte[] literal, JsonToken token)
        {
            for (int k = 0; k < literal.Length; k++)
            {
                if (_pos + k >= _end)
                {
                    return Fail(JsonError.UnexpectedEnd, _pos + k);
                }

                if (_buffer[_pos + k] != literal[k])
                {
                    return Fail(JsonError.InvalidLiteral, _pos + k);
                }
            }

            _tokenStart = _pos;
            _tokenLength = literal.Length;
            _pos += literal.Length;
            _token = token;
            ValueDone();
            return true;
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        /// <summary>RFC 8259 §6: number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT ).</summary>
        private bool ScanNumber()
        {
            int p = _pos;
            if (_buffer[p] == (byte)'-')
            {
                p++;
                if (p >= _end)
                {
                    return Fail(JsonError.UnexpectedEnd, p);
                }
            }

            if (_buffer[p] == (byte)'0')
            {
                p++;
                if (p < _end && IsDigit(_buffer[p]))
                {
                    return Fail(JsonError.LeadingZero, p - 1);
                }
            }
            else if (IsDigit(_buffer[p]))
            {
                while (p < _end && IsDigit(_buffer[p]))
                {
                    p++;
                }
            }
            else
            {
                return Fail(JsonError.InvalidNumber, p);
            }

            if (p < _end && _buffer[p] == (byte)'.')
            {
                p++;
                if (p >= _end)
                {
                    return Fail(JsonError.UnexpectedEnd, p);
                }

                if (!IsDigit(_buffer[p]))
                {
                    return Fail(JsonError.InvalidNumber, p);
                }

                while (p < _end && IsDigit(_buffer[p]))
                {
                    p++;
                }
            }

            if (p < _end && (_buffer[p] == (byte)'e' || _buffer[p] == (byte)'E'))
            {
                p++;
                if (p < _end && (_buffer[p] == (byte)'+' || _buffer[p] == (byte)'-'))
                {
                    p++;
                }

                if (p >= _end)
                {
                    return Fail(JsonError.UnexpectedEnd, p);
                }

                if (!IsDigit(_buffer[p]))
                {
                    return Fail(JsonError.InvalidNumber, p);
                }

                while (p < _end && IsDigit(_buffer[p]))
                {
                    p++;
                }
            }

            // A number must end at a structural character or whitespace ("1x", "1.5.2" are not numbers).
            if (p < _end)
            {
                byte n = _buffer[p];
                if (n != (byte)',' && n != (byte)']' && n != (byte)'}' && n != 0x20 && n != 0x09 && n != 0x0A && n != 0x0D)
                {
                    return Fail(JsonError.InvalidNumber, p);
                }
            }

            _tokenStart = _pos;
            _tokenLength = p - _pos;
            _pos = p;
            _token = JsonToken.Number;
            ValueDone();
            return true;
        }

        private static int HexValue(byte b)
        {
            if (b >= (byte)'0' && b <= (byte)'9')
            {
                return b - (byte)'0';
            }

            if (b >= (byte)'a' && b <= (byte)'f')
            {
                return b - (byte)'a' + 10;
            }

            if (b >= (byte)'A' && b <= (byte)'F')
            {
                return b - (byte)'A' + 10;
            }

            return -1;
        }

        /// <summary>Reads 4 hex digits at <paramref name="p"/>; -1 when any is missing or not hex.</summary>
        private int Hex4(int p)
        {
            if (p + 4 > _end)
            {
                return -1;
            }

            int v = 0;
            for (int k = 0; k < 4; k++)
            {
                int h = HexValue(_buffer[p + k]);
                if (h < 0)
                {
                    return -1;
                }

                v = (v << 4) | h;
            }

            return v;
        }

        /// <summary>
        /// Validates a string starting at the opening quote at _pos and sets the token span to its content.
        /// RFC 8259 §7 (escapes, control characters) and §8.1 / RFC 3629 §4 (well-formed UTF-8: no overlong forms, no
        /// UTF-8-encoded surrogates, nothing above U+10FFFF).
        /// </summary>
        private bool ScanString()
        {
            int p = _pos + 1;
            bool escapes = false;
            while (true)
            {
                if (p >= _end)
                {
                    return Fail(JsonError.UnexpectedEnd, p);
                }

                byte b = _buffer[p];
                if (b == (byte)'"')
                {
                    break;
                }

                if (b < 0x20)
                {
                    return Fail(JsonError.ControlCharacterInString, p);
                }

                if (b == (byte)'\\')
                {
                    escapes = true;
                    if (p + 1 >= _end)
                    {
                        return Fail(JsonError.UnexpectedEnd, p + 1);
                    }

                    byte e = _buffer[p + 1];
                    if (e == (byte)'u')
                    {
                        int unit = Hex4(p + 2);
                        if (unit < 0)
                        {
                            return Fail(JsonError.InvalidEscape, p);
                        }

                        if (unit >= 0xDC00 && unit <= 0xDFFF)
                        {
                            return Fail(JsonError.InvalidSurrogate, p);
                        }

                        if (unit >= 0xD800 && unit <= 0xDBFF)
                        {
                            // A high surrogate must be followed by an escaped low surrogate (RFC 8259 §7).
                            if (p + 7 >= _end || _buffer[p + 6] != (byte)'\\' || _buffer[p + 7] != (byte)'u')
                            {
                                return Fail(JsonError.InvalidSurrogate, p);
                            }

                            int low = Hex4(p + 8);
                            if (low < 0)
                            {
                                return Fail(JsonError.InvalidEscape, p + 6);
                            }

                            if (low < 0xDC00 || low > 0xDFFF)
                            {
                                return Fail(JsonError.InvalidSurrogate, p);
                            }

                            p += 12;
                        }
                        else
                        {
                            p += 6;
                        }

                        continue;
                    }

                    if (e == (byte)'"' || e == (byte)'\\' || e == (byte)'/' || e == (byte)'b' || e == (byte)'f'
                        || e == (byte)'n' || e == (byte)'r' || e == (byte)'t')
                    {
                        p += 2;
                        continue;
                    }

                    return Fail(JsonError.InvalidEscape, p);
                }

                if (b < 0x80)
                {
                    p++;
                    continue;
                }

                int n = Utf8SequenceLength(p);
                if (n <= 0)
                {
                    return Fail(n == 0 ? JsonError.UnexpectedEnd : JsonError.InvalidUtf8, p);
                }

                p += n;
            }

            _tokenStart = _pos + 1;
            _tokenLength = p - _tokenStart;
            _tokenHasEscapes = escapes;
            _pos = p + 1;
            return true;
        }

        /// <summary>
        /// Length of the well-formed multi-byte UTF-8 sequence at <paramref name="p"/> (RFC 3629 §4 table), -1 when
        /// ill-formed, 0 when the document ends inside it.
        /// </summary>
        private int Utf8SequenceLength(int p)
        {
            byte b = _buffer[p];
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF)
            {
                n = 2;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                n = 3;
                if (b == 0xE0)
                {
                    lo = 0xA0; // no overlong 3-byte forms
                }
                else if (b == 0xED)
                {
                    hi = 0x9F; // no UTF-8-encoded surrogates
                }
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                n = 4;
                if (b == 0xF0)
                {
                    lo = 0x90; // no overlong 4-byte forms
                }
                else if (b == 0xF4)
                {
                    hi = 0x8F; // nothing above U+10FFFF
                }
            }
            else
            {
                return -1; // continuation byte, C0/C1 overlong lead, or F5..FF
            }

            for (int k = 1; k < n; k++)
            {
                if (p + k >= _end)
                {
                    // Distinguish a truncated sequence at the end of the document from a bad byte inside it.
                    return 0;
                }

                int c = _buffer[p + k];
                if (c < lo || c > hi)
                {
                    return -1;
                }

                lo = 0x80;
                hi = 0xBF;
            }

            return n;
        }

        /// <summary>Decodes one code point of an already validated string at <paramref name="i"/>.</summary>
        private int DecodeAt(int i, out int next)
        {
            byte b = _buffer[i];
            if (b == (byte)'\\')
            {
                byte e = _buffer[i + 1];
                switch (e)
                {
                    case (byte)'b':
                        next = i + 2;
                        return 0x08;
                    case (byte)'f':
                        next = i + 2;
                        return 0x0C;
                    case (byte)'n':
                        next = i + 2;
                        return 0x0A;
                    case (byte)'r':
                        next = i + 2;
                        return 0x0D;
                    case (byte)'t':
                        next = i + 2;
                        return 0x09;
                    case (byte)'u':
                        int unit = Hex4(i + 2);
                        if (unit >= 0xD800 && unit <= 0xDBFF)
                        {
                            int low = Hex4(i + 8);
                            next = i + 12;
                            return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        }

                        next = i + 6;
                        return unit;
                    default: // '"', '\\', '/'
                        next = i + 2;
                        return e;
                }
            }

            if (b < 0x80)
            {
                next = i + 1;
                return b;
            }

            if (b < 0xE0)
            {
                next = i + 2;
                return ((b & 0x1F) << 6) | (_buffer[i + 1] & 0x3F);
            }

            if (b < 0xF0)
            {
                next = i + 3;
                return ((b & 0x0F) << 12) | ((_buffer[i + 1] & 0x3F) << 6) | (_buffer[i + 2] & 0x3F);
            }

            next = i + 4;
            return ((b & 0x07) << 18) | ((_buffer[i + 1] & 0x3F) << 12) | ((_buffer[i + 2] & 0x3F) << 6) | (_buffer[i + 3] & 0x3F);
        }

        /// <summary>10^n for 0 ≤ n ≤ 22, all exactly representable as doubles (10^22 &lt; 2^53 · 2^22).</summary>
        private static double PowerOfTen(int n)
        {
            double r = 1.0;
            double b = 10.0;
            while (n > 0)
            {
                if ((n & 1) != 0)
                {
                    r *= b;
                }

                b *= b;
                n >>= 1;
            }

            return r;
        }

        /// <summary>
        /// Full-precision conversion for numbers the fast path cannot convert exactly. Builds "digits" + "e" + exponent
        /// without sign or decimal point, so no culture's separators can change the meaning (the host's
        /// <see cref="double.Parse(string)"/> uses the current culture).
        /// </summary>
        private double ParseSlow()
        {
            int i = _tokenStart;
            int end = _tokenStart + _tokenLength;
            if (_buffer[i] == (byte)'-')
            {
                i++;
            }

            char[] chars = new char[_tokenLength + 12];
            int n = 0;
            int exponent = 0;
            bool fraction = false;
            for (; i < end; i++)
            {
                byte b = _buffer[i];
                if (b == (byte)'.')
                {
                    fraction = true;
                    continue;
                }

                if (b == (byte)'e' || b == (byte)'E')
                {
                    break;
                }

                chars[n++] = (char)b;
                if (fraction)
                {
                    exponent--;
                }
            }

            if (i < end)
            {
                exponent += ReadExponent(i, end);
            }

            chars[n++] = 'e';
            if (exponent < 0)
            {
                chars[n++] = '-';
                exponent = -exponent;
            }

            // Write the exponent's digits (at most 6 after saturation plus the digit count shift).
            int digitsStart = n;
            do
            {
                chars[n++] = (char)('0' + (exponent % 10));
                exponent /= 10;
            }
            while (exponent > 0);

            for (int a = digitsStart, z = n - 1; a < z; a++, z--)
            {
                char t = chars[a];
                chars[a] = chars[z];
                chars[z] = t;
            }

            return double.Parse(new string(chars, 0, n));
        }

        /// <summary>
        /// The value of an already validated exponent part <c>[eE][+-]?digits</c> that starts at <paramref name="i"/>
        /// (the 'e') and ends at <paramref name="end"/>; saturated so absurd exponents cannot overflow an int.
        /// </summary>
        /// <param name="i">Offset of the 'e' or 'E'.</param>
        /// <param name="end">Offset just past the number.</param>
        /// <returns>The signed exponent.</returns>
        private int ReadExponent(int i, int end)
        {
            i++;
            bool negative = false;
            if (_buffer[i] == (byte)'-' || _buffer[i] == (byte)'+')
            {
                negative = _buffer[i] == (byte)'-';
                i++;
            }

            int e = 0;
            for (; i < end; i++)
            {
                if (e < 100000)
                {
                    e = (e * 10) + (_buffer[i] - (byte)'0');
                }
            }

            return negative ? -e : e;
        }
    }
}
