using System;

namespace TagoFirmware.Payload
{
    /// <summary>
    /// Writes a TagoIO data array (<c>[{"variable":…,"value":…,…},…]</c>, the format of TagoIO's MQTT guide and
    /// <c>POST /data</c>) into a caller-owned <c>byte[]</c> of fixed capacity, validating every field first so it
    /// never emits data TagoIO rejects, and allocating nothing on the <c>byte[]</c> overloads.
    /// </summary>
    /// <remarks>
    /// <para>Use: <see cref="Reset"/> (the constructor does it), then per item <see cref="BeginItem(byte[])"/>, the
    /// fields in the order value, unit, time, group, location, metadata (each optional), and
    /// <see cref="EndItem"/>; finally <see cref="Close"/> (or <see cref="CopyPayload"/>) and publish
    /// <see cref="Buffer"/>[0..<see cref="Length"/>).</para>
    /// <para>Errors never throw: each call returns a <see cref="TagoWriteResult"/>. The first error of an item
    /// sticks: the item is rolled back at once, later calls of that item do nothing and return the same error, and
    /// <see cref="EndItem"/> reports it. After a refused item the payload (bytes 0..<see cref="Length"/>,
    /// <see cref="Length"/>, <see cref="ItemCount"/>) is exactly as after the last complete item. Bytes beyond
    /// <see cref="Length"/> are scratch and never part of the payload.</para>
    /// <para>Capacity: the last byte of the buffer is always kept for the closing <c>]</c>, so a payload can be
    /// closed whatever was refused. An item that does not fit returns <see cref="TagoWriteResult.BufferFull"/>:
    /// close and publish this payload, <see cref="Reset"/>, and write the item again.</para>
    /// <para>Hot path: the <c>byte[]</c> overloads take names and texts pre-encoded as UTF-8 (see
    /// <see cref="TagoUtf8.GetBytes"/>, called once when the configuration is loaded). The <c>string</c> overloads
    /// are for rare payloads: each allocates one temporary <c>char[]</c> through <see cref="string.ToCharArray()"/>,
    /// because on nanoFramework strings are UTF-8 and indexing one walks it from the start.</para>
    /// <para>Not thread-safe: one writer per thread.</para>
    /// </remarks>
    public sealed class TagoJsonWriter
    {
        /// <summary>Longest variable name or metadata key TagoIO accepts.</summary>
        public const int MaxVariableLength = 100;

        /// <summary>Longest unit TagoIO accepts, in characters (UTF-16 code units).</summary>
        public const int MaxUnitLength = 25;

        /// <summary>Longest group this writer accepts (a sensor or sampling-cycle id).</summary>
        public const int MaxGroupLength = 24;

        /// <summary>Longest string value TagoIO accepts, in UTF-8 bytes (6 kB).</summary>
        public const int MaxStringValueBytes = 6000;

        /// <summary>Most decimals a number can be printed with.</summary>
        public const int MaxDecimals = FixedPointFormatter.MaxDecimals;

        /// <summary>Largest integer magnitude a JavaScript number (TagoIO's back end) holds exactly: 2^53 − 1.</summary>
        public const long MaxSafeInteger = 9007199254740991L;

        // Field ranks: keys must come in this order (the key order), metadata pairs may repeat.
        private const int RankNone = 0;
        private const int RankVariable = 1;
        private const int RankValue = 2;
        private const int RankUnit = 3;
        private const int RankTime = 4;
        private const int RankGroup = 5;
        private const int RankLocation = 6;
        private const int RankMetadata = 7;

        // Character classes of ASCII bytes.
        private const byte ClassVariable = 1;
        private const byte ClassGroup = 2;

        private static readonly byte[] s_class = BuildClasses();
        private static readonly byte[] s_variableKey = Ascii("{\"variable\":\"");
        private static readonly byte[] s_valueKey = Ascii(",\"value\":");
        private static readonly byte[] s_unitKey = Ascii(",\"unit\":\"");
        private static readonly byte[] s_timeKey = Ascii(",\"time\":\"");
        private static readonly byte[] s_groupKey = Ascii(",\"group\":\"");
        private static readonly byte[] s_latKey = Ascii(",\"location\":{\"lat\":");
        private static readonly byte[] s_lngKey = Ascii(",\"lng\":");
        private static readonly byte[] s_metadataKey = Ascii(",\"metadata\":{\"");
        private static readonly byte[] s_true = Ascii("true");
        private static readonly byte[] s_false = Ascii("false");

