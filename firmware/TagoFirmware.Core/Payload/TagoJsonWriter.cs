using System;
using TagoFirmware.Readings;

namespace TagoFirmware.Payload
{
    /// <summary>
    /// Writes a TagoIO data array (<c>[{"variable":…,"value":…},…]</c>) into a caller-owned fixed <c>byte[]</c>,
    /// validating every field so it never emits data TagoIO rejects, allocating nothing (docs/payload-format.md).
    /// </summary>
    /// <remarks>
    /// Per item: <see cref="BeginItem(TagoText)"/>, then value, unit, time, group in that order (each
    /// optional), <see cref="EndItem"/>; finally <see cref="Close"/>. Nothing throws: the first error of an item sticks
    /// and rolls the item back, leaving the payload as after the last complete item. The last byte is kept for the
    /// closing <c>]</c>, so a payload can always be closed; <see cref="TagoWriteResult.BufferFull"/> means publish,
    /// <see cref="Reset"/> and write the item again. <see cref="TagoText"/> fields are checked once and block-copied
    /// (the device interprets IL, so per-byte loops are the cost); <c>byte[]</c> overloads check on every call.
    /// </remarks>
    public sealed class TagoJsonWriter : IItemWriter
    {
        /// <summary>Longest variable name TagoIO accepts.</summary>
        public const int MaxVariableLength = 100;

        /// <summary>Longest unit TagoIO accepts, in characters (UTF-16 code units).</summary>
        public const int MaxUnitLength = 25;

        /// <summary>Longest string value TagoIO accepts, in UTF-8 bytes (6 kB).</summary>
        public const int MaxStringValueBytes = 6000;

        /// <summary>Largest integer magnitude a JavaScript number (TagoIO's back end) holds exactly: 2^53 − 1.</summary>
        public const long MaxSafeInteger = 9007199254740991L;

        // Field ranks: keys must come in this order. RankNone: no item open.
        private const int RankNone = 0;
        private const int RankVariable = 1;
        private const int RankValue = 2;
        private const int RankUnit = 3;
        private const int RankTime = 4;
        private const int RankGroup = 5;

        private static readonly byte[] s_variableKey = TagoUtf8.GetBytes(",{\"variable\":\"");
        private static readonly byte[] s_valueKey = TagoUtf8.GetBytes(",\"value\":");
        private static readonly byte[] s_textValueKey = TagoUtf8.GetBytes(",\"value\":\"");
        private static readonly byte[] s_unitKey = TagoUtf8.GetBytes(",\"unit\":\"");
        private static readonly byte[] s_timeKey = TagoUtf8.GetBytes(",\"time\":\"");
        private static readonly byte[] s_groupKey = TagoUtf8.GetBytes(",\"group\":\"");

        private readonly byte[] _buffer;
        private readonly int _limit;

        // ,"time":"yyyy-MM-ddTHH:mm:ss.fffZ" of the last time written: the items of a sampling cycle share it.
        private readonly byte[] _time = new byte[s_timeKey.Length + IsoTimeFormatter.Length + 1];
        private long _timeUnixMs = long.MinValue;
        private int _timeDay = -1;

        // ,"group":"<id>" of the last cycle time written: the items of a sampling cycle share it.
        private readonly byte[] _cycle = new byte[s_groupKey.Length + ReadingGroupId.Length + 1];
        private long _cycleUnixMs = -1;

        // A number is formatted backwards at the end of this scratch, then copied (no length pass).
        private readonly byte[] _digits = new byte[24];

        private int _length;
        private int _itemCount;
        private int _itemStart;
        private int _rank;
        private bool _closed;
        private TagoWriteResult _itemError;

        /// <summary>Creates a writer over <paramref name="buffer"/> and starts an empty payload.</summary>
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
            Array.Copy(s_timeKey, _time, s_timeKey.Length);
            Array.Copy(s_groupKey, _cycle, s_groupKey.Length);
            _cycle[_cycle.Length - 1] = (byte)'"';
            _time[_time.Length - 1] = (byte)'"';
            Reset();
        }

        /// <summary>The buffer the payload is written into (the one given to the constructor).</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Bytes of payload so far: from <c>[</c> to the last complete item, plus <c>]</c> once closed.</summary>
        public int Length => _rank != RankNone ? _itemStart : _length;

        /// <summary>Complete items in the payload.</summary>
        public int ItemCount => _itemCount;

