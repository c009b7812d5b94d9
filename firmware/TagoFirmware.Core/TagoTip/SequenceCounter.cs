using TagoFirmware.Readings;

namespace TagoFirmware.TagoTip
{
    /// <summary>The TagoTiP sequence counter <c>!N</c>: a u32 that strictly increases across reboots, power cuts and deep sleep and never wraps (TagoTiP 1.0 §10).</summary>
    /// <remarks>Record: marker 0x53 (an erased 0xFF slot is never valid), the highest reserved value (u32 LE), CRC-32 of those 5 bytes; two slots
    /// alternate and the valid higher one wins, so a torn write leaves the previous reservation. 2^32 values last centuries even with a reboot per frame.</remarks>
    public sealed class SequenceCounter
    {
        /// <summary>Bytes per persisted record.</summary>
        public const int RecordSize = 9;
        /// <summary>The largest value TagoTiP allows.</summary>
        public const long MaxValue = 0xFFFFFFFFL;

        private const byte Marker = 0x53;

        private readonly ISequenceStore _store;
        private readonly int _block;
        private readonly byte[] _record = new byte[RecordSize];
        private long _reserved;
        private int _slot = 1;

        /// <summary>Creates a counter reserving <paramref name="block"/> (≥ 1) values per write; call <see cref="Load"/> first. Without a store it counts in RAM only.</summary>
        public SequenceCounter(ISequenceStore store, int block)
        {
            _store = store;
            _block = block;
        }

        /// <summary>The value <see cref="Next"/> hands out next (above <see cref="MaxValue"/> once exhausted); a field, written only here.</summary>
        public long Peek = 1;

        /// <summary>True when every value has been used: stop sending; the device needs a new serial or a server-side reset.</summary>
        public bool Exhausted => Peek > MaxValue;

        /// <summary>Starts above the highest valid reservation (at 1 without one); true when a valid record was found.</summary>
        public bool Load()
        {
            long best = -1;
            for (int slot = 0; slot < 2; slot++)
            {
                long value = ReadSlot(slot);
                if (value > best)
                {
                    best = value;
                    _slot = slot;
                }
            }

            _reserved = best < 0 ? 0 : best;
            Peek = best < 0 ? 1 : best + 1;
            return best >= 0;
        }

        /// <summary>The next value (persisting a new block first when needed), or -1 when <see cref="Exhausted"/> or the reservation could not be written.</summary>
        public long Next()
        {
            long next = Peek;
            if (next > MaxValue || (next > _reserved && !Reserve(next)))
            {
                return -1;
            }

            Peek = next + 1;
            return next;
        }

        /// <summary>Skips <paramref name="step"/> (1 to 2^32) values and persists the jump at once; false when it exhausts the counter or cannot be persisted.</summary>
        public bool Advance(long step)
        {
            Peek += step;
            return Peek <= MaxValue && Reserve(Peek);
        }

        private bool Reserve(long from)
        {
            long upTo = from + _block - 1;
            if (upTo > MaxValue)
            {
                upTo = MaxValue;
            }

            byte[] record = _record;
            record[0] = Marker;
            ReadingRecord.WriteInt32(record, 1, (int)upTo);
            ReadingRecord.Seal(record, 0, 5);
            int slot = 1 - _slot;
            if (_store != null && !_store.Write(slot, record))
            {
                return false;
            }

            _slot = slot;
            _reserved = upTo;
            return true;
        }

        private long ReadSlot(int slot)
        {
            byte[] record = _record;
            if (_store == null || !_store.Read(slot, record) || record[0] != Marker)
            {
                return -1;
            }

            return ReadingRecord.IsSealed(record, 0, 5) ? (long)(uint)ReadingRecord.ReadInt32(record, 1) : -1;
        }
    }
}
