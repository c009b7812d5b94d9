using System;
using TagoFirmware.Payload;
using TagoFirmware.Readings;

namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// The TagoTiP <see cref="IItemWriter"/>: a PUSH body as MQTT carries it, <c>!N|@TIME^GROUP[var;var;…]</c> (TagoTiP
    /// 1.0 §6, https://github.com/tago-io/tagotip), in a caller-owned buffer; validates every field, allocates nothing.
    /// </summary>
    /// <remarks>
    /// A time or group equal to the frame's is inherited (§6.4); only <c>@TIME</c> before <c>^GROUP</c> is written, the
    /// order revisions C and D both accept. The first error of a variable sticks and rolls it back;
    /// <see cref="TagoWriteResult.BufferFull"/>: write it into the next frame. Frames are at most min(16,384, buffer)
    /// bytes, one reserved for <c>]</c>. Queued readings use names and units encoded once and count the frame's cycles.
    /// </remarks>
    public sealed class TagoTipWriter : IItemWriter
    {
        /// <summary>Largest frame TagoTiP servers must accept, in bytes (§4.5).</summary>
        public const int MaxFrameBytes = 16384;
        /// <summary>Most variables in one <c>[…]</c> block (§4.5.1).</summary>
        public const int MaxVariables = 100;
        /// <summary>Longest unit, in bytes.</summary>
        public const int MaxUnitBytes = 25;

        private const int RankName = 1;
        private const int RankValue = 2;
        private const int RankUnit = 3;
        private const int RankTime = 4;
        private const int RankGroup = 5;

        private readonly byte[] _buffer;
        private readonly int _limit;
        private readonly byte[][] _names;
        private readonly byte[][] _units;
        private readonly byte[] _frameGroup = new byte[ReadingGroupId.Length];
        private readonly byte[] _digits = new byte[20];
        private readonly byte[] _number = new byte[24];
        private readonly byte[] _cycle = new byte[ReadingGroupId.Length];
        private long _cycleUnixMs = -1;
        private bool _cycleIsFrameGroup;
        private long _digitsValue = -1;
        private int _digitsStart;
        private int _frameGroupLength;
        private long _frameTime;
        private long _sequence = -1;
        private long _nextFrameTime = -1;
        private long _lastTime = long.MinValue;
        private int _cycles;
        private int _cycleLimit;
        private int _length;
        private int _itemStart;
        private int _variables;
        private int _rank;
        private bool _begun;
        private bool _open;
        private TagoWriteResult _itemError;

        /// <summary>Creates a writer over a buffer of at least 160 bytes (a header and one small variable) and, per
        /// variable index, the UTF-8 names (checked by the config) and units of queued readings (null: none).</summary>
        /// <exception cref="ArgumentException"><paramref name="buffer"/> is null or shorter than 160 bytes.</exception>
        public TagoTipWriter(byte[] buffer, byte[][] names, byte[][] units)
        {
            if (buffer == null || buffer.Length < 160)
            {
                throw new ArgumentException("buffer");
            }

            _buffer = buffer;
            _limit = (buffer.Length < MaxFrameBytes ? buffer.Length : MaxFrameBytes) - 1;
            int count = names == null ? 0 : names.Length;
            _names = new byte[count][];
            _units = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                _names[i] = JsonText.IsName(names[i]) ? names[i] : null;
                int unit = units[i] == null ? 0 : TagoTipSyntax.CopyUnit(units[i], null, 0);
                if (unit > 0)
                {
                    // '#' and the unit, written by one block copy per reading.
                    _units[i] = new byte[unit + 1];
                    _units[i][0] = (byte)'#';
                    TagoTipSyntax.CopyUnit(units[i], _units[i], 1);
                }
            }
        }

        /// <summary>The buffer the frame is written into.</summary>
        public byte[] Buffer => _buffer;
        /// <summary>Complete variables in the frame.</summary>
        public int ItemCount => _variables;
        /// <summary>Sampling cycles (distinct reading times) in the frame so far.</summary>
        public int Cycles => _cycles;

        /// <summary>Sets what the next <see cref="Reset"/> begins: <c>!N</c>, the time (and its group) of the queue's oldest reading
        /// (null queue: none), and the most cycles the frame may carry (0 = no limit, else the receipts' limit).</summary>
        public void Prepare(long sequence, ReadingQueue queue, int cycleLimit)
        {
            _sequence = sequence;
            _cycleLimit = cycleLimit;
            _nextFrameTime = queue != null && queue.PendingCount > 0 ? queue.GetTimeUnixMs(0) : -1;
        }

        /// <inheritdoc />
        public void Reset() => Begin(_sequence, _nextFrameTime, _nextFrameTime >= 0);

        /// <summary>Starts a frame: <c>!N|</c> (sequence 0–4,294,967,295, or -1 for none), <c>@TIME</c> (-1: none), and
        /// when <paramref name="group"/> <c>^GROUP</c>, the <see cref="ReadingGroupId"/> of that time.</summary>
        /// <returns><see cref="TagoWriteResult.Ok"/>, or the problem (then no frame is begun).</returns>
        public TagoWriteResult Begin(long sequence, long timeUnixMs, bool group)
        {
            _begun = false;
            _open = false;
            _variables = 0;
            _cycles = 0;
            _lastTime = long.MinValue;
            _frameTime = -1;
            _frameGroupLength = 0;
            _cycleUnixMs = -1;
            _length = 0;
            if (sequence < -1 || sequence > 0xFFFFFFFFL || timeUnixMs < -1)
            {
                return TagoWriteResult.InvalidTime;
            }

            if (group && ReadingGroupId.Write(timeUnixMs, _frameGroup, 0) == 0)
            {
                return TagoWriteResult.InvalidGroup;
            }

            int p = 0;
            if (sequence >= 0)
            {
                _buffer[p++] = (byte)'!';
                p = PutDigits(sequence, p);
                _buffer[p++] = (byte)'|';
            }

            if (timeUnixMs >= 0)
            {
                _buffer[p++] = (byte)'@';
                p = PutDigits(timeUnixMs, p);
                _frameTime = timeUnixMs;
            }

            if (group)
            {
                _buffer[p++] = (byte)'^';
                Array.Copy(_frameGroup, 0, _buffer, p, _frameGroup.Length);
                _frameGroupLength = _frameGroup.Length;
                p += _frameGroup.Length;
            }

            // At most 12 + 21 + 11 bytes: the constructor's minimum leaves room for them and a variable.
            _length = p;
            _begun = true;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes a queued reading (variable index, value·10^decimals, Unix ms or -1) as one variable;
        /// <see cref="TagoWriteResult.BufferFull"/>: it belongs in the next frame.</summary>
        public TagoWriteResult Reading(int variable, long scaled, int decimals, long time)
        {
            if (variable < 0 || variable >= _names.Length || _names[variable] == null)
            {
                return TagoWriteResult.InvalidVariable;
            }

            bool newCycle = time != _lastTime;
            if (newCycle && _cycleLimit > 0 && _cycles >= _cycleLimit)
            {
                return TagoWriteResult.BufferFull;
            }

            // The fields come in order: no rank checks. A failing field has rolled the variable back.
            TagoWriteResult r = Open(_names[variable]);
            r = r == TagoWriteResult.Ok ? Number(scaled, decimals) : r;
            r = r == TagoWriteResult.Ok && _units[variable] != null ? Bytes(_units[variable]) : r;
            r = r == TagoWriteResult.Ok && time >= 0 ? Time(time) : r;
            r = r == TagoWriteResult.Ok && time >= 0 ? Group(time) : r;
            _open = false;
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            _variables++;
            if (newCycle)
            {
                _cycles++;
                _lastTime = time;
            }

            return r;
        }

        /// <summary>Begins a variable (<c>[a-z0-9_]{1,100}</c>); if one is still open it is dropped and nothing new begins.</summary>
        public TagoWriteResult BeginItem(byte[] name) => Open(JsonText.IsName(name) ? name : null);

        /// <summary>Writes <c>:=</c> and <paramref name="scaled"/>·10^-<paramref name="decimals"/> exactly (decimals 0–6, |scaled| ≤ 2^53 − 1).</summary>
        public TagoWriteResult NumberScaled(long scaled, int decimals)
        {
            TagoWriteResult r = Enter(RankValue);
            return r != TagoWriteResult.Ok ? r : Number(scaled, decimals);
        }

        private TagoWriteResult Number(long scaled, int decimals)
        {
            // Built backwards in a scratch buffer: no length pass.
            byte[] n = _number;
            int i = FixedPointFormatter.Format(scaled, decimals, n);
            if (i < 0)
            {
                return Fail((TagoWriteResult)(-i));
            }

            int count = n.Length - i;
            if (_length + count + 2 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _buffer[_length] = (byte)':';
            _buffer[_length + 1] = (byte)'=';
            Array.Copy(n, i, _buffer, _length + 2, count);
            _length += count + 2;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>:=</c> and an integer value.</summary>
        public TagoWriteResult Value(long value) => NumberScaled(value, 0);

        /// <summary>Writes <c>=</c> and a string value (printable ASCII or LF, at least one byte), escaped (§4.4).</summary>
        public TagoWriteResult Value(byte[] utf8)
        {
            TagoWriteResult r = Enter(RankValue);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            _buffer[_length] = (byte)'=';
            int p = TagoTipSyntax.Escape(utf8, _buffer, _length + 1, _limit - 1);
            if (p < 0)
            {
                return Fail((TagoWriteResult)(-p));
            }

            _length = p;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>#unit</c>: 1–25 printable ASCII bytes without <c># ; @ [ \ ] ^ { | }</c>, <c>°C</c> written as <c>C</c>.</summary>
        public TagoWriteResult Unit(byte[] utf8)
        {
            TagoWriteResult r = Enter(RankUnit);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            int count = utf8 == null ? 0 : TagoTipSyntax.CopyUnit(utf8, null, 0);
            if (count == 0)
            {
                return Fail(TagoWriteResult.UnitTooLong);
            }

            if (_length + count + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _buffer[_length] = (byte)'#';
            _length += TagoTipSyntax.CopyUnit(utf8, _buffer, _length + 1) + 1;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>@time</c> (Unix ms, not negative) unless it equals the frame's.</summary>
        public TagoWriteResult TimeUnixMs(long unixMs)
        {
            TagoWriteResult r = Enter(RankTime);
            return r != TagoWriteResult.Ok ? r : Time(unixMs);
        }

        private TagoWriteResult Time(long unixMs)
        {
            if (unixMs < 0)
            {
                return Fail(TagoWriteResult.InvalidTime);
            }

            if (unixMs == _frameTime)
            {
                return TagoWriteResult.Ok;
            }

            if (_length + 21 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _buffer[_length] = (byte)'@';
            _length = PutDigits(unixMs, _length + 1);
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>^group</c> as the <see cref="ReadingGroupId"/> of a sampling cycle's time unless it equals the frame's; formatted and compared once per cycle.</summary>
        public TagoWriteResult GroupOfTime(long unixMs)
        {
            TagoWriteResult r = Enter(RankGroup);
            return r != TagoWriteResult.Ok ? r : Group(unixMs);
        }

        private TagoWriteResult Group(long unixMs)
        {
            byte[] cycle = _cycle;
            if (unixMs != _cycleUnixMs || unixMs < 0)
            {
                if (ReadingGroupId.Write(unixMs, cycle, 0) == 0)
                {
                    return Fail(TagoWriteResult.InvalidGroup);
                }

                _cycleUnixMs = unixMs;
                _cycleIsFrameGroup = TagoTipSyntax.SameBytes(cycle, _frameGroup, 0, _frameGroupLength);
            }

            if (_cycleIsFrameGroup)
            {
                return TagoWriteResult.Ok;
            }

            if (_length + cycle.Length + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _buffer[_length++] = (byte)'^';
            Put(cycle);
            return TagoWriteResult.Ok;
        }

        /// <summary>Finishes the open variable; returns its first error if it had one (then it was rolled back).</summary>
        public TagoWriteResult EndItem()
        {
            if (!_open)
            {
                return TagoWriteResult.NoItemOpen;
            }

            TagoWriteResult error = _itemError;
            if (error == TagoWriteResult.Ok && _rank < RankValue)
            {
                error = Fail(TagoWriteResult.FieldOutOfOrder);
            }

            _open = false;
            if (error == TagoWriteResult.Ok)
            {
                _variables++;
            }

            return error;
        }

        /// <summary>Drops an open variable, closes the list with <c>]</c> and returns the length; 0 without variables (§6.3: an empty list is invalid). Closing twice changes nothing.</summary>
        public int Close()
        {
            if (_open)
            {
                _open = false;
                _length = _itemStart;
            }

            if (_begun && _variables == 0)
            {
                _length = 0;
            }
            else if (_begun)
            {
                _buffer[_length++] = (byte)']';
            }

            _begun = false;

            return _length;
        }

        /// <inheritdoc />
        public byte[] CopyPayload()
        {
            int length = Close();
            byte[] payload = new byte[length];
            Array.Copy(_buffer, payload, length);
            return payload;
        }

        private TagoWriteResult Open(byte[] name)
        {
            if (!_begun)
            {
                return TagoWriteResult.NoItemOpen;
            }

            if (_open)
            {
                return Fail(TagoWriteResult.NoItemOpen);
            }

            _open = true;
            _itemStart = _length;
            _itemError = TagoWriteResult.Ok;
            _rank = RankName;
            if (_variables == MaxVariables)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            if (name == null)
            {
                return Fail(TagoWriteResult.InvalidVariable);
            }

            if (_length + name.Length + 2 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _buffer[_length++] = _variables > 0 ? (byte)';' : (byte)'[';
            Put(name);
            return TagoWriteResult.Ok;
        }

        private TagoWriteResult Enter(int rank)
        {
            if (!_open)
            {
                return TagoWriteResult.NoItemOpen;
            }

            if (_itemError != TagoWriteResult.Ok)
            {
                return _itemError;
            }

            // Suffixes follow the value, in the order of §6.3.
            if (rank <= _rank || (_rank < RankValue && rank > RankValue))
            {
                return Fail(TagoWriteResult.FieldOutOfOrder);
            }

            _rank = rank;
            return TagoWriteResult.Ok;
        }

        private TagoWriteResult Fail(TagoWriteResult error)
        {
            _itemError = error;
            _length = _itemStart;
            return error;
        }

        private TagoWriteResult Bytes(byte[] bytes)
        {
            if (_length + bytes.Length > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            Put(bytes);
            return TagoWriteResult.Ok;
        }

        private void Put(byte[] bytes)
        {
            Array.Copy(bytes, 0, _buffer, _length, bytes.Length);
            _length += bytes.Length;
        }

        // Consecutive equal values (the frame's time, a cycle's time) are formatted once.
        private int PutDigits(long value, int p)
        {
            if (value != _digitsValue)
            {
                _digitsStart = FixedPointFormatter.WriteDigitsBackwards(_digits, _digits.Length, (ulong)value);
                _digitsValue = value;
            }

            int count = _digits.Length - _digitsStart;
            Array.Copy(_digits, _digitsStart, _buffer, p, count);
            return p + count;
        }
    }
}
