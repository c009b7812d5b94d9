using System;

namespace TagoFirmware.Readings
{
    /// <summary>
    /// The queue's readings in RAM: a fixed ring of 12-byte <see cref="ReadingRecord"/>s in one <c>byte[]</c>
    /// (nanoCLR boxes every element of a struct array, so there is no object per reading), with the log sequence
    /// number of the oldest one. Main loop only; allocates only in the constructor.
    /// </summary>
    public sealed class ReadingRing
    {
        private readonly byte[] _bytes;
        private readonly int _capacity;
        private int _head;

        /// <summary>Allocates capacity × 12 bytes.</summary>
        /// <param name="capacity">Readings held, at least 1.</param>
        public ReadingRing(int capacity)
        {
            _capacity = capacity;
            _bytes = new byte[capacity * ReadingRecord.Size];
        }

        /// <summary>The record bytes; read them at <see cref="Offset"/>.</summary>
        public byte[] Bytes => _bytes;

        /// <summary>Readings the ring holds at most.</summary>
        public int Capacity => _capacity;

        /// <summary>Readings held.</summary>
        public int Count { get; private set; }

        /// <summary>Readings held that still wait for a wall time.</summary>
        public int UntimedCount { get; private set; }

        /// <summary>Log sequence number of the oldest reading (the next one's when empty).</summary>
        public int HeadSequence { get; set; }

        /// <summary>Empties the ring.</summary>
        /// <param name="headSequence">Sequence number the next reading gets.</param>
        public void Clear(int headSequence)
        {
            _head = 0;
            Count = 0;
            UntimedCount = 0;
            HeadSequence = headSequence;
        }

        /// <summary>Byte offset of reading <paramref name="i"/> (0 = oldest).</summary>
        /// <param name="i">0..<see cref="Count"/>; <see cref="Count"/> is the next free slot.</param>
        /// <returns>Offset into <see cref="Bytes"/>.</returns>
        public int Offset(int i)
        {
            int slot = _head + i;
            return (slot >= _capacity ? slot - _capacity : slot) * ReadingRecord.Size;
        }

        /// <summary>Sequence number of reading <paramref name="i"/>.</summary>
        /// <param name="i">0-based index from the oldest.</param>
        /// <returns>The 24-bit sequence number.</returns>
        public int Sequence(int i)
        {
            return (HeadSequence + i) & ReadingLogFormat.SequenceMask;
        }

        /// <summary>Takes the record just written at <see cref="Offset"/>(<see cref="Count"/>) into the ring; the
        /// caller made room first.</summary>
        public void Commit()
        {
            if (ReadingRecord.IsUntimed(_bytes, Offset(Count)))
            {
                UntimedCount++;
            }

            Count++;
        }

        /// <summary>Removes the oldest reading.</summary>
        public void RemoveHead()
        {
            if (ReadingRecord.IsUntimed(_bytes, _head * ReadingRecord.Size))
            {
                UntimedCount--;
            }

            _head = _head + 1 == _capacity ? 0 : _head + 1;
            Count--;
            HeadSequence = (HeadSequence + 1) & ReadingLogFormat.SequenceMask;
        }

        /// <summary>Removes every untimed reading, keeping the order of the rest (at load, when every untimed reading
        /// belongs to a boot that ended without a clock).</summary>
        /// <returns>Readings removed.</returns>
        public int DropUntimed()
        {
            if (UntimedCount == 0)
            {
                return 0;
            }

            int kept = 0;
            int count = Count;
            for (int i = 0; i < count; i++)
            {
                int from = Offset(i);
                if (ReadingRecord.IsUntimed(_bytes, from))
                {
                    continue;
                }

                if (kept != i)
                {
                    Array.Copy(_bytes, from, _bytes, Offset(kept), ReadingRecord.Size);
                }

                kept++;
            }

            Count = kept;
            UntimedCount = 0;
            return count - kept;
        }

        /// <summary>Gives the untimed readings of <paramref name="boot"/> their wall time from a sync point.</summary>
        /// <param name="boot">Boot counter of the readings to fill in.</param>
        /// <param name="syncWall">Wall time at the sync, Unix ms.</param>
        /// <param name="syncMono">Monotonic ms at the sync.</param>
        /// <returns>Readings that got their time.</returns>
        public int FillIn(int boot, long syncWall, uint syncMono)
        {
            int filled = 0;
            for (int i = 0; i < Count && UntimedCount > filled; i++)
            {
                int off = Offset(i);
                if (ReadingRecord.IsUntimed(_bytes, off) && ReadingRecord.BootCounter(_bytes, off) == boot)
                {
                    // Unsigned difference: correct for readings up to 2^32 ms (49.7 days) before the sync.
                    uint age = syncMono - ReadingRecord.MonotonicMs(_bytes, off);
                    ReadingRecord.SetTime(_bytes, off, syncWall - age);
                    filled++;
                }
            }

            UntimedCount -= filled;
            return filled;
        }
    }
}