        private readonly byte[] _buffer;
        private readonly int _limit;
        private readonly byte[] _timeCache = new byte[IsoTimeFormatter.Length];
        private long _timeCacheMs = -1;
        private int _length;
        private int _itemCount;
        private int _itemStart;
        private int _rank;
        private bool _itemOpen;
        private bool _metadataOpen;
        private bool _closed;
        private TagoWriteResult _itemError;

        /// <summary>Creates a writer over <paramref name="buffer"/> and starts an empty payload.</summary>
        /// <param name="buffer">The caller-owned buffer; its length is the largest payload. At least 2 bytes (<c>[]</c>).</param>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="buffer"/> is shorter than 2 bytes.</exception>
        public TagoJsonWriter(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (buffer.Length < 2)
            {
                throw new ArgumentException("A payload needs at least 2 bytes: []", "buffer");
            }

            _buffer = buffer;

            // The last byte stays reserved for the closing ']'.
            _limit = buffer.Length - 1;
            Reset();
        }

        /// <summary>The buffer the payload is written into (the one given to the constructor).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Bytes of payload so far: from <c>[</c> to the last complete item, plus <c>]</c> once closed.</summary>
        public int Length
        {
            get { return _itemOpen ? _itemStart : _length; }
        }

        /// <summary>Complete items in the payload.</summary>
        public int ItemCount
        {
            get { return _itemCount; }
        }

        /// <summary>Bytes still free for items (the byte kept for <c>]</c> excluded).</summary>
        public int Remaining
        {
            get { return _closed ? 0 : _limit - Length; }
        }

        /// <summary>True once <see cref="Close"/> (or <see cref="CopyPayload"/>) has finished the array.</summary>
        public bool IsClosed
        {
            get { return _closed; }
        }

        /// <summary>True if <paramref name="name"/> is a valid variable name or metadata key: <c>[a-z0-9_]{1,100}</c>.</summary>
        /// <param name="name">The name as UTF-8.</param>
        /// <returns>Whether the writer accepts it.</returns>
        public static bool IsValidVariableName(byte[] name)
        {
            return IsWord(name, MaxVariableLength, ClassVariable);
        }

        /// <summary>True if <paramref name="group"/> is a valid group: 1–24 characters of <c>[A-Za-z0-9_-]</c>.</summary>
        /// <param name="group">The group as UTF-8.</param>
        /// <returns>Whether the writer accepts it.</returns>
        public static bool IsValidGroup(byte[] group)
        {
            return IsWord(group, MaxGroupLength, ClassGroup);
        }

        /// <summary>Starts a new, empty payload (<c>[</c>) in the same buffer, dropping any open item.</summary>
        public void Reset()
        {
            _buffer[0] = (byte)'[';
            _length = 1;
            _itemCount = 0;
            _itemOpen = false;
            _metadataOpen = false;
            _closed = false;
            _rank = RankNone;
            _itemError = TagoWriteResult.Ok;
        }

