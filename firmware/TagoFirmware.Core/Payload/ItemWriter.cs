using System;
using TagoFirmware.Readings;

namespace TagoFirmware.Payload
{
    /// <summary>Writes items (readings, counters) as TagoIO JSON or TagoTiP frames into a caller-owned buffer; a failing item rolls back whole.</summary>
    public abstract class ItemWriter
    {
        /// <summary>Largest integer magnitude a JavaScript number (TagoIO's back end) holds exactly: 2^53 − 1.</summary>
        public const long MaxSafeInteger = 9007199254740991L;

        private static readonly ulong[] s_pow10 = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

        private protected readonly int _limit;
        private protected readonly byte[] _cycle;
        private readonly byte[] _valueKey;
        private readonly int _cycleAt;

        // TagoTiP (§6.3): a frame without variables is nothing.
        private readonly bool _valueRequired;

        // A number is formatted backwards at the end of this scratch, then copied (no length pass).
        private readonly byte[] _number = new byte[24];
        private bool _cycleInherited;
        private protected long _cycleUnixMs = -1;
        private protected int _itemStart;
        private protected bool _closed;
        private protected int _cycleLimit;
        private long _lastTime;

        // Per variable index of queued readings: the name (null: invalid) and the unit field as written (null: none).
        private readonly byte[][] _names;
        private readonly byte[][] _units;

        // Fields rather than properties (every property read is a call on the interpreter); only the writers write them.

        /// <summary>The buffer the payload is written into (the one given to the constructor).</summary>
        public readonly byte[] Buffer;
        /// <summary>Sampling cycles (distinct reading times) written by <see cref="Reading"/> since <see cref="Reset"/>.</summary>
        public int Cycles;
        /// <summary>Complete items written since <see cref="Reset"/>.</summary>
        public int ItemCount;
        /// <summary>Bytes of payload so far.</summary>
        public int Length;

        /// <summary>Payloads of at most min(<paramref name="maxBytes"/>, buffer) bytes, one reserved for <c>]</c>; <paramref name="cycle"/>:
        /// a group's key, its id at <paramref name="cycleAt"/>, closing bytes. Names and units by variable index.</summary>
        private protected ItemWriter(byte[] buffer, int maxBytes, byte[] valueKey, byte[] cycle, int cycleAt, bool valueRequired,
            byte[][] names, byte[][] units)
        {
            Buffer = buffer;
            _limit = (buffer.Length < maxBytes ? buffer.Length : maxBytes) - 1;
            _valueKey = valueKey;
            _cycle = cycle;
            _cycleAt = cycleAt;
            _valueRequired = valueRequired;
            int count = names == null ? 0 : names.Length;
            _names = new byte[count][];
            _units = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                // A unit's field is written once into the buffer, then kept (null when it breaks the format's rules).
                _names[i] = JsonText.IsName(names[i]) ? names[i] : null;
                Length = 0;
                byte[] unit = units[i];
                if (unit != null && Unit(unit) == TagoWriteResult.Ok)
                {
                    unit = new byte[Length];
                    Array.Copy(buffer, unit, unit.Length);
                    _units[i] = unit;
                }
            }

            Restart(0, false);
        }

        /// <summary>Starts a new, empty payload.</summary>
        public abstract void Reset();

        /// <summary>Writes an item named <c>[a-z0-9_]{1,100}</c>: integer or <paramref name="text"/> value, unit, Unix ms (-1: none).</summary>
        public TagoWriteResult Item(byte[] name, long value, byte[] text, byte[] unit, long time)
        {
            TagoWriteResult r = Start(JsonText.IsName(name) ? name : null);
            r = r != TagoWriteResult.Ok ? r : text != null ? Text(text) : Number(value, 0);
            r = r != TagoWriteResult.Ok || unit == null ? r : Unit(unit);
            return Finish(r, time, false);
        }

        /// <summary>Writes a queued reading (variable index, value·10^decimals, Unix ms or -1); BufferFull: it goes in the next payload.</summary>
        public TagoWriteResult Reading(int variable, long scaled, int decimals, long time)
        {
            if (variable < 0 || variable >= _names.Length)
            {
                return TagoWriteResult.InvalidVariable;
            }

            bool newCycle = time != _lastTime;
            if (newCycle && _cycleLimit > 0 && Cycles >= _cycleLimit)
            {
                return TagoWriteResult.BufferFull;
            }

            // A failing field has rolled the item back; an invalid name is null.
            TagoWriteResult r = Start(_names[variable]);
            r = r == TagoWriteResult.Ok ? Number(scaled, decimals) : r;
            byte[] unit = _units[variable];
            r = r != TagoWriteResult.Ok || unit == null ? r : Field(unit);
            r = Finish(r, time, true);
            if (r == TagoWriteResult.Ok && newCycle)
            {
                Cycles++;
                _lastTime = time;
            }

            return r;
        }

        /// <summary>Closes the payload with <c>]</c> (reserved) and returns its length; 0 for a TagoTiP frame without variables.</summary>
        public int Close()
        {
            if (!_closed)
            {
                _closed = true;
                if (_valueRequired && ItemCount == 0)
                {
                    Length = 0;
                }
                else
                {
                    Buffer[Length++] = (byte)']';
                }
            }

            return Length;
        }