        /// <summary>Starts a new, empty payload (<c>[</c>) in the same buffer, dropping any open item.</summary>
        public void Reset()
        {
            _buffer[0] = (byte)'[';
            _length = 1;
            _itemCount = 0;
            _closed = false;
            _rank = RankNone;
            _itemError = TagoWriteResult.Ok;
        }

        /// <summary>
        /// Begins an item with its <c>variable</c>. If an item is still open it is dropped, and this call returns
        /// <see cref="TagoWriteResult.ItemAlreadyOpen"/> without starting a new one.
        /// </summary>
        public TagoWriteResult BeginItem(TagoText variable) => Begin(variable != null && variable.IsName ? variable.Json : null);

        /// <summary>Begins an item; the form of <see cref="BeginItem(TagoText)"/> that checks the name on every call.</summary>
        public TagoWriteResult BeginItem(byte[] variable)
        {
            // A valid name needs no escaping.
            return Begin(JsonText.IsName(variable) ? variable : null);
        }

        /// <summary>Writes <c>"value"</c>: <paramref name="scaled"/>·10^-<paramref name="decimals"/> exactly (decimals 0–6, |scaled| ≤ 2^53 − 1).</summary>
        public TagoWriteResult Value(long scaled, int decimals)
        {
            TagoWriteResult r = Enter(RankValue);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            int start = FixedPointFormatter.Format(scaled, decimals, _digits);
            if (start < 0)
            {
                return Fail((TagoWriteResult)(-start));
            }

            int count = _digits.Length - start;
            if (_length + s_valueKey.Length + count > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            int p = Put(s_valueKey, _length);
            Array.Copy(_digits, start, _buffer, p, count);
            _length = p + count;
            _rank = RankValue;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>"value"</c> as an integer.</summary>
        public TagoWriteResult Value(long value) => Value(value, 0);

        /// <summary>Writes <c>"value"</c> as a string, escaped per RFC 8259; checks the text on every call.</summary>
        public TagoWriteResult Value(byte[] utf8)
        {
            int units;
            int escaped = utf8 == null ? -1 : JsonText.MeasureUtf8(utf8, out units);
            return Text(RankValue, s_textValueKey, utf8, escaped, escaped < 0 ? 0 : utf8.Length);
        }

        /// <summary>Writes <c>"unit"</c>.</summary>
        public TagoWriteResult Unit(TagoText unit)
        {
            return unit == null ? Text(RankUnit, s_unitKey, null, -1, 0) : Text(RankUnit, s_unitKey, unit.Json, unit.Json.Length, unit.Utf16Length);
        }

        /// <summary>Writes <c>"unit"</c>, escaped per RFC 8259; checks the text on every call.</summary>
        public TagoWriteResult Unit(byte[] utf8)
        {
            int units = 0;
            int escaped = utf8 == null ? -1 : JsonText.MeasureUtf8(utf8, out units);
            return Text(RankUnit, s_unitKey, utf8, escaped, units);
        }

        /// <summary>Writes <c>"time"</c> as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> from Unix epoch milliseconds.</summary>
        public TagoWriteResult TimeUnixMs(long unixMs)
        {
            TagoWriteResult r = Enter(RankTime);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            if (unixMs < -IsoTimeFormatter.UnixEpochMs || unixMs >= IsoTimeFormatter.MaxMs - IsoTimeFormatter.UnixEpochMs)
            {
                return Fail(TagoWriteResult.InvalidTime);
            }

            if (_length + _time.Length > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            if (unixMs != _timeUnixMs)
            {
                // Payloads hold readings of one day or two: the date part is rarely formatted again.
                long ms = unixMs + IsoTimeFormatter.UnixEpochMs;
                int day = (int)(ms / IsoTimeFormatter.MsPerDay);
                if (day != _timeDay)
                {
                    IsoTimeFormatter.WriteDate(_time, s_timeKey.Length, day);
                    _timeDay = day;
                }

                IsoTimeFormatter.WriteTimeOfDay(_time, s_timeKey.Length, (int)(ms - (day * IsoTimeFormatter.MsPerDay)));
                _timeUnixMs = unixMs;
            }

            _length = Put(_time, _length);
            _rank = RankTime;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>"group"</c>, which ties the variables of one sampling cycle together in TagoIO: the <see cref="ReadingGroupId"/> of the cycle's time, formatted once per cycle.</summary>
        public TagoWriteResult GroupOfTime(long unixMs)
        {
            TagoWriteResult r = Enter(RankGroup);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            if (unixMs != _cycleUnixMs || unixMs < 0)
            {
                if (ReadingGroupId.Write(unixMs, _cycle, s_groupKey.Length) == 0)
                {
                    return Fail(TagoWriteResult.InvalidGroup);
                }

                _cycleUnixMs = unixMs;
            }

            if (_length + _cycle.Length > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _length = Put(_cycle, _length);
            _rank = RankGroup;
            return TagoWriteResult.Ok;
        }

        /// <summary>
        /// Finishes the open item. Returns the item's first error if it had one (it was rolled back), or
        /// <see cref="TagoWriteResult.BufferFull"/> if its closing braces do not fit (it is rolled back too).
        /// </summary>
        public TagoWriteResult EndItem()
        {
            if (_rank == RankNone)
            {
                return _closed ? TagoWriteResult.PayloadClosed : TagoWriteResult.NoItemOpen;
            }

            _rank = RankNone;
            TagoWriteResult error = _itemError;
            if (error != TagoWriteResult.Ok)
            {
                _itemError = TagoWriteResult.Ok;
                return error;
            }

            if (_length + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _buffer[_length++] = (byte)'}';
            _itemCount++;
            return TagoWriteResult.Ok;
        }

        /// <summary>
        /// Finishes the array with <c>]</c> (always possible: the byte is reserved) and returns the payload length.
        /// An item still open is dropped. Closing twice changes nothing.
        /// </summary>
        public int Close()
        {
            if (_rank != RankNone)
            {
                Fail(TagoWriteResult.Ok);
                _rank = RankNone;
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
        public byte[] CopyPayload()
        {
            int length = Close();
            byte[] payload = new byte[length];
            Array.Copy(_buffer, payload, length);
            return payload;
        }

        private TagoWriteResult Begin(byte[] name)
        {
            if (_closed)
            {
                return TagoWriteResult.PayloadClosed;
            }

            if (_rank != RankNone)
            {
                return Fail(TagoWriteResult.ItemAlreadyOpen);
            }

            _itemStart = _length;
            _itemError = TagoWriteResult.Ok;
            _rank = RankVariable;
            if (name == null)
            {
                return Fail(TagoWriteResult.InvalidVariable);
            }

            // The key starts with the comma between items; the first item skips it.
            int skip = _itemCount > 0 ? 0 : 1;
            int keyLength = s_variableKey.Length - skip;
            if (_length + keyLength + name.Length + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            Array.Copy(s_variableKey, skip, _buffer, _length, keyLength);
            int p = Put(name, _length + keyLength);
            _buffer[p++] = (byte)'"';
            _length = p;
            return TagoWriteResult.Ok;
        }

        /// <summary>
        /// Writes a string field: <paramref name="key"/> (ending in the opening quote), then <paramref name="text"/>
        /// escaped to <paramref name="escaped"/> bytes (-1: null or malformed; equal to its length:
        /// copied as it is), then the closing quote. <paramref name="size"/> is what the field's limit counts (UTF-8
        /// bytes for a value, UTF-16 code units for a unit).
        /// </summary>
        private TagoWriteResult Text(int rank, byte[] key, byte[] text, int escaped, int size)
        {
            TagoWriteResult r = Enter(rank);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            if (escaped < 0)
            {
                return Fail(TagoWriteResult.InvalidString);
            }

            if (rank == RankUnit ? size > MaxUnitLength : size > MaxStringValueBytes)
            {
                return Fail(rank == RankUnit ? TagoWriteResult.UnitTooLong : TagoWriteResult.StringTooLong);
            }

            if (_length + key.Length + escaped + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            int p = JsonText.WriteUtf8(text, escaped, _buffer, Put(key, _length));
            _buffer[p++] = (byte)'"';
            _length = p;
            _rank = rank;
            return TagoWriteResult.Ok;
        }

        private TagoWriteResult Enter(int rank)
        {
            if (_rank == RankNone)
            {
                return _closed ? TagoWriteResult.PayloadClosed : TagoWriteResult.NoItemOpen;
            }

            if (_itemError != TagoWriteResult.Ok)
            {
                return _itemError;
            }

            return rank > _rank ? TagoWriteResult.Ok : Fail(TagoWriteResult.FieldOutOfOrder);
        }

        private TagoWriteResult Fail(TagoWriteResult error)
        {
            // Roll the item back: the payload ends again after the last complete item.
            _itemError = error;
            _length = _itemStart;
            return error;
        }

        private int Put(byte[] source, int position)
        {
            Array.Copy(source, 0, _buffer, position, source.Length);
            return position + source.Length;
        }
    }
}
