using System;
using TagoFirmware.Payload;
using TagoFirmware.Readings;

namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// The TagoTiP <see cref="IItemWriter"/>: one PUSH body per frame through <see cref="TagoTipWriter"/>, names and
    /// units encoded once, queued readings written straight from the queue (exact decimals). Counts a frame's sampling
    /// cycles and keeps it within the receipts' cycle limit (a refused frame is halved down to one cycle).
    /// </summary>
    public sealed class TagoTipItemWriter : IItemWriter
    {
        private const int MaxCachedTokens = 24;

        private readonly TagoTipWriter _writer;
        private readonly TagoTipToken[] _names;
        private readonly TagoTipToken[] _units;
        private readonly byte[] _group = new byte[ReadingGroupId.Length];
        private readonly byte[][] _tokenKeys = new byte[MaxCachedTokens][];
        private readonly TagoTipToken[] _tokens = new TagoTipToken[MaxCachedTokens];
        private int _cached;
        private long _sequence = -1;
        private long _frameTime = -1;
        private bool _frameGroup;
        private long _lastTime = long.MinValue;
        private int _length;
        private TagoWriteResult _itemResult;

        /// <summary>Creates the writer over a buffer and, per variable index, the UTF-8 names (checked by the config) and units.</summary>
        public TagoTipItemWriter(byte[] buffer, byte[][] names, byte[][] units)
        {
            _writer = new TagoTipWriter(buffer);
            _names = new TagoTipToken[names.Length];
            _units = new TagoTipToken[units.Length];
            for (int i = 0; i < names.Length; i++)
            {
                _names[i] = TagoTipToken.Name(names[i]);
                _units[i] = TagoTipToken.Unit(units[i]);
            }
        }

        /// <summary>Sampling cycles (distinct reading times) in the frame so far.</summary>
        public int Cycles { get; private set; }
        /// <summary>Most cycles a frame may carry (0 = no limit); set from the receipts before each frame.</summary>
        public int CycleLimit { get; set; }
        /// <inheritdoc />
        public int ItemCount => _writer.VariableCount;

        /// <inheritdoc />
        public TagoWriteResult GroupOfTime(long unixMs) => Keep(_writer.GroupOfTime(unixMs));

        /// <summary>Sets what the next <see cref="Reset"/> begins: <c>!N</c>, and the time and group of the queue's oldest reading (null queue: none).</summary>
        public void Prepare(long sequence, ReadingQueue queue)
        {
            _sequence = sequence;
            _frameTime = queue != null && queue.PendingCount > 0 ? queue.GetTimeUnixMs(0) : -1;
            _frameGroup = _frameTime >= 0 && queue.WriteGroupId(0, _group, 0) == ReadingGroupId.Length;
        }

        /// <inheritdoc />
        public void Reset()
        {
            _length = 0;
            Cycles = 0;
            _lastTime = long.MinValue;
            _writer.Begin(_sequence, _frameTime, _frameGroup ? _group : null);
        }

        /// <summary>Writes pending reading <paramref name="i"/> as one variable; <see cref="TagoWriteResult.BufferFull"/>: it belongs in the next frame.</summary>
        public TagoWriteResult Reading(ReadingQueue queue, int i)
        {
            int variable = queue.GetVariableIndex(i);
            if (variable < 0 || variable >= _names.Length || _names[variable] == null)
            {
                return TagoWriteResult.InvalidVariable;
            }

            long time = queue.GetTimeUnixMs(i);
            bool newCycle = time != _lastTime;
            if (newCycle && CycleLimit > 0 && Cycles >= CycleLimit)
            {
                return TagoWriteResult.BufferFull;
            }

            _writer.BeginVariable(_names[variable]);
            _writer.NumberScaled(queue.GetScaledValue(i), queue.GetDecimals(i));
            if (_units[variable] != null)
            {
                _writer.Unit(_units[variable]);
            }

            if (time >= 0)
            {
                _writer.Time(time);
                _writer.GroupOfTime(time);
            }

            TagoWriteResult r = _writer.EndVariable();
            if (r == TagoWriteResult.Ok && newCycle)
            {
                Cycles++;
                _lastTime = time;
            }

            return r;
        }

        /// <inheritdoc />
        public TagoWriteResult BeginItem(byte[] name)
        {
            TagoTipToken token = Token(name, false);
            return _itemResult = token == null ? TagoWriteResult.InvalidVariable : _writer.BeginVariable(token);
        }

        /// <inheritdoc />
        public TagoWriteResult Value(long value) => Keep(_writer.NumberScaled(value, 0));
        /// <inheritdoc />
        public TagoWriteResult Value(byte[] utf8) => Keep(_writer.Text(utf8));

        /// <inheritdoc />
        public TagoWriteResult Unit(byte[] utf8)
        {
            TagoTipToken token = Token(utf8, true);
            return Keep(token == null ? TagoWriteResult.UnitTooLong : _writer.Unit(token));
        }

        /// <inheritdoc />
        public TagoWriteResult TimeUnixMs(long unixMs) => Keep(_writer.Time(unixMs));

        /// <inheritdoc />
        public TagoWriteResult EndItem()
        {
            TagoWriteResult end = _writer.EndVariable();
            TagoWriteResult first = _itemResult != TagoWriteResult.Ok ? _itemResult : end;
            _itemResult = TagoWriteResult.Ok;
            return first;
        }

        /// <inheritdoc />
        public int Close()
        {
            int length = _writer.Finish();
            if (length > 0)
            {
                _length = length;
            }

            return _length;
        }

        /// <inheritdoc />
        public byte[] CopyPayload()
        {
            int length = Close();
            byte[] payload = new byte[length];
            Array.Copy(_writer.Buffer, payload, length);
            return payload;
        }

        private TagoWriteResult Keep(TagoWriteResult r)
        {
            if (_itemResult == TagoWriteResult.Ok)
            {
                _itemResult = r;
            }

            return r;
        }

        // Diagnostics names and units: one token per distinct array, made once.
        private TagoTipToken Token(byte[] utf8, bool unit)
        {
            for (int i = 0; i < _cached; i++)
            {
                if (_tokenKeys[i] == utf8)
                {
                    return _tokens[i];
                }
            }

            TagoTipToken token = unit ? TagoTipToken.Unit(utf8) : TagoTipToken.Name(utf8);
            if (_cached < MaxCachedTokens)
            {
                _tokenKeys[_cached] = utf8;
                _tokens[_cached++] = token;
            }

            return token;
        }
    }
}
