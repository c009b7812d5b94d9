using System;
using TagoFirmware.Payload;
using TagoFirmware.Readings;

namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// Writes a TagoTiP PUSH body as MQTT carries it, <c>!N|@TIME^GROUP{META}[var;var;…]</c> (TagoTiP 1.0 §6,
    /// https://github.com/tago-io/tagotip), into a caller-owned buffer; validates every field, allocates nothing.
    /// </summary>
    /// <remarks>
    /// Order: <see cref="Begin"/>, then per variable <see cref="BeginVariable"/>,
    /// one value, optional <see cref="Unit"/>, <see cref="Time"/>, <see cref="Group"/> (or <see cref="GroupOfTime"/>) and <see cref="EndVariable"/>;
    /// finally <see cref="Finish"/>. A time or group equal to the frame's is inherited (§6.4). Only <c>@TIME</c> before
    /// <c>^GROUP</c> is written, the order revisions C and D both accept. The first error of a variable sticks and rolls
    /// it back; <see cref="TagoWriteResult.BufferFull"/> means: write the variable into the next frame. Frames are at
    /// most min(16,384, buffer) bytes, one byte reserved for <c>]</c>. Values are escaped per §4.4.
    /// </remarks>
    public sealed class TagoTipWriter
    {
        /// <summary>Largest frame TagoTiP servers must accept, in bytes (§4.5).</summary>
        public const int MaxFrameBytes = 16384;
        /// <summary>Most variables in one <c>[…]</c> block (§4.5.1).</summary>
        public const int MaxVariables = 100;
        /// <summary>Longest name or group, in bytes.</summary>
        public const int MaxNameBytes = 100;
        /// <summary>Longest unit, in bytes.</summary>
        public const int MaxUnitBytes = 25;

        private const int RankName = 1;
        private const int RankValue = 2;
        private const int RankUnit = 3;
        private const int RankTime = 4;
        private const int RankGroup = 5;

        private readonly byte[] _buffer;
        private readonly int _limit;
        private readonly byte[] _frameGroup = new byte[MaxNameBytes];
        private readonly byte[] _digits = new byte[20];
        private readonly byte[] _number = new byte[24];
        private readonly byte[] _cycle = new byte[ReadingGroupId.Length];
        private long _cycleUnixMs = -1;
        private bool _cycleIsFrameGroup;
        private long _digitsValue = -1;
        private int _digitsStart;
        private int _frameGroupLength;
        private long _frameTime;
        private int _length;
        private int _itemStart;
        private int _variables;
        private int _rank;
        private bool _begun;
        private bool _open;
        private TagoWriteResult _itemError;

        /// <summary>Creates a writer over a buffer of at least 160 bytes (a header and one small variable).</summary>
        /// <exception cref="ArgumentException"><paramref name="buffer"/> is null or shorter than 160 bytes.</exception>
        public TagoTipWriter(byte[] buffer)
        {
            if (buffer == null || buffer.Length < 160)
            {
                throw new ArgumentException("buffer");
            }

            _buffer = buffer;
            _limit = (buffer.Length < MaxFrameBytes ? buffer.Length : MaxFrameBytes) - 1;
        }

        /// <summary>The buffer the frame is written into.</summary>
        public byte[] Buffer => _buffer;
        /// <summary>Bytes of frame up to the last complete variable (and <c>]</c> once finished).</summary>
        public int Length => _open ? _itemStart : _length;
        /// <summary>Complete variables in the frame.</summary>
        public int VariableCount => _variables;
        /// <summary>True if <see cref="Unit"/> accepts <paramref name="unit"/> (after dropping <c>°</c>).</summary>
        public static bool IsValidUnit(byte[] unit) => unit != null && TagoTipSyntax.CopyUnit(unit, null, 0) > 0;

        /// <summary>Starts a frame: <c>!N|</c> (sequence 0–4,294,967,295, or -1 for none), <c>@TIME</c> (-1: none), <c>^GROUP</c> (null: none).</summary>
        /// <returns><see cref="TagoWriteResult.Ok"/>, or the problem (then no frame is begun).</returns>
        public TagoWriteResult Begin(long sequence, long timeUnixMs, byte[] group)
        {
            _begun = false;
            _open = false;
            _variables = 0;
            _frameTime = -1;
            _frameGroupLength = 0;
            _cycleUnixMs = -1;
            _length = 0;
            if (sequence < -1 || sequence > 0xFFFFFFFFL || timeUnixMs < -1)
            {
                return TagoWriteResult.InvalidTime;
            }

            if (group != null && !TagoTipSyntax.IsValidName(group))
            {
                return TagoWriteResult.InvalidVariable;
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

            if (group != null)
            {
                _buffer[p++] = (byte)'^';
                Array.Copy(group, 0, _buffer, p, group.Length);
                Array.Copy(group, 0, _frameGroup, 0, group.Length);
                _frameGroupLength = group.Length;
                p += group.Length;
            }

            // At most 12 + 21 + 101 bytes: the constructor's minimum leaves room for them and a variable.
            _length = p;
            _begun = true;
            return TagoWriteResult.Ok;
        }

        /// <summary>Begins a variable; if one is still open it is dropped and nothing new begins.</summary>
        public TagoWriteResult BeginVariable(TagoTipToken name)
        {
            if (!_begun)
            {
                return TagoWriteResult.NoItemOpen;
            }

            if (_open)
            {
                return Fail(TagoWriteResult.NoItemOpen);
            }

            if (_variables == MaxVariables)
            {
                return TagoWriteResult.BufferFull;
            }

            _open = true;
            _itemStart = _length;
            _itemError = TagoWriteResult.Ok;
            _rank = RankName;
            if (name == null)
            {
                return Fail(TagoWriteResult.InvalidVariable);
            }

            byte[] bytes = name.Bytes;
            int p = _length;
            if (p + bytes.Length + 2 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _buffer[p++] = _variables > 0 ? (byte)';' : (byte)'[';

            Array.Copy(bytes, 0, _buffer, p, bytes.Length);
            _length = p + bytes.Length;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>:=</c> and <paramref name="scaled"/>·10^-<paramref name="decimals"/> exactly (decimals 0–6, |scaled| &lt; 2^53).</summary>
        public TagoWriteResult NumberScaled(long scaled, int decimals)
        {
            TagoWriteResult r = Enter(RankValue);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            bool negative = scaled < 0;
            ulong magnitude = negative ? (ulong)(-scaled) : (ulong)scaled;
            if (decimals < 0 || decimals > FixedPointFormatter.MaxDecimals || magnitude >= FixedPointFormatter.TwoPow53)
            {
                return Fail(TagoWriteResult.InvalidNumber);
            }

            // Built backwards in a scratch buffer by the JSON writer's formatter: no length pass.
            byte[] n = _number;
            int i = FixedPointFormatter.Format(magnitude, decimals, negative, n);
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

        /// <summary>Writes <c>=</c> and a string value (printable ASCII or LF, at least one byte), escaped (§4.4).</summary>
        public TagoWriteResult Text(byte[] ascii)
        {
            TagoWriteResult r = Enter(RankValue);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            _buffer[_length] = (byte)'=';
            int p = TagoTipSyntax.Escape(ascii, _buffer, _length + 1, _limit - 1);
            if (p < 0)
            {
                return Fail((TagoWriteResult)(-p));
            }

            _length = p;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>#unit</c>.</summary>
        public TagoWriteResult Unit(TagoTipToken unit)
        {
            TagoWriteResult r = Enter(RankUnit);
            if (r != TagoWriteResult.Ok || unit == null)
            {
                return unit == null ? Fail(TagoWriteResult.UnitTooLong) : r;
            }

            byte[] bytes = unit.Bytes;
            if (_length + bytes.Length > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            Array.Copy(bytes, 0, _buffer, _length, bytes.Length);
            _length += bytes.Length;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>@time</c> (Unix ms, not negative) unless it equals the frame's.</summary>
        public TagoWriteResult Time(long unixMs)
        {
            TagoWriteResult r = Enter(RankTime);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

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

        /// <summary>Writes <c>^group</c> unless it equals the frame's.</summary>
        public TagoWriteResult Group(byte[] group)
        {
            TagoWriteResult r = Enter(RankGroup);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            if (!TagoTipSyntax.IsValidName(group))
            {
                return Fail(TagoWriteResult.InvalidVariable);
            }

            return TagoTipSyntax.SameBytes(group, _frameGroup, 0, _frameGroupLength) ? TagoWriteResult.Ok : PutGroup(group);
        }

        /// <summary>Writes <c>^group</c> as the <see cref="ReadingGroupId"/> of a sampling cycle's time unless it equals the frame's; formatted and compared once per cycle.</summary>
        public TagoWriteResult GroupOfTime(long unixMs)
        {
            TagoWriteResult r = Enter(RankGroup);
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

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

            return _cycleIsFrameGroup ? TagoWriteResult.Ok : PutGroup(cycle);
        }

        /// <summary>Finishes the open variable; returns its first error if it had one (then it was rolled back).</summary>
        public TagoWriteResult EndVariable()
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

        /// <summary>Drops an open variable, closes the list with <c>]</c> and returns the length; 0 without variables (§6.3: an empty list is invalid).</summary>
        public int Finish()
        {
            if (_open)
            {
                _open = false;
                _length = _itemStart;
            }

            bool any = _begun && _variables > 0;
            _begun = false;
            if (!any)
            {
                return 0;
            }

            _buffer[_length++] = (byte)']';
            return _length;
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

        private TagoWriteResult PutGroup(byte[] group)
        {
            if (_length + group.Length + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            _buffer[_length] = (byte)'^';
            Array.Copy(group, 0, _buffer, _length + 1, group.Length);
            _length += group.Length + 1;
            return TagoWriteResult.Ok;
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
