using System;

namespace TagoFirmware.Readings
{
    /// <summary>
    /// The queue's readings in RAM: a fixed ring of 12-byte <see cref="ReadingRecord"/>s in one <c>byte[]</c>
    /// (nanoCLR boxes every element of a struct array, so there is no object per reading), with the log sequence
    /// number of the oldest one. Main loop only; allocates only in the constructor.
    /// </summary>
    internal sealed class ReadingRing
    {
        /// <summary>The record bytes; read them at <see cref="Offset"/>.</summary>
        internal readonly byte[] Bytes;

        /// <summary>Readings the ring holds at most.</summary>
        internal readonly int Capacity;

        /// <summary>Readings held.</summary>
        internal int Count;

        /// <summary>Readings held that still wait for a wall time.</summary>
        internal int UntimedCount;

        /// <summary>Log sequence number of the oldest reading (the next one's when empty).</summary>
        internal int HeadSequence;

        private int _head;

        /// <summary>Allocates capacity × 12 bytes.</summary>
        /// <param name="capacity">Readings held, at least 1.</param>
        internal ReadingRing(int capacity)
        {
            Capacity = capacity;
            Bytes = new byte[capacity * ReadingRecord.Size];
        }


        /// <summary>Empties the ring.</summary>
        /// <param name="headSequence">Sequence number the next reading gets.</param>
        internal void Clear(int headSequence)
        {
            _head = 0;
            Count = 0;
            UntimedCount = 0;
            HeadSequence = headSequence;
        }

        /// <summary>Byte offset of reading <paramref name="i"/> (0 = oldest).</summary>
        /// <param name="i">0..<see cref="Count"/>; <see cref="Count"/> is the next free slot.</param>
        /// <returns>Offset into <see cref="Bytes"/>.</returns>
        internal int Offset(int i)
        {
            int slot = _head + i;
            return (slot >= Capacity ? slot - Capacity : slot) * ReadingRecord.Size;
        }

        /// <summary>Sequence number of reading <paramref name="i"/>.</summary>
        /// <param name="i">0-based index from the oldest.</param>
        /// <returns>The 24-bit sequence number.</returns>
        internal int Sequence(int i)
        {
            return (HeadSequence + i) & ReadingLogFormat.SequenceMask;
        }

        /// <summary>Takes the record just written at <see cref="Offset"/>(<see cref="Count"/>) into the ring; the
        /// caller made room first.</summary>
        internal void Commit()
        {
            if (ReadingRecord.IsUntimed(Bytes, Offset(Count)))
            {
                UntimedCount++;
            }

            Count++;
        }

        /// <summary>Removes the oldest reading.</summary>
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
        /// <returns>Readings removed.</returns>
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
        /// <param name="boot">Boot counter of the readings to fill in.</param>
        /// <param name="syncWall">Wall time at the sync, Unix ms.</param>
        /// <param name="syncMono">Monotonic ms at the sync.</param>
        /// <returns>Readings that got their time.</returns>
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