        /// <summary>Closes the payload and returns an exact-length copy (M2Mqtt's Publish takes a whole array): one allocation per publish.</summary>
        public byte[] CopyPayload()
        {
            int length = Close();
            byte[] payload = new byte[length];
            Array.Copy(Buffer, payload, length);
            return payload;
        }

        private protected abstract TagoWriteResult Open(byte[] name);

        // A new payload of `length` bytes so far (its opening), open for items when `open`.
        private protected void Restart(int length, bool open)
        {
            Length = length;
            _closed = !open;
            ItemCount = Cycles = 0;
            _lastTime = long.MinValue;
        }

        private protected abstract TagoWriteResult Time(long unixMs);

        private protected abstract TagoWriteResult Text(byte[] utf8);

        private protected abstract TagoWriteResult Unit(byte[] utf8);

        // The end of a complete item; TagoTiP's needs no byte.
        private protected virtual TagoWriteResult End() => TagoWriteResult.Ok;

        // True when the cycle's group need not be written (TagoTiP: it equals the frame's).
        private protected virtual bool Inherited() => false;

        // Opening an item (null name: invalid): Ok, or why none can begin.
        private TagoWriteResult Start(byte[] name)
        {
            if (_closed)
            {
                return TagoWriteResult.PayloadClosed;
            }

            _itemStart = Length;
            return name == null ? TagoWriteResult.InvalidVariable : Open(name);
        }

        // The time (and with `group` its cycle's group) unless negative, and the item's end.
        private TagoWriteResult Finish(TagoWriteResult r, long time, bool group)
        {
            if (r == TagoWriteResult.Ok && time >= 0)
            {
                r = Time(time);
                r = r == TagoWriteResult.Ok && group ? Group(time) : r;
            }

            r = r == TagoWriteResult.Ok ? End() : r;
            ItemCount += r == TagoWriteResult.Ok ? 1 : 0;
            return r;
        }

        // The value in plain fixed-point notation, a zero never signed (JSON allows -0, but it is noise for a reading).
        private protected TagoWriteResult Number(long scaled, int decimals)
        {
            if (decimals < 0 || decimals > ReadingRecord.MaxDecimals)
            {
                return Fail(TagoWriteResult.InvalidDecimals);
            }

            bool negative = scaled < 0;
            ulong magnitude = (ulong)(negative ? -scaled : scaled); // long.MinValue stays 2^63: too large
            if (magnitude > MaxSafeInteger)
            {
                return Fail(TagoWriteResult.NumberTooLarge);
            }

            byte[] digits = _number;
            ulong pow = s_pow10[decimals];
            ulong integerPart = magnitude / pow;

            // The fraction plus 10^decimals is a 1 and the fraction's zero-padded digits; the 1 becomes the point
            // (without decimals, the integer part overwrites both).
            int i = WriteDigitsBackwards(digits, digits.Length, magnitude - (integerPart * pow) + pow);
            digits[i] = (byte)'.';
            i = WriteDigitsBackwards(digits, decimals > 0 ? i : digits.Length, integerPart);
            if (negative)
            {
                digits[--i] = (byte)'-';
            }

            int count = digits.Length - i;
            if (Length + _valueKey.Length + count > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            int p = Put(_valueKey, Length);
            Array.Copy(digits, i, Buffer, p, count);
            Length = p + count;
            return TagoWriteResult.Ok;
        }

        private protected TagoWriteResult Group(long unixMs)
        {
            byte[] cycle = _cycle;
            if (unixMs != _cycleUnixMs)
            {
                ReadingGroupId.Write(unixMs, cycle, _cycleAt);
                _cycleUnixMs = unixMs;
                _cycleInherited = Inherited();
            }

            return _cycleInherited ? TagoWriteResult.Ok : Field(cycle);
        }

        private protected TagoWriteResult Field(byte[] field)
        {
            if (Length + field.Length > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            Length = Put(field, Length);
            return TagoWriteResult.Ok;
        }

        private protected static int WriteDigitsBackwards(byte[] buffer, int end, ulong value)
        {
            int i = end;
            while (value > 0xFFFFFFFFUL)
            {
                ulong next = value / 10;
                buffer[--i] = (byte)('0' + (int)(value - (next * 10)));
                value = next;
            }

            // 32-bit division is much cheaper than 64-bit on the ESP32's 32-bit core.
            uint small = (uint)value;
            do
            {
                uint next = small / 10;
                buffer[--i] = (byte)('0' + (small - (next * 10)));
                small = next;
            }
            while (small != 0);
            return i;
        }

        // Rolls the item back: the payload ends again after the last complete item.
        private protected TagoWriteResult Fail(TagoWriteResult error)
        {
            Length = _itemStart;
            return error;
        }

        private protected int Put(byte[] source, int position)
        {
            Array.Copy(source, 0, Buffer, position, source.Length);
            return position + source.Length;
        }
    }
}