        /// <summary>
        /// Begins an item with its <c>variable</c>. If an item is still open it is dropped, and this call returns
        /// <see cref="TagoWriteResult.ItemAlreadyOpen"/> without starting a new one.
        /// </summary>
        /// <param name="variable">The variable name as UTF-8, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult BeginItem(byte[] variable)
        {
            if (_closed)
            {
                return TagoWriteResult.PayloadClosed;
            }

            if (_itemOpen)
            {
                return Fail(TagoWriteResult.ItemAlreadyOpen);
            }

            _itemOpen = true;
            _itemStart = _length;
            _itemError = TagoWriteResult.Ok;
            _metadataOpen = false;
            _rank = RankVariable;
            if (!IsWord(variable, MaxVariableLength, ClassVariable))
            {
                return Fail(TagoWriteResult.InvalidVariable);
            }

            int comma = _itemCount > 0 ? 1 : 0;
            int count = variable.Length;
            if (_length + comma + s_variableKey.Length + count + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            int p = _length;
            if (comma != 0)
            {
                _buffer[p++] = (byte)',';
            }

            p = Put(s_variableKey, p);
            p = Put(variable, p);
            _buffer[p++] = (byte)'"';
            _length = p;
            return TagoWriteResult.Ok;
        }

        /// <summary>Begins an item; the string form of <see cref="BeginItem(byte[])"/> for rare payloads (allocates).</summary>
        /// <param name="variable">The variable name, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult BeginItem(string variable)
        {
            // Null or unencodable text gives null, which BeginItem(byte[]) refuses as an invalid name.
            return BeginItem(TagoUtf8.GetBytes(variable));
        }

        /// <summary>
        /// Writes <c>"value"</c> as a number with exactly <paramref name="decimals"/> decimals: the digits of
        /// <c>value.ToString("F" + decimals, CultureInfo.InvariantCulture)</c> (exact binary value, ties to even), with
        /// a zero never signed.
        /// </summary>
        /// <param name="value">A finite value with |value|·10^decimals &lt; 2^53.</param>
        /// <param name="decimals">0–6.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Value(double value, int decimals)
        {
            TagoWriteResult r = Enter(RankValue);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            ulong scaled;
            bool negative;
            r = ScaleNumber(value, decimals, out scaled, out negative);
            if (r != TagoWriteResult.Ok)
            {
                return Fail(r);
            }

            int count = FixedPointFormatter.Length(scaled, decimals, negative);
            if (_length + s_valueKey.Length + count > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            int p = Put(s_valueKey, _length);
            _length = FixedPointFormatter.Write(_buffer, p, scaled, decimals, negative, count);
            _rank = RankValue;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>"value"</c> as an integer.</summary>
        /// <param name="value">Within ±<see cref="MaxSafeInteger"/>.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Value(long value)
        {
            TagoWriteResult r = Enter(RankValue);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            if (value > MaxSafeInteger || value < -MaxSafeInteger)
            {
                return Fail(TagoWriteResult.NumberTooLarge);
            }

            bool negative = value < 0;
            ulong magnitude = (ulong)(negative ? -value : value);
            int count = FixedPointFormatter.Length(magnitude, 0, negative);
            if (_length + s_valueKey.Length + count > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            int p = Put(s_valueKey, _length);
            _length = FixedPointFormatter.Write(_buffer, p, magnitude, 0, negative, count);
            _rank = RankValue;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>"value"</c> as <c>true</c> or <c>false</c>.</summary>
        /// <param name="value">The value.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Value(bool value)
        {
            TagoWriteResult r = Enter(RankValue);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            byte[] literal = value ? s_true : s_false;
            if (_length + s_valueKey.Length + literal.Length > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            int p = Put(s_valueKey, _length);
            _length = Put(literal, p);
            _rank = RankValue;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>"value"</c> as a string, escaped per RFC 8259.</summary>
        /// <param name="utf8">Well-formed UTF-8, at most 6000 bytes.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Value(byte[] utf8)
        {
            TagoWriteResult r = Enter(RankValue);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            if (utf8 == null)
            {
                return Fail(TagoWriteResult.InvalidString);
            }

            if (utf8.Length > MaxStringValueBytes)
            {
                return Fail(TagoWriteResult.StringTooLong);
            }

            int units;
            int escaped = JsonText.MeasureUtf8(utf8, 0, utf8.Length, out units);
            if (escaped < 0)
            {
                return Fail(TagoWriteResult.InvalidString);
            }

            if (_length + s_valueKey.Length + escaped + 2 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            int p = Put(s_valueKey, _length);
            _buffer[p++] = (byte)'"';
            p = JsonText.WriteUtf8(utf8, 0, utf8.Length, escaped, _buffer, p);
            _buffer[p++] = (byte)'"';
            _length = p;
            _rank = RankValue;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>"value"</c> as a string; the string form of <see cref="Value(byte[])"/> for rare payloads (allocates).</summary>
        /// <param name="text">At most 6000 bytes as UTF-8, no lone surrogates.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Value(string text)
        {
            // Null or unencodable text (a lone surrogate) gives null, which Value(byte[]) refuses as InvalidString.
            return Value(TagoUtf8.GetBytes(text));
        }

        /// <summary>Writes <c>"unit"</c>, escaped per RFC 8259.</summary>
        /// <param name="utf8">Well-formed UTF-8, at most 25 characters (e.g. <c>°C</c>, <c>%</c>).</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Unit(byte[] utf8)
        {
            TagoWriteResult r = Enter(RankUnit);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            if (utf8 == null)
            {
                return Fail(TagoWriteResult.InvalidString);
            }

            int units;
            int escaped = JsonText.MeasureUtf8(utf8, 0, utf8.Length, out units);
            if (escaped < 0)
            {
                return Fail(TagoWriteResult.InvalidString);
            }

            if (units > MaxUnitLength)
            {
                return Fail(TagoWriteResult.UnitTooLong);
            }

            if (_length + s_unitKey.Length + escaped + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            int p = Put(s_unitKey, _length);
            p = JsonText.WriteUtf8(utf8, 0, utf8.Length, escaped, _buffer, p);
            _buffer[p++] = (byte)'"';
            _length = p;
            _rank = RankUnit;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>"unit"</c>; the string form of <see cref="Unit(byte[])"/> for rare payloads (allocates).</summary>
        /// <param name="text">At most 25 characters.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Unit(string text)
        {
            // Null or unencodable text gives null, which Unit(byte[]) refuses as InvalidString.
            return Unit(TagoUtf8.GetBytes(text));
        }

        /// <summary>Writes <c>"time"</c> as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (sub-millisecond ticks are truncated).</summary>
        /// <param name="utc">The instant, in UTC (its <see cref="DateTime.Kind"/> is not consulted: nanoFramework clocks run in UTC).</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult TimeUtc(DateTime utc)
        {
            return WriteTime(utc.Ticks / 10000);
        }

        /// <summary>Writes <c>"time"</c> from Unix epoch milliseconds (how the reading queue stores times).</summary>
        /// <param name="unixMs">Milliseconds since 1970-01-01T00:00:00Z; years 0001–9999.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult TimeUnixMs(long unixMs)
        {
            // Out-of-range inputs wrap or land outside [0, MaxMs), both refused by WriteTime.
            if (unixMs < -IsoTimeFormatter.UnixEpochMs || unixMs >= IsoTimeFormatter.MaxMs - IsoTimeFormatter.UnixEpochMs)
            {
                return WriteTime(-1);
            }

            return WriteTime(unixMs + IsoTimeFormatter.UnixEpochMs);
        }

        /// <summary>Writes <c>"group"</c>, which ties the variables of one sampling cycle together in TagoIO.</summary>
        /// <param name="utf8">1–24 characters of <c>[A-Za-z0-9_-]</c>.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Group(byte[] utf8)
        {
            TagoWriteResult r = Enter(RankGroup);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            if (!IsWord(utf8, MaxGroupLength, ClassGroup))
            {
                return Fail(TagoWriteResult.InvalidGroup);
            }

            if (_length + s_groupKey.Length + utf8.Length + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            int p = Put(s_groupKey, _length);
            p = Put(utf8, p);
            _buffer[p++] = (byte)'"';
            _length = p;
            _rank = RankGroup;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>"group"</c>; the string form of <see cref="Group(byte[])"/> for rare payloads (allocates).</summary>
        /// <param name="group">1–24 characters of <c>[A-Za-z0-9_-]</c>.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Group(string group)
        {
            // Null or unencodable text gives null, which Group(byte[]) refuses as an invalid group.
            return Group(TagoUtf8.GetBytes(group));
        }

        /// <summary>Writes <c>"location":{"lat":…,"lng":…}</c> with 6 decimals (about 0.1 m).</summary>
        /// <param name="latitude">Degrees in [-90, 90].</param>
        /// <param name="longitude">Degrees in [-180, 180].</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Location(double latitude, double longitude)
        {
            TagoWriteResult r = Enter(RankLocation);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            // Written as !(in range) so NaN is refused too.
            if (!(latitude >= -90.0 && latitude <= 90.0))
            {
                return Fail(TagoWriteResult.InvalidLatitude);
            }

            if (!(longitude >= -180.0 && longitude <= 180.0))
            {
                return Fail(TagoWriteResult.InvalidLongitude);
            }

            ulong lat;
            ulong lng;
            bool latNegative;
            bool lngNegative;
            FixedPointFormatter.Scale(latitude, 6, out lat, out latNegative);
            FixedPointFormatter.Scale(longitude, 6, out lng, out lngNegative);
            int latCount = FixedPointFormatter.Length(lat, 6, latNegative);
            int lngCount = FixedPointFormatter.Length(lng, 6, lngNegative);
            if (_length + s_latKey.Length + latCount + s_lngKey.Length + lngCount + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            int p = Put(s_latKey, _length);
            p = FixedPointFormatter.Write(_buffer, p, lat, 6, latNegative, latCount);
            p = Put(s_lngKey, p);
            p = FixedPointFormatter.Write(_buffer, p, lng, 6, lngNegative, lngCount);
            _buffer[p++] = (byte)'}';
            _length = p;
            _rank = RankLocation;
            return TagoWriteResult.Ok;
        }

        /// <summary>Adds a string pair to <c>"metadata"</c>, escaped per RFC 8259.</summary>
        /// <param name="key">The key as UTF-8, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <param name="utf8">The value as well-formed UTF-8, at most 6000 bytes.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Metadata(byte[] key, byte[] utf8)
        {
            TagoWriteResult r = EnterMetadata(key);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            if (utf8 == null)
            {
                return Fail(TagoWriteResult.InvalidString);
            }

            if (utf8.Length > MaxStringValueBytes)
            {
                return Fail(TagoWriteResult.StringTooLong);
            }

            int units;
            int escaped = JsonText.MeasureUtf8(utf8, 0, utf8.Length, out units);
            if (escaped < 0)
            {
                return Fail(TagoWriteResult.InvalidString);
            }

            int p = PutMetadataKey(key, escaped + 2);
            if (p < 0)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _buffer[p++] = (byte)'"';
            p = JsonText.WriteUtf8(utf8, 0, utf8.Length, escaped, _buffer, p);
            _buffer[p++] = (byte)'"';
            _length = p;
            return TagoWriteResult.Ok;
        }

        /// <summary>Adds a number pair to <c>"metadata"</c>, printed like <see cref="Value(double, int)"/>.</summary>
        /// <param name="key">The key as UTF-8, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <param name="value">A finite value with |value|·10^decimals &lt; 2^53.</param>
        /// <param name="decimals">0–6.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Metadata(byte[] key, double value, int decimals)
        {
            TagoWriteResult r = EnterMetadata(key);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            ulong scaled;
            bool negative;
            r = ScaleNumber(value, decimals, out scaled, out negative);
            if (r != TagoWriteResult.Ok)
            {
                return Fail(r);
            }

            int count = FixedPointFormatter.Length(scaled, decimals, negative);
            int p = PutMetadataKey(key, count);
            if (p < 0)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _length = FixedPointFormatter.Write(_buffer, p, scaled, decimals, negative, count);
            return TagoWriteResult.Ok;
        }

        /// <summary>Adds an integer pair to <c>"metadata"</c>.</summary>
        /// <param name="key">The key as UTF-8, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <param name="value">Within ±<see cref="MaxSafeInteger"/>.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Metadata(byte[] key, long value)
        {
            TagoWriteResult r = EnterMetadata(key);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            if (value > MaxSafeInteger || value < -MaxSafeInteger)
            {
                return Fail(TagoWriteResult.NumberTooLarge);
            }

            bool negative = value < 0;
            ulong magnitude = (ulong)(negative ? -value : value);
            int count = FixedPointFormatter.Length(magnitude, 0, negative);
            int p = PutMetadataKey(key, count);
            if (p < 0)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _length = FixedPointFormatter.Write(_buffer, p, magnitude, 0, negative, count);
            return TagoWriteResult.Ok;
        }

        /// <summary>Adds a <c>true</c>/<c>false</c> pair to <c>"metadata"</c>.</summary>
        /// <param name="key">The key as UTF-8, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <param name="value">The value.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Metadata(byte[] key, bool value)
        {
            TagoWriteResult r = EnterMetadata(key);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            byte[] literal = value ? s_true : s_false;
            int p = PutMetadataKey(key, literal.Length);
            if (p < 0)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _length = Put(literal, p);
            return TagoWriteResult.Ok;
        }

        /// <summary>Adds a string pair to <c>"metadata"</c>; the string form for rare payloads (allocates).</summary>
        /// <param name="key">The key, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <param name="text">The value, at most 6000 bytes as UTF-8, no lone surrogates.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Metadata(string key, string text)
        {
            byte[] keyBytes = TagoUtf8.GetBytes(key);
            TagoWriteResult r = EnterMetadata(keyBytes);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            byte[] value = TagoUtf8.GetBytes(text);
            return value == null ? Fail(TagoWriteResult.InvalidString) : Metadata(keyBytes, value);
        }

        /// <summary>Adds a number pair to <c>"metadata"</c>; the string-key form for rare payloads (allocates).</summary>
        /// <param name="key">The key, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <param name="value">A finite value with |value|·10^decimals &lt; 2^53.</param>
        /// <param name="decimals">0–6.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Metadata(string key, double value, int decimals)
        {
            return Metadata(TagoUtf8.GetBytes(key), value, decimals);
        }

        /// <summary>Adds an integer pair to <c>"metadata"</c>; the string-key form for rare payloads (allocates).</summary>
        /// <param name="key">The key, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <param name="value">Within ±<see cref="MaxSafeInteger"/>.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Metadata(string key, long value)
        {
            return Metadata(TagoUtf8.GetBytes(key), value);
        }

        /// <summary>Adds a <c>true</c>/<c>false</c> pair to <c>"metadata"</c>; the string-key form for rare payloads (allocates).</summary>
        /// <param name="key">The key, <c>[a-z0-9_]{1,100}</c>.</param>
        /// <param name="value">The value.</param>
        /// <returns><see cref="TagoWriteResult.Ok"/> or the item's error.</returns>
        public TagoWriteResult Metadata(string key, bool value)
        {
            return Metadata(TagoUtf8.GetBytes(key), value);
        }

        /// <summary>
        /// Finishes the open item. Returns the item's first error if it had one (it was rolled back), or
        /// <see cref="TagoWriteResult.BufferFull"/> if its closing braces do not fit (it is rolled back too).
        /// </summary>
        /// <returns><see cref="TagoWriteResult.Ok"/> if the item is now part of the payload.</returns>
        public TagoWriteResult EndItem()
        {
            if (!_itemOpen)
            {
                return _closed ? TagoWriteResult.PayloadClosed : TagoWriteResult.NoItemOpen;
            }

            _itemOpen = false;
            _rank = RankNone;
            TagoWriteResult error = _itemError;
            if (error != TagoWriteResult.Ok)
            {
                _itemError = TagoWriteResult.Ok;
                return error;
            }

            int need = _metadataOpen ? 2 : 1;
            if (_length + need > _limit)
            {
                _length = _itemStart;
                _metadataOpen = false;
                return TagoWriteResult.BufferFull;
            }

            int p = _length;
            if (_metadataOpen)
            {
                _buffer[p++] = (byte)'}';
                _metadataOpen = false;
            }

            _buffer[p++] = (byte)'}';
            _length = p;
            _itemCount++;
            return TagoWriteResult.Ok;
        }

        /// <summary>
        /// Finishes the array with <c>]</c> (always possible: the byte is reserved) and returns the payload length.
        /// An item still open is dropped. Closing twice changes nothing.
        /// </summary>
        /// <returns>The payload length: publish <see cref="Buffer"/>[0..length).</returns>
        public int Close()
        {
            if (_itemOpen)
            {
                _itemOpen = false;
                _length = _itemStart;
                _metadataOpen = false;
                _itemError = TagoWriteResult.Ok;
            }

            if (!_closed)
            {
                _buffer[_length++] = (byte)']';
                _closed = true;
            }

            return _length;
        }

        /// <summary>
        /// Closes the payload (see <see cref="Close"/>) and returns it as a new exact-length array, for APIs that take
        /// a whole <c>byte[]</c> such as M2Mqtt's Publish: the one allocation per publish.
        /// </summary>
        /// <returns>A copy of the finished payload.</returns>
        public byte[] CopyPayload()
        {
            int length = Close();
            byte[] payload = new byte[length];
            Array.Copy(_buffer, payload, length);
            return payload;
        }

        private TagoWriteResult Enter(int rank)
        {
            if (!_itemOpen)
            {
                return _closed ? TagoWriteResult.PayloadClosed : TagoWriteResult.NoItemOpen;
            }

            if (_itemError != TagoWriteResult.Ok)
            {
                return _itemError;
            }

            if (rank <= _rank)
            {
                return Fail(TagoWriteResult.FieldOutOfOrder);
            }

            return TagoWriteResult.Ok;
        }

        private TagoWriteResult EnterMetadata(byte[] key)
        {
            TagoWriteResult r = EnterMetadataRank();
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            return IsWord(key, MaxVariableLength, ClassVariable) ? TagoWriteResult.Ok : Fail(TagoWriteResult.InvalidMetadataKey);
        }

        private TagoWriteResult EnterMetadataRank()
        {
            if (!_itemOpen)
            {
                return _closed ? TagoWriteResult.PayloadClosed : TagoWriteResult.NoItemOpen;
            }

            if (_itemError != TagoWriteResult.Ok)
            {
                return _itemError;
            }

            // Metadata pairs may repeat; nothing may follow them.
            return TagoWriteResult.Ok;
        }

        /// <summary>
        /// Writes <c>,"metadata":{"key":</c> (first pair) or <c>,"key":</c> if <paramref name="valueLength"/> more bytes
        /// fit after it; returns the position for the value, or -1 if the pair does not fit.
        /// </summary>
        private int PutMetadataKey(byte[] key, int valueLength)
        {
            int prefix = _metadataOpen ? 2 : s_metadataKey.Length;
            if (_length + prefix + key.Length + 2 + valueLength > _limit)
            {
                return -1;
            }

            int p;
            if (_metadataOpen)
            {
                p = _length;
                _buffer[p++] = (byte)',';
                _buffer[p++] = (byte)'"';
            }
            else
            {
                p = Put(s_metadataKey, _length);
                _metadataOpen = true;
            }

            p = Put(key, p);
            _buffer[p++] = (byte)'"';
            _buffer[p++] = (byte)':';
            _rank = RankMetadata;
            return p;
        }

        private TagoWriteResult WriteTime(long msSince0001)
        {
            TagoWriteResult r = Enter(RankTime);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            if (msSince0001 < 0 || msSince0001 >= IsoTimeFormatter.MaxMs)
            {
                return Fail(TagoWriteResult.InvalidTime);
            }

            if (_length + s_timeKey.Length + IsoTimeFormatter.Length + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            // Readings of one sampling cycle share their time: format it once.
            if (msSince0001 != _timeCacheMs)
            {
                IsoTimeFormatter.Write(_timeCache, 0, msSince0001);
                _timeCacheMs = msSince0001;
            }

            int p = Put(s_timeKey, _length);
            p = Put(_timeCache, p);
            _buffer[p++] = (byte)'"';
            _length = p;
            _rank = RankTime;
            return TagoWriteResult.Ok;
        }

        private static TagoWriteResult ScaleNumber(double value, int decimals, out ulong scaled, out bool negative)
        {
            if (decimals < 0 || decimals > MaxDecimals)
            {
                scaled = 0;
                negative = false;
                return TagoWriteResult.InvalidDecimals;
            }

            return FixedPointFormatter.Scale(value, decimals, out scaled, out negative);
        }

        private TagoWriteResult Fail(TagoWriteResult error)
        {
            // Roll the item back: the payload ends again after the last complete item.
            _itemError = error;
            _length = _itemStart;
            _metadataOpen = false;
            return error;
        }

        private int Put(byte[] source, int position)
        {
            int count = source.Length;
            Array.Copy(source, 0, _buffer, position, count);
            return position + count;
        }

        private static bool IsWord(byte[] text, int maxLength, byte charClass)
        {
            if (text == null)
            {
                return false;
            }

            int length = text.Length;
            if (length == 0 || length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                byte b = text[i];
                if (b >= 0x80 || (s_class[b] & charClass) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static byte[] BuildClasses()
        {
            byte[] table = new byte[128];
            for (int c = 'a'; c <= 'z'; c++)
            {
                table[c] = ClassVariable | ClassGroup;
            }

            for (int c = '0'; c <= '9'; c++)
            {
                table[c] = ClassVariable | ClassGroup;
            }

            for (int c = 'A'; c <= 'Z'; c++)
            {
                table[c] = ClassGroup;
            }

            table['_'] = ClassVariable | ClassGroup;
            table['-'] = ClassGroup;
            return table;
        }

        private static byte[] Ascii(string text)
        {
            // Static initialisation only (once per boot): a walk over a short literal.
            char[] chars = text.ToCharArray();
            byte[] bytes = new byte[chars.Length];
            for (int i = 0; i < chars.Length; i++)
            {
                bytes[i] = (byte)chars[i];
            }

            return bytes;
        }
    }
}
