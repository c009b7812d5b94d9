using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Readings;

namespace TagoFirmware.Host.Tests.Readings
{
    /// <summary>
    /// Crash consistency of the persisted reading log: random histories of appends, acknowledged and lost payloads,
    /// reboots and compactions, then the log is cut at every byte offset (power lost mid-write) or hit by random bit
    /// flips, and reloaded. No corrupt reading may come back; every complete unacknowledged record must.
    /// </summary>
    [TestClass]
    public sealed class ReadingLogCrashConsistencyTests
    {
        private const long T0 = 1764000000000;
        private const int Capacity = 4096;

        private readonly record struct Reading(int Variable, int Value, int Decimals, long Time);

        private sealed class History
        {
            public FakeMemoryReadingStore Store = new FakeMemoryReadingStore();
            public List<Reading> Appended = new List<Reading>();
            public List<Reading> Unacknowledged = new List<Reading>();
        }

        // Ops: 0-1 append a cycle, 2 deliver a payload, 3 lose a payload, 4 reboot, 5 compact.
        private static readonly Gen<int[]> s_ops = Gen.Int[0, 599].Array[1, 60];

        private static History Run(int[] ops)
        {
            History h = new History();
            ReadingQueue queue = new ReadingQueue(Capacity, h.Store);
            queue.Load();
            int value = 1;
            int cycle = 0;
            foreach (int op in ops)
            {
                int arg = op / 6;
                switch (op % 6)
                {
                    case 0:
                    case 1:
                        long time = T0 + (cycle * 60000L);
                        queue.BeginCycle(time, true, (uint)(cycle * 60000));
                        cycle++;
                        for (int i = 0; i <= arg % 4; i++)
                        {
                            Reading r = new Reading(value % 256, value * 7 * (value % 2 == 0 ? 1 : -1), value % 7, time);
                            Assert.IsTrue(queue.AddScaled(r.Variable, r.Value, r.Decimals));
                            h.Appended.Add(r);
                            h.Unacknowledged.Add(r);
                            value++;
                        }

                        queue.EndCycle();
                        break;
                    case 2:
                        int n = Math.Min((arg % 10) + 1, queue.PublishableCount);
                        if (n > 0)
                        {
                            Assert.IsTrue(queue.Acknowledge(queue.MarkInFlight(n, false)));
                            h.Unacknowledged.RemoveRange(0, n);
                        }

                        break;
                    case 3:
                        int m = Math.Min((arg % 10) + 1, queue.PublishableCount);
                        if (m > 0)
                        {
                            Assert.IsTrue(queue.ReturnInFlight(queue.MarkInFlight(m, false)));
                        }

                        break;
                    case 4:
                        queue = new ReadingQueue(Capacity, h.Store);
                        queue.Load();
                        break;
                    default:
                        Assert.IsTrue(queue.Compact());
                        break;
                }
            }

            CollectionAssert.AreEqual(h.Unacknowledged, Contents(queue), "the queue in RAM follows the model");
            return h;
        }

        private static List<Reading> Contents(ReadingQueue queue)
        {
            List<Reading> list = new List<Reading>();
            for (int i = 0; i < queue.PendingCount; i++)
            {
                list.Add(new Reading(queue.GetVariableIndex(i), queue.GetScaledValue(i), queue.GetDecimals(i), queue.GetTimeUnixMs(i)));
            }

            return list;
        }

        private static List<Reading> Reload(byte[] log, out ReadingQueue queue)
        {
            FakeMemoryReadingStore store = new FakeMemoryReadingStore(log);
            queue = new ReadingQueue(Capacity, store);
            queue.Load();
            List<Reading> first = Contents(queue);

            // The repaired log must reload to the same readings.
            ReadingQueue again = new ReadingQueue(Capacity, store);
            Assert.AreNotEqual(ReadingLoadResult.RestoredWithDamage, again.Load());
            CollectionAssert.AreEqual(first, Contents(again), "a repaired log reloads the same");
            return first;
        }

        // Independent reading of the format as documented in ReadingRecord: complete records with a good
        // CRC-32 (computed bit by bit here, not with the firmware's table); data at or after the last mark's watermark.
        private static List<Reading> ExpectedFromPrefix(byte[] log, int length)
        {
            List<(int Seq, Reading R)> data = new List<(int, Reading)>();
            int watermark = 0;
            for (int off = 0; off + 20 <= length; off += 20)
            {
                if (BitwiseCrc32(log, off, 16) != BitConverter.ToUInt32(log, off + 16))
                {
                    continue;
                }

                int seq = log[off + 1] | (log[off + 2] << 8) | (log[off + 3] << 16);
                if (log[off] == (byte)'A')
                {
                    watermark = seq;
                }
                else if (log[off] == (byte)'D')
                {
                    int b = off + 4;
                    long time = BitConverter.ToUInt32(log, b + 6) | ((long)BitConverter.ToUInt16(log, b + 10) << 32);
                    data.Add((seq, new Reading(log[b], BitConverter.ToInt32(log, b + 2), log[b + 1] & 7, time)));
                }
            }

            return data.Where(d => d.Seq >= watermark).Select(d => d.R).ToList();
        }

