using System;

namespace TagoFirmware.Readings
{
    /// <summary>The queue's readings in RAM: a ring of 12-byte records in one <c>byte[]</c> and the log sequence number
    /// of the oldest. Allocates only in the constructor.</summary>
    internal sealed class ReadingRing
    {
        internal readonly byte[] Bytes;

        internal readonly int Capacity;

        internal int Count;

        internal int UntimedCount;

        /// <summary>Log sequence number of the oldest reading (the next one's when empty).</summary>
        internal int HeadSequence;

        private int _head;

        internal ReadingRing(int capacity)
        {
            Capacity = capacity;
            Bytes = new byte[capacity * ReadingRecord.Size];
        }

        internal void Clear(int headSequence)
        {
            _head = 0;
            Count = 0;
            UntimedCount = 0;
            HeadSequence = headSequence;
        }

        internal int Offset(int i)
        {
            int slot = _head + i;
            return (slot >= Capacity ? slot - Capacity : slot) * ReadingRecord.Size;
        }

        internal int Sequence(int i) => (HeadSequence + i) & ReadingLogFormat.SequenceMask;

        /// <summary>Takes the record just written at <see cref="Offset"/>(<see cref="Count"/>) into the ring; the caller made room first.</summary>
        internal void Commit()
        {
            if (ReadingRecord.IsUntimed(Bytes, Offset(Count)))
            {
                UntimedCount++;
            }

            Count++;
        }

        internal void RemoveHead()
        {
            if (ReadingRecord.IsUntimed(Bytes, _head * ReadingRecord.Size))
            {
                UntimedCount--;
            }

            _head = _head + 1 == Capacity ? 0 : _head + 1;
            Count--;
            HeadSequence = (HeadSequence + 1) & ReadingLogFormat.SequenceMask;
        }

        /// <summary>Removes every untimed reading, keeping the order of the rest (at load, when every untimed reading
        /// belongs to a boot that ended without a clock).</summary>
        internal int DropUntimed()
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
                if (ReadingRecord.IsUntimed(Bytes, from))
                {
                    continue;
                }

                if (kept != i)
                {
                    Array.Copy(Bytes, from, Bytes, Offset(kept), ReadingRecord.Size);
                }

                kept++;
            }

            Count = kept;
            UntimedCount = 0;
            return count - kept;
        }

        /// <summary>Gives the untimed readings of <paramref name="boot"/> their wall time from a sync point.</summary>
        internal int FillIn(int boot, long syncWall, uint syncMono)
        {
            int filled = 0;
            for (int i = 0; i < Count && UntimedCount > filled; i++)
            {
                int off = Offset(i);
                if (ReadingRecord.IsUntimed(Bytes, off) && ReadingRecord.BootCounter(Bytes, off) == boot)
                {
                    // Unsigned difference: correct for readings up to 2^32 ms (49.7 days) before the sync.
                    uint age = syncMono - ReadingRecord.MonotonicMs(Bytes, off);
                    ReadingRecord.SetTime(Bytes, off, syncWall - age);
                    filled++;
                }
            }

            UntimedCount -= filled;
            return filled;
        }
    }
}
