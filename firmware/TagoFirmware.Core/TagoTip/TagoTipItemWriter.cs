using System;
using TagoFirmware.Payload;
using TagoFirmware.Readings;

namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// The TagoTiP side of the uplink's <see cref="IItemWriter"/>: one PUSH body per frame through
    /// <see cref="TagoTipWriter"/>, with the variables' names and units encoded once (<c>°C</c> is written <c>C</c>),
    /// and queued readings written straight from the queue (exact decimals, no double). Counts the sampling cycles of
    /// a frame and keeps it within the receipts' cycle limit (a refused frame is halved down to one cycle).
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
        private TagoTipResult _itemResult;

        /// <summary>Creates the writer over a buffer and the variables' names and units.</summary>
        /// <param name="buffer">The payload buffer (frames use at most 16,384 bytes of it).</param>
        /// <param name="names">Per variable index: the name as UTF-8 (<c>[a-z0-9_]</c>, checked by the configuration).</param>
        /// <param name="units">Per variable index: the unit as UTF-8.</param>
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
        public int ItemCount
        {
            get { return _writer.VariableCount; }
        }

        /// <summary>Sets what the next <see cref="Reset"/> begins: the frame's <c>!N</c>, time and group.</summary>
        /// <param name="sequence">The sequence number.</param>
        /// <param name="queue">The queue whose oldest pending reading gives the frame's time and group, or null for none.</param>
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

        /// <summary>Writes pending reading <paramref name="i"/> of <paramref name="queue"/> as one variable.</summary>
        /// <param name="queue">The queue.</param>
        /// <param name="i">The pending reading.</param>
        /// <returns><see cref="TagoWriteResult.BufferFull"/> when it belongs in the next frame (bytes, 100 variables or the cycle limit).</returns>
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
                if (queue.WriteGroupId(i, _group, 0) == ReadingGroupId.Length)
                {
                    _writer.Group(_group);
                }
            }

            TagoWriteResult r = Map(_writer.EndVariable());
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
            _itemResult = token == null ? TagoTipResult.InvalidName : _writer.BeginVariable(token);
            return Map(_itemResult);
        }

        /// <inheritdoc />
        public TagoWriteResult Value(long value)
        {
            return Keep(_writer.NumberScaled(value, 0));
        }

        /// <inheritdoc />
        public TagoWriteResult Value(byte[] utf8)
        {
            return Keep(_writer.Text(utf8));
        }

        /// <inheritdoc />
        public TagoWriteResult Unit(byte[] utf8)
        {
            TagoTipToken token = Token(utf8, true);
            return Keep(token == null ? TagoTipResult.InvalidUnit : _writer.Unit(token));
        }

        /// <inheritdoc />
        public TagoWriteResult TimeUnixMs(long unixMs)
        {
            return Keep(_writer.Time(unixMs));
        }

        /// <inheritdoc />
        public TagoWriteResult EndItem()
        {
            TagoTipResult end = _writer.EndVariable();
            TagoTipResult first = _itemResult != TagoTipResult.Ok ? _itemResult : end;
            _itemResult = TagoTipResult.Ok;
            return Map(first);
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

        private TagoWriteResult Keep(TagoTipResult r)
        {
            if (_itemResult == TagoTipResult.Ok)
            {
                _itemResult = r;
            }

            return Map(r);
        }

        /// <summary>The token of a diagnostics or counter name, or of a unit, made once per distinct array.</summary>
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

        private static TagoWriteResult Map(TagoTipResult r)
        {
            switch (r)
            {
                case TagoTipResult.Ok:
                    return TagoWriteResult.Ok;
                case TagoTipResult.FrameFull:
                    return TagoWriteResult.BufferFull;
                case TagoTipResult.InvalidName:
                    return TagoWriteResult.InvalidVariable;
                case TagoTipResult.InvalidNumber:
                    return TagoWriteResult.InvalidNumber;
                case TagoTipResult.InvalidText:
                    return TagoWriteResult.InvalidString;
                case TagoTipResult.InvalidUnit:
                    return TagoWriteResult.UnitTooLong;
                case TagoTipResult.InvalidTime:
                    return TagoWriteResult.InvalidTime;
                case TagoTipResult.WrongState:
                    return TagoWriteResult.NoItemOpen;
                default:
                    return TagoWriteResult.FieldOutOfOrder;
            }
        }
    }
}