        private static uint BitwiseCrc32(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i];
                for (int k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }

        private static void AssertGenuineInOrder(List<Reading> appended, List<Reading> loaded)
        {
            Dictionary<Reading, int> index = new Dictionary<Reading, int>();
            for (int i = 0; i < appended.Count; i++)
            {
                index[appended[i]] = i;
            }

            int last = -1;
            foreach (Reading r in loaded)
            {
                Assert.IsTrue(index.TryGetValue(r, out int at), $"reading {r} was never appended: a corrupt record came back");
                Assert.IsTrue(at > last, $"reading {r} is out of order or duplicated");
                last = at;
            }
        }

        [TestMethod]
        public void The_complete_log_reloads_exactly_the_unacknowledged_readings_in_order()
        {
            s_ops.Sample(ops =>
            {
                History h = Run(ops);
                List<Reading> loaded = Reload(h.Store.Snapshot(), out _);
                CollectionAssert.AreEqual(h.Unacknowledged, loaded);
            }, iter: 300, threads: 1);
        }

        [TestMethod]
        public void A_log_cut_at_any_byte_reloads_every_complete_unacknowledged_record_and_nothing_corrupt()
        {
            s_ops.Sample(ops =>
            {
                History h = Run(ops);
                byte[] log = h.Store.Snapshot();
                CollectionAssert.AreEqual(h.Unacknowledged, ExpectedFromPrefix(log, log.Length), "the oracle agrees with the model");
                for (int cut = 0; cut <= log.Length; cut++)
                {
                    List<Reading> loaded = Reload(log.AsSpan(0, cut).ToArray(), out ReadingQueue queue);
                    CollectionAssert.AreEqual(ExpectedFromPrefix(log, cut), loaded, $"cut at {cut} of {log.Length}");
                    AssertGenuineInOrder(h.Appended, loaded);
                    Assert.AreEqual(0, queue.DroppedReadings);
                }
            }, iter: 60, threads: 1);
        }

        [TestMethod]
        public void Random_bit_flips_never_bring_back_a_corrupt_reading_nor_lose_an_untouched_unacknowledged_one()
        {
            Gen<(int[], int[])> gen = Gen.Select(s_ops, Gen.Int[0, int.MaxValue].Array[1, 3]);
            gen.Sample((ops, flips) =>
            {
                History h = Run(ops);
                byte[] log = h.Store.Snapshot();
                HashSet<int> hitRecords = new HashSet<int>();
                foreach (int flip in flips)
                {
                    int bit = flip % (log.Length * 8);
                    log[bit / 8] ^= (byte)(1 << (bit % 8));
                    hitRecords.Add(bit / 8 / 20);
                }

                List<Reading> loaded = Reload(log, out _);
                AssertGenuineInOrder(h.Appended, loaded);

                // Unacknowledged readings whose own record was not hit must all come back (a hit mark may bring back
                // acknowledged ones too: duplicates are allowed, corrupt or lost readings are not).
                byte[] clean = h.Store.Snapshot();
                HashSet<Reading> survivors = new HashSet<Reading>(loaded);
                foreach (Reading r in UntouchedUnacknowledged(clean, hitRecords))
                {
                    Assert.IsTrue(survivors.Contains(r), $"untouched unacknowledged reading {r} was lost");
                }
            }, iter: 3000, threads: 1);
        }

        private static IEnumerable<Reading> UntouchedUnacknowledged(byte[] clean, HashSet<int> hitRecords)
        {
            List<Reading> unacked = ExpectedFromPrefix(clean, clean.Length);
            HashSet<Reading> hit = new HashSet<Reading>();
            foreach (int record in hitRecords)
            {
                int off = record * 20;
                if (off + 20 <= clean.Length && clean[off] == (byte)'D')
                {
                    hit.UnionWith(ExpectedFromPrefix(Slice(clean, off), 20));
                }
            }

            return unacked.Where(r => !hit.Contains(r));
        }

        private static byte[] Slice(byte[] log, int offset)
        {
            return log.AsSpan(offset, 20).ToArray();
        }
    }
}
