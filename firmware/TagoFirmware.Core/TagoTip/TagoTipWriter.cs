using System;
using TagoFirmware.Payload;
using TagoFirmware.Readings;

namespace TagoFirmware.TagoTip
{
    /// <summary>The TagoTiP <see cref="ItemWriter"/>: a PUSH body as MQTT carries it, <c>!N|@TIME^GROUP[var;var;…]</c> (TagoTiP
    /// 1.0 §6, https://github.com/tago-io/tagotip), in a caller-owned buffer; validates every field, allocates nothing.</summary>
    /// <remarks>A time or group equal to the frame's is inherited (§6.4); <c>@TIME</c> goes before <c>^GROUP</c>, the order
    /// revisions C and D both accept. Frames are at most min(16,384, buffer) bytes, one reserved for <c>]</c>.</remarks>
    public sealed class TagoTipWriter : ItemWriter
    {
        /// <summary>Largest frame TagoTiP servers must accept, in bytes (§4.5).</summary>
        public const int MaxFrameBytes = 16384;
        /// <summary>Most variables in one <c>[…]</c> block (§4.5.1).</summary>
        public const int MaxVariables = 100;
        /// <summary>Longest unit, in bytes.</summary>
        public const int MaxUnitBytes = 25;

        private static readonly byte[] s_valueKey = { (byte)':', (byte)'=' };

        // ^GROUP of the frame, and of the cycle being written (the base's _cycle).
        private readonly byte[] _frameGroup = Caret();
        private readonly byte[] _digits = new byte[20];
        private long _digitsValue = -1;
        private int _digitsStart;
        private long _frameTime;
        private long _sequence = -1;
        private long _nextFrameTime = -1;

        /// <summary>A writer over ≥ 160 bytes (a header and one small variable) with per-variable UTF-8 names and units (null: none).</summary>
        public TagoTipWriter(byte[] buffer, byte[][] names, byte[][] units)
            : base(buffer, MaxFrameBytes, s_valueKey, Caret(), 1, true, names, units)
        {
        }

        /// <summary>Sets the next <see cref="Reset"/>: <c>!N</c>, the queue's oldest time (null: none), the cycle limit (0: none).</summary>
        public void Prepare(long sequence, ReadingQueue queue, int cycleLimit)
        {
            _sequence = sequence;
            _cycleLimit = cycleLimit;
            _nextFrameTime = queue != null && queue.PendingCount > 0 ? queue.GetTimeUnixMs(0) : -1;
        }

        /// <summary>Begins the frame set by <see cref="Prepare"/>.</summary>
        public override void Reset() => Begin(_sequence, _nextFrameTime);

        /// <summary>Starts a frame <c>!N|@TIME^GROUP</c> (sequence 0–2^32−1, Unix ms below 2^48 as queued; -1: none).</summary>
        public void Begin(long sequence, long timeUnixMs)
        {
            _frameTime = timeUnixMs;
            _cycleUnixMs = -1;
            byte[] buffer = Buffer;
            int p = 0;
            if (sequence >= 0)
            {
                buffer[p++] = (byte)'!';
                p = PutDigits(sequence, p);
                buffer[p++] = (byte)'|';
            }

            if (timeUnixMs >= 0)
            {
                ReadingGroupId.Write(timeUnixMs, _frameGroup, 1);
                buffer[p++] = (byte)'@';
                p = Put(_frameGroup, PutDigits(timeUnixMs, p));
            }

            // At most 12 + 21 + 11 bytes: 160 bytes leave room for them and a variable.
            Restart(p, true);
        }

        // = and a string value (printable ASCII or LF, at least one byte), escaped (§4.4).
        private protected override TagoWriteResult Text(byte[] utf8)
        {
            if (utf8.Length == 0)
            {
                return Fail(TagoWriteResult.InvalidString);
            }

            // Bytes past the committed length are scratch, so write first and give up when the room runs out.
            byte[] buffer = Buffer;
            int p = Length;
            buffer[p++] = (byte)'=';
            for (int i = 0; i < utf8.Length; i++)
            {
                if (p >= _limit - 1)
                {
                    return Fail(TagoWriteResult.BufferFull);
                }

                byte b = utf8[i];
                int c = JsonText.Classes[b];
                if ((c & JsonText.TipText) == 0)
                {
                    if (b == 0x0A)
                    {
                        b = (byte)'n';
                    }
                    else if ((c & JsonText.TipEscape) == 0)
                    {
                        return Fail(TagoWriteResult.InvalidString);
                    }

                    buffer[p++] = (byte)'\\';
                }

                buffer[p++] = b;
            }

            Length = p;
            return TagoWriteResult.Ok;
        }

        // #unit: 1–25 printable ASCII bytes without # ; @ [ \ ] ^ { | }, °C written as C (its degree sign, UTF-8 C2 B0, dropped).
        // Written as it is checked, up to the room there is; an invalid unit is refused before a full buffer.
        private protected override TagoWriteResult Unit(byte[] utf8)
        {
            byte[] buffer = Buffer;
            int start = Length;
            int limit = _limit;
            int p = start;
            buffer[p++] = (byte)'#';
            for (int i = 0; i < utf8.Length; i++)
            {
                byte b = utf8[i];
                if (b == 0xC2 && i + 1 < utf8.Length && utf8[i + 1] == 0xB0)
                {
                    i++;
                    continue;
                }

                if ((JsonText.Classes[b] & JsonText.TipUnit) == 0 || p - start > MaxUnitBytes)
                {
                    return Fail(TagoWriteResult.UnitTooLong);
                }

                if (p < limit)
                {
                    buffer[p] = b;
                }

                p++;
            }

            if (p - start == 1 || p > limit)
            {
                return Fail(p - start == 1 ? TagoWriteResult.UnitTooLong : TagoWriteResult.BufferFull);
            }

            Length = p;
            return TagoWriteResult.Ok;
        }

        // @time unless it equals the frame's.
        private protected override TagoWriteResult Time(long unixMs)
        {
            if (unixMs == _frameTime)
            {
                return TagoWriteResult.Ok;
            }

            int length = Length;
            if (length + 21 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            Buffer[length] = (byte)'@';
            Length = PutDigits(unixMs, length + 1);
            return TagoWriteResult.Ok;
        }

        // Group ids are one-to-one with times, so the cycle's group is the frame's when its time is.
        private protected override bool Inherited() => _cycleUnixMs == _frameTime;

        private protected override TagoWriteResult Open(byte[] name)
        {
            int length = Length;
            if (ItemCount == MaxVariables || length + name.Length + 2 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            Buffer[length] = ItemCount > 0 ? (byte)';' : (byte)'[';
            Length = Put(name, length + 1);
            return TagoWriteResult.Ok;
        }

        // Consecutive equal values (the frame's time, a cycle's time) are formatted once.
        private int PutDigits(long value, int p)
        {
            if (value != _digitsValue)
            {
                _digitsStart = WriteDigitsBackwards(_digits, _digits.Length, (ulong)value);
                _digitsValue = value;
            }

            int count = _digits.Length - _digitsStart;
            Array.Copy(_digits, _digitsStart, Buffer, p, count);
            return p + count;
        }

        private static byte[] Caret()
        {
            byte[] group = new byte[1 + ReadingGroupId.Length];
            group[0] = (byte)'^';
            return group;
        }
    }
}
