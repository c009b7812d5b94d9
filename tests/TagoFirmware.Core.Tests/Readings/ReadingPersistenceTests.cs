using nanoFramework.TestFramework;
using TagoFirmware.Readings;

namespace TagoFirmware.Tests.Readings
{
    [TestClass]
    public class ReadingPersistenceTests
    {
        // 2025-11-24T16:00:00Z.
        private const long T0 = 1764000000000;

        private static ReadingQueue Boot(FakeReadingStore store, int capacity)
        {
            ReadingQueue queue = new ReadingQueue(capacity, store);
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

        private static void AssertValues(ReadingQueue queue, int[] expected)
        {
            Assert.AreEqual(expected.Length, queue.PendingCount);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], queue.GetScaledValue(i));
            }
        }

        [TestMethod]
        public void A_new_store_gets_a_log_and_loads_as_created()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = new ReadingQueue(8, store);

            Assert.AreEqual(ReadingLoadResult.Created, queue.Load());
            Assert.AreEqual(3 * ReadingRecord.LogRecordSize, store.Length);
        }

        [TestMethod]
        public void Without_a_store_the_queue_works_in_ram_only()
        {
            ReadingQueue queue = new ReadingQueue(8, null);

            Assert.AreEqual(ReadingLoadResult.NotPersisted, queue.Load());
            AddCycle(queue, 0, 2);
            Assert.AreEqual(2, queue.Count);
        }

        [TestMethod]
        public void Reload_after_a_restart_restores_unacknowledged_readings_in_order()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = Boot(store, 16);
            AddCycle(first, 0, 2);
            AddCycle(first, 1, 2);
            AddCycle(first, 2, 2);
            first.Acknowledge(first.MarkInFlight(3, false));

            ReadingQueue second = Boot(store, 16);

            Assert.AreEqual(ReadingLoadResult.Restored, new ReadingQueue(16, store).Load());
            AssertValues(second, new int[] { 11, 20, 21 });
            Assert.AreEqual(T0 + 60000, second.GetTimeUnixMs(0));
            Assert.AreEqual(T0 + 120000, second.GetTimeUnixMs(1));
        }

        [TestMethod]
        public void After_a_crash_at_most_the_batch_in_flight_is_sent_again()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = Boot(store, 16);
            for (int cycle = 0; cycle < 5; cycle++)
            {
                AddCycle(first, cycle, 2);
            }

            first.Acknowledge(first.MarkInFlight(4, false));
            first.MarkInFlight(4, false);

            // Power lost while the second payload waited for its ack (or after the PUBACK, before the mark).
            ReadingQueue second = Boot(store, 16);

            AssertValues(second, new int[] { 20, 21, 30, 31, 40, 41 });
            Assert.AreEqual(0, second.InFlightTicket);
        }

        [TestMethod]
        public void Readings_added_after_a_reload_continue_the_log()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = Boot(store, 16);
            AddCycle(first, 0, 2);
            ReadingQueue second = Boot(store, 16);
            AddCycle(second, 1, 1);
            second.Acknowledge(second.MarkInFlight(1, false));

            int commits = store.Commits;
            ReadingQueue third = Boot(store, 16);

            AssertValues(third, new int[] { 1, 10 });
            Assert.AreEqual(commits, store.Commits, "no rewrite at boot");
        }

        [TestMethod]
        public void Each_sampling_cycle_is_one_append_and_each_delivered_payload_one_ack_mark()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 64);
            int before = store.AppendCalls;
            int length = store.Length;

            AddCycle(queue, 0, 3);
            Assert.AreEqual(before + 1, store.AppendCalls);
            Assert.AreEqual(length + (3 * ReadingRecord.LogRecordSize), store.Length);

            queue.Acknowledge(queue.MarkInFlight(3, false));
            Assert.AreEqual(before + 2, store.AppendCalls);
            Assert.AreEqual(length + (4 * ReadingRecord.LogRecordSize), store.Length);
        }

        [TestMethod]
        public void A_lost_payload_writes_nothing_to_flash()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 64);
            AddCycle(queue, 0, 3);
            int appends = store.AppendCalls;

            queue.ReturnInFlight(queue.MarkInFlight(3, false));

            Assert.AreEqual(appends, store.AppendCalls);
        }

        [TestMethod]
        public void The_log_is_compacted_once_it_holds_the_slack_of_dead_records_and_reloads_the_same()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 64);
            int commitsAtBoot = store.Commits;
            // Slack max(capacity, 64): each delivered cycle leaves 3 dead records, so the 21st ack compacts.
            for (int cycle = 0; cycle < 30; cycle++)
            {
                AddCycle(queue, cycle, 2);
                if (cycle < 29)
                {
                    queue.Acknowledge(queue.MarkInFlight(2, false));
                }
            }

            Assert.AreEqual(commitsAtBoot + 1, store.Commits);
            Assert.IsTrue(store.Length < 40 * ReadingRecord.LogRecordSize);
            ReadingQueue reloaded = Boot(store, 64);
            AssertValues(reloaded, new int[] { 290, 291 });
        }

        [TestMethod]
        public void A_torn_last_record_is_skipped_and_the_log_rewritten()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 16);
            AddCycle(queue, 0, 2);
            store.CutTo(store.Length - 7);
            int commits = store.Commits;

            ReadingQueue reloaded = new ReadingQueue(16, store);
            Assert.AreEqual(ReadingLoadResult.RestoredWithDamage, reloaded.Load());

            AssertValues(reloaded, new int[] { 0 });
            Assert.AreEqual(commits + 1, store.Commits);
            Assert.AreEqual(0, store.Length % ReadingRecord.LogRecordSize);
            Assert.AreEqual(ReadingLoadResult.Restored, new ReadingQueue(16, store).Load());
        }

        [TestMethod]
        public void A_corrupted_record_is_never_replayed_as_data()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 16);
            AddCycle(queue, 0, 3);
            int secondReading = store.Length - (2 * ReadingRecord.LogRecordSize);
            store.FlipBit(secondReading + ReadingRecord.BodyOffset + 2, 0);

            ReadingQueue reloaded = new ReadingQueue(16, store);
            Assert.AreEqual(ReadingLoadResult.RestoredWithDamage, reloaded.Load());

            AssertValues(reloaded, new int[] { 0, 2 });
            Assert.AreEqual(1, reloaded.SkippedRecords);
        }

        [TestMethod]
        public void A_torn_append_is_repaired_by_rewriting_the_log_on_the_next_write()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 16);
            store.TearNextAppendAt = 25;
            AddCycle(queue, 0, 2);
            Assert.IsTrue(queue.IsStoreFaulted);
            Assert.AreEqual(1, queue.StoreErrors);

            AddCycle(queue, 1, 1);

            Assert.IsFalse(queue.IsStoreFaulted);
            AssertValues(Boot(store, 16), new int[] { 0, 1, 10 });
        }

        [TestMethod]
        public void Flush_rewrites_the_log_after_a_failed_write()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 16);
            store.FailAppends = true;
            AddCycle(queue, 0, 2);
            store.FailAppends = false;

            Assert.IsTrue(queue.Flush());
            AssertValues(Boot(store, 16), new int[] { 0, 1 });
        }

        [TestMethod]
        public void A_failed_compaction_keeps_the_old_log_in_force()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 16);
            AddCycle(queue, 0, 2);
            store.FailCommits = true;

            Assert.IsFalse(queue.Compact());
            Assert.IsTrue(queue.IsStoreFaulted);
            store.FailCommits = false;
            AssertValues(Boot(store, 16), new int[] { 0, 1 });
        }

        [TestMethod]
        public void Readings_beyond_the_capacity_at_reload_drop_the_oldest_and_are_counted()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue big = Boot(store, 16);
            for (int cycle = 0; cycle < 4; cycle++)
            {
                AddCycle(big, cycle, 2);
            }

            ReadingQueue small = Boot(store, 5);

            AssertValues(small, new int[] { 11, 20, 21, 30, 31 });
            Assert.AreEqual(3, small.DroppedReadings);
            Assert.AreEqual(3, small.UnreportedDroppedReadings);
        }

        [TestMethod]
        public void Readings_dropped_from_a_full_queue_are_counted_once_across_a_reboot()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = Boot(store, 4);
            for (int cycle = 0; cycle < 3; cycle++)
            {
                AddCycle(first, cycle, 2);
            }

            first.Acknowledge(first.MarkInFlight(1, false));
            AddCycle(first, 3, 2);
            Assert.AreEqual(3, first.UnreportedDroppedReadings);

            ReadingQueue second = Boot(store, 4);

            Assert.AreEqual(3, second.UnreportedDroppedReadings);
            AssertValues(second, new int[] { 20, 21, 30, 31 });
        }

        [TestMethod]
        public void An_unreadable_store_leaves_the_queue_in_ram_and_the_log_untouched()
        {
            FakeReadingStore store = new FakeReadingStore();
            store.Unreadable = true;
            ReadingQueue queue = new ReadingQueue(8, store);

            Assert.AreEqual(ReadingLoadResult.StoreUnavailable, queue.Load());
            AddCycle(queue, 0, 2);
            Assert.AreEqual(0, store.AppendCalls);
            Assert.AreEqual(2, queue.Count);
        }

        [TestMethod]
        public void A_log_of_another_format_version_is_not_replayed()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = Boot(store, 8);
            AddCycle(first, 0, 2);
            byte[] log = store.Snapshot();
            log[ReadingRecord.BodyOffset + 4] = 2;
            ReadingRecord.Seal(log, 0, ReadingRecord.LogRecordSize - 4);
            store.Load(log);

            ReadingQueue second = new ReadingQueue(8, store);

            Assert.AreEqual(ReadingLoadResult.Incompatible, second.Load());
            Assert.AreEqual(0, second.Count);
            Assert.AreEqual(ReadingLoadResult.Restored, new ReadingQueue(8, store).Load());
        }

        [TestMethod]
        public void Flash_bytes_per_cycle_are_twenty_per_reading()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue queue = Boot(store, 64);
            long before = store.BytesWritten;

            AddCycle(queue, 0, 2);

            Assert.AreEqual(before + 40, store.BytesWritten);
        }
    }
}
