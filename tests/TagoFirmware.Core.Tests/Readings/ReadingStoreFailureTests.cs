using System;
using nanoFramework.TestFramework;
using TagoFirmware.Readings;
using TagoFirmware.Tests.Session;

namespace TagoFirmware.Tests.Readings
{
    /// <summary>Storage that fills up, fails, is read-only or holds a log copied onto itself.</summary>
    [TestClass]
    public class ReadingStoreFailureTests
    {
        // 2025-11-24T16:00:00Z.
        private const long T0 = 1764000000000;

        private static ReadingQueue Boot(FakeReadingStore store, int capacity, FakeLog log)
        {
            ReadingQueue queue = new ReadingQueue(capacity, store);
            queue.Log = log;
            queue.Load();
            return queue;
        }

        private static void AddCycle(ReadingQueue queue, int cycle, int readings)
        {
            queue.BeginCycle(T0 + (cycle * 60000L), true, (uint)(cycle * 60000));
            for (int i = 0; i < readings; i++)
            {
                queue.AddScaled(i, (cycle * 10) + i, 1);
            }

            queue.EndCycle();
        }

        [TestMethod]
        public void The_first_failed_append_and_the_recovery_are_each_logged_once_and_failures_are_counted()
        {
            FakeReadingStore store = new FakeReadingStore();
            FakeLog log = new FakeLog();
            ReadingQueue queue = Boot(store, 64, log);

            store.Full = true;
            for (int c = 0; c < 5; c++)
            {
                AddCycle(queue, c, 2);
            }

            Assert.IsTrue(queue.IsStoreFaulted);
            Assert.AreEqual(1, log.CountContaining("storage write failed"));
            Assert.AreEqual(1, log.CountContaining("running from RAM"));
            Assert.IsTrue(queue.StoreErrors >= 5, "every failed write counts: " + queue.StoreErrors.ToString());

            store.Full = false;
            AddCycle(queue, 5, 2);
            AddCycle(queue, 6, 2);

            Assert.IsFalse(queue.IsStoreFaulted);
            Assert.AreEqual(1, log.CountContaining("storage works again"));
            Assert.AreEqual(1, log.CountContaining("storage write failed"));
            Assert.AreEqual(14, Boot(store, 64, new FakeLog()).Count);
        }

        [TestMethod]
        public void Acknowledgements_that_could_not_be_marked_are_written_once_the_store_works_again_before_a_restart()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 64, new FakeLog());
            for (int c = 0; c < 4; c++)
            {
                AddCycle(queue, c, 2);
            }

            store.Full = true;
            Assert.IsTrue(queue.Acknowledge(queue.MarkInFlight(8, false)));
            Assert.AreEqual(8, queue.UnsavedAcks);

            store.Full = false;
            Assert.IsTrue(queue.RetryStore(10000));

            ReadingQueue restarted = Boot(store, 64, new FakeLog());
            Assert.AreEqual(0, restarted.Count, "acknowledged readings are not sent again");
        }

        [TestMethod]
        public void A_power_cut_while_the_store_is_full_sends_the_unsaved_acknowledgements_again_and_they_are_counted()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 64, new FakeLog());
            AddCycle(queue, 0, 2);
            AddCycle(queue, 1, 2);

            store.Full = true;
            queue.Acknowledge(queue.MarkInFlight(4, false));
            Assert.IsFalse(queue.RetryStore(0));

            // The documented unavoidable duplicate: the flash never learnt of the ack.
            Assert.AreEqual(4, queue.UnsavedAcks);
            store.Full = false;
            Assert.AreEqual(4, Boot(store, 64, new FakeLog()).Count);
        }

        [TestMethod]
        public void Retrying_a_failed_store_waits_five_seconds_between_rewrites()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 16, new FakeLog());
            store.Full = true;
            AddCycle(queue, 0, 2);
            Assert.IsFalse(queue.RetryStore(1000));
            int errors = queue.StoreErrors;

            Assert.IsFalse(queue.RetryStore(5999));
            Assert.AreEqual(errors, queue.StoreErrors, "no rewrite tried within 5 s");
            Assert.IsFalse(queue.RetryStore(6000));
            Assert.AreEqual(errors + 1, queue.StoreErrors);

            store.Full = false;
            Assert.IsTrue(queue.RetryStore(11000));
        }

        [TestMethod]
        [DataRow(16, 12)]
        [DataRow(16, 2)]
        [DataRow(64, 32)]
        [DataRow(8, 40)]
        [DataRow(100, 7)]
        public void The_queue_files_never_exceed_the_byte_budget(int capacity, int perCycle)
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = new ReadingQueue(capacity, store);
            int slack = capacity < 64 ? 64 : capacity;
            queue.Load();
            for (int c = 0; c < 300; c++)
            {
                // Storage fails now and then, payloads are acknowledged, lost or never sent (the ring overflows).
                store.Full = c % 37 > 30;
                AddCycle(queue, c, perCycle);
                int ticket = queue.MarkInFlight(queue.PublishableCount / 2, false);
                if (c % 3 == 0)
                {
                    queue.Acknowledge(ticket);
                }
                else
                {
                    queue.ReturnInFlight(ticket);
                }

                queue.OnClockSynced(T0, 0);
            }

            // The budget: the log at its largest plus a replacement of a full queue while compacting.
            int budget = (3 + capacity + slack + 3 + capacity) * ReadingRecord.LogRecordSize;
            Assert.IsTrue(store.PeakBytes <= budget, "peak " + store.PeakBytes.ToString() + " B, budget " + budget.ToString() + " B");
        }

        [TestMethod]
        public void A_read_only_store_gives_up_its_readings_and_says_it_is_read_only()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = Boot(store, 64, new FakeLog());
            for (int c = 0; c < 8; c++)
            {
                AddCycle(first, c, 2);
            }

            byte[] before = store.Snapshot();
            store.CanWrite = false;
            ReadingQueue queue = new ReadingQueue(64, store);

            Assert.AreEqual(ReadingLoadResult.ReadOnly, queue.Load());
            Assert.AreEqual(16, queue.PublishableCount);
            Assert.IsTrue(queue.Acknowledge(queue.MarkInFlight(16, false)));
            Assert.AreEqual(0, queue.StoreErrors, "nothing is tried on a read-only store");
            Assert.AreEqual(before.Length, store.Length);
        }

        [TestMethod]
        public void Records_that_appear_twice_are_restored_once_and_counted()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = Boot(store, 64, new FakeLog());
            for (int c = 0; c < 8; c++)
            {
                AddCycle(first, c, 2);
            }

            byte[] log = store.Snapshot();
            byte[] twice = new byte[log.Length * 2];
            Array.Copy(log, twice, log.Length);
            Array.Copy(log, 0, twice, log.Length, log.Length);
            store.Load(twice);
            ReadingQueue queue = Boot(store, 64, new FakeLog());

            Assert.AreEqual(16, queue.Count);
            Assert.AreEqual(16, queue.SkippedRecords);
            for (int i = 0; i < 16; i++)
            {
                Assert.AreEqual(((i / 2) * 10) + (i % 2), queue.GetScaledValue(i));
            }

            ReadingQueue again = Boot(store, 64, new FakeLog());
            Assert.AreEqual(16, again.Count);
            Assert.AreEqual(0, again.SkippedRecords, "the log was rewritten without the repeats");
        }
    }
}
