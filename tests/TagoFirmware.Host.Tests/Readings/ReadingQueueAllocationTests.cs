using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Readings;

namespace TagoFirmware.Host.Tests.Readings
{
    /// <summary>
    /// The hot path (per reading, per payload, per flash write, compaction) allocates nothing: measured with the
    /// runtime's per-thread allocation counter over many cycles, with a store that does not allocate either.
    /// </summary>
    [TestClass]
    public sealed class ReadingQueueAllocationTests
    {
        private const long T0 = 1764000000000;

        /// <summary>A store over two preallocated buffers, so the measurement sees only the queue's allocations.</summary>
        private sealed class FakeFixedReadingStore : IReadingStore
        {
            private byte[] _log = new byte[1 << 20];
            private byte[] _spare = new byte[1 << 20];
            private int _length;
            private int _spareLength;

            public bool CanWrite => true;

            public int Length => _length;

            public int Commits { get; private set; }

            public int Read(int position, byte[] buffer, int offset, int count)
            {
                int n = Math.Min(count, _length - position);
                Buffer.BlockCopy(_log, position, buffer, offset, Math.Max(n, 0));
                return Math.Max(n, 0);
            }

            public bool Append(byte[] buffer, int offset, int count)
            {
                Buffer.BlockCopy(buffer, offset, _log, _length, count);
                _length += count;
                return true;
            }

            public bool BeginReplace()
            {
                _spareLength = 0;
                return true;
            }

            public bool WriteReplacement(byte[] buffer, int offset, int count)
            {
                Buffer.BlockCopy(buffer, offset, _spare, _spareLength, count);
                _spareLength += count;
                return true;
            }

            public bool CommitReplace()
            {
                (_log, _spare) = (_spare, _log);
                _length = _spareLength;
                Commits++;
                return true;
            }

            public void AbortReplace()
            {
            }
        }

        [TestMethod]
        public void Sampling_publishing_acknowledging_and_compacting_allocate_nothing()
        {
            FakeFixedReadingStore store = new FakeFixedReadingStore();
            ReadingQueue queue = new ReadingQueue(256, store);
            queue.Load();
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            byte[] group = new byte[ReadingGroupId.Length];

            // Warm up (JIT, static tables), then measure.
            Exercise(queue, batcher, group, 0, 50);
            long before = GC.GetAllocatedBytesForCurrentThread();
            long sum = Exercise(queue, batcher, group, 50, 2000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated over 2000 cycles");
            Assert.IsTrue(sum != 0);
            Assert.IsTrue(store.Commits > 1, "compactions ran during the measurement");
        }

        [TestMethod]
        [DataRow(1024)]
        [DataRow(64)]
        public void The_queue_allocates_twelve_bytes_per_reading_of_capacity_plus_a_fixed_overhead(int capacity)
        {
            new ReadingQueue(8, null).Load();
            long before = GC.GetAllocatedBytesForCurrentThread();
            ReadingQueue queue = new ReadingQueue(capacity, null);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // Ring (12 B per reading) + 640 B I/O buffer + object and array headers (.NET x64: 24 B per array).
            long overhead = allocated - (12L * capacity);
            Console.WriteLine($"capacity {capacity}: {allocated} B allocated, {overhead} B fixed overhead");
            Assert.IsTrue(overhead >= 640 && overhead <= 1000, $"overhead {overhead} B");
            GC.KeepAlive(queue);
        }

        private static long Exercise(ReadingQueue queue, ReadingBatcher batcher, byte[] group, int first, int cycles)
        {
            long sum = 0;
            for (int c = first; c < first + cycles; c++)
            {
                uint now = (uint)(c * 5000);
                bool clockValid = c % 100 != 0;
                queue.BeginCycle(T0 + now, clockValid, now);
                queue.AddScaled(0, 215 + ((c % 10) * 10), 1);
                queue.AddScaled(1, 5525, 2);
                queue.EndCycle();
                int due = batcher.DueCount(now);
                if (batcher.MillisecondsUntilDue(now) == 0)
                {
                    for (int i = 0; i < due; i++)
                    {
                        ReadingGroupId.Write(queue.GetTimeUnixMs(i), group, 0);
                        sum += queue.GetScaledValue(i) + queue.GetTimeUnixMs(i) + group[9];
                    }

                    int ticket = batcher.Take(due, queue.IsReportPending, now);
                    if (c % 7 == 0)
                    {
                        batcher.OnLost(ticket);
                    }
                    else
                    {
                        batcher.OnAcknowledged(ticket);
                    }
                }
            }

            return sum;
        }
    }
}
