using nanoFramework.TestFramework;
using TagoFirmware.Readings;

namespace TagoFirmware.Tests.Readings
{
    [TestClass]
    public class ReadingBatcherTests
    {
        // 2025-11-24T16:00:00Z.
        private const long T0 = 1764000000000;

        private static bool IsDue(ReadingBatcher batcher, uint nowMs) => batcher.MillisecondsUntilDue(nowMs) == 0;

        private static ReadingQueue NewQueue(int capacity)
        {
            ReadingQueue queue = new ReadingQueue(capacity, null);
            queue.Load();
            return queue;
        }

        private static void AddReadings(ReadingQueue queue, uint nowMs, int readings)
        {
            queue.BeginCycle(T0 + nowMs, true, nowMs);
            for (int i = 0; i < readings; i++)
            {
                queue.AddScaled(i, (int)(nowMs / 1000) + i, 0);
            }

            queue.EndCycle();
        }

        // Publishes what is due the way the session will: write up to DueCount readings, then take them.
        private static int PublishDue(ReadingBatcher batcher, uint nowMs) => batcher.Take(batcher.DueCount(nowMs), false, nowMs);

        [TestMethod]
        public void A_full_batch_is_due_at_once()
        {
            ReadingQueue queue = NewQueue(64);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            AddReadings(queue, 1000, 6);
            Assert.IsFalse(IsDue(batcher, 1000));

            AddReadings(queue, 2000, 6);

            Assert.IsTrue(IsDue(batcher, 2000));
            Assert.AreEqual(10, batcher.DueCount(2000));
        }

        [TestMethod]
        public void A_partial_batch_is_due_once_its_oldest_reading_waited_the_batch_interval()
        {
            ReadingQueue queue = NewQueue(64);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            AddReadings(queue, 1000, 2);

            Assert.IsFalse(IsDue(batcher, 1000));
            Assert.AreEqual(30000u, batcher.MillisecondsUntilDue(1000));
            Assert.IsFalse(IsDue(batcher, 30999));
            Assert.IsTrue(IsDue(batcher, 31000));
            Assert.AreEqual(2, batcher.DueCount(31000));
        }

        [TestMethod]
        public void Nothing_waiting_means_nothing_due_and_no_wake_up()
        {
            ReadingQueue queue = NewQueue(8);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);

            Assert.IsFalse(IsDue(batcher, 100000));
            Assert.AreEqual(0, batcher.DueCount(100000));
            Assert.AreEqual(uint.MaxValue, batcher.MillisecondsUntilDue(100000));
        }

        [TestMethod]
        public void Readings_in_flight_leave_only_when_the_broker_acknowledges()
        {
            ReadingQueue queue = NewQueue(64);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            AddReadings(queue, 1000, 10);

            int ticket = batcher.Take(batcher.DueCount(1000), false, 1000);
            Assert.AreEqual(10, queue.Count);
            Assert.AreEqual(ticket, queue.InFlightTicket);
            Assert.IsFalse(IsDue(batcher, 60000));

            Assert.IsTrue(batcher.OnAcknowledged(ticket));
            Assert.AreEqual(0, queue.Count);
            Assert.AreEqual(0, queue.InFlightTicket);
        }

        [TestMethod]
        public void A_repeated_acknowledgement_is_ignored()
        {
            ReadingQueue queue = NewQueue(64);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            AddReadings(queue, 1000, 10);

            int ticket = batcher.Take(10, false, 1000);

            Assert.IsTrue(batcher.OnAcknowledged(ticket));
            Assert.AreEqual(0, queue.Count);
            Assert.IsFalse(batcher.OnAcknowledged(ticket));
        }

        [TestMethod]
        public void A_payload_lost_to_a_disconnect_is_due_again_as_soon_as_the_spacing_allows()
        {
            ReadingQueue queue = NewQueue(64);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            AddReadings(queue, 1000, 3);
            Assert.IsFalse(IsDue(batcher, 1000));
            int ticket = batcher.Take(batcher.DueCount(31000), false, 31000);

            Assert.IsTrue(batcher.OnLost(ticket));

            Assert.IsFalse(IsDue(batcher, 31500));
            Assert.IsTrue(IsDue(batcher, 32000));
            Assert.AreEqual(3, batcher.DueCount(32000));
            Assert.AreEqual(1, queue.GetScaledValue(0));
        }

        [TestMethod]
        public void A_backlog_is_replayed_oldest_first_at_one_payload_per_spacing_while_new_readings_queue_behind()
        {
            ReadingQueue queue = NewQueue(256);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            for (uint s = 1; s <= 35; s++)
            {
                AddReadings(queue, s * 1000, 1);
            }

            uint now = 100000;
            int payloads = 0;
            int expectedNext = 1;
            while (IsDue(batcher, now) && payloads < 20)
            {
                int count = batcher.DueCount(now);
                Assert.AreEqual(expectedNext, queue.GetScaledValue(0));
                expectedNext += count;
                int ticket = PublishDue(batcher, now);
                Assert.IsFalse(IsDue(batcher, now + 999));
                batcher.OnAcknowledged(ticket);
                payloads++;
                if (payloads == 1)
                {
                    // A new reading during the replay goes behind the backlog.
                    AddReadings(queue, 36000, 1);
                }

                if (queue.PublishableCount >= batcher.BatchSize)
                {
                    Assert.AreEqual(1000u, batcher.MillisecondsUntilDue(now));
                }

                now += 1000;
            }

            // 36 readings: three full batches, then the remaining 6 wait like fresh readings.
            Assert.AreEqual(3, payloads);
            Assert.AreEqual(6, queue.Count);
            Assert.AreEqual(31, queue.GetScaledValue(0));
            Assert.AreEqual(36, queue.GetScaledValue(5));
        }

        [TestMethod]
        public void Readings_restored_at_boot_are_due_at_once()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = new ReadingQueue(64, store);
            first.Load();
            AddReadings(first, 1000, 2);

            ReadingQueue second = new ReadingQueue(64, store);
            second.Load();
            ReadingBatcher batcher = new ReadingBatcher(second, 10, 30000, 1000);

            Assert.IsTrue(IsDue(batcher, 5));
            Assert.AreEqual(2, batcher.DueCount(5));
        }

        [TestMethod]
        public void The_due_count_never_exceeds_the_batch_and_take_refuses_more()
        {
            ReadingQueue queue = NewQueue(64);
            ReadingBatcher batcher = new ReadingBatcher(queue, 4, 30000, 1000);
            AddReadings(queue, 1000, 9);

            Assert.AreEqual(4, batcher.DueCount(1000));
            Assert.AreEqual(0, batcher.Take(5, false, 1000));
            Assert.AreNotEqual(0, batcher.Take(3, false, 1000));
            Assert.AreEqual(3, queue.Count - queue.PendingCount);
        }

        [TestMethod]
        public void A_payload_smaller_than_due_because_the_buffer_was_full_leaves_the_rest_queued()
        {
            ReadingQueue queue = NewQueue(64);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            AddReadings(queue, 1000, 10);

            // The payload writer took only 7 readings before its buffer refused the 8th.
            int ticket = batcher.Take(7, false, 1000);
            batcher.OnAcknowledged(ticket);

            Assert.AreEqual(3, queue.Count);
            Assert.AreEqual(8, queue.GetScaledValue(0));
        }

        [TestMethod]
        public void A_flush_makes_a_partial_batch_due_now()
        {
            ReadingQueue queue = NewQueue(64);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            AddReadings(queue, 1000, 2);
            Assert.IsFalse(IsDue(batcher, 2000));

            batcher.RequestFlush();

            Assert.IsTrue(IsDue(batcher, 2000));
            Assert.AreEqual(0u, batcher.MillisecondsUntilDue(2000));
        }

        [TestMethod]
        public void A_pending_report_alone_makes_a_counters_only_payload_due()
        {
            ReadingQueue queue = NewQueue(2);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            AddReadings(queue, 1000, 3);
            batcher.OnAcknowledged(batcher.Take(2, false, 1000));

            // The report rides on the next readings; with none coming it goes alone after the batch interval.
            Assert.IsTrue(queue.IsReportPending);
            Assert.IsFalse(IsDue(batcher, 1000));
            Assert.IsTrue(IsDue(batcher, 31000));
            Assert.AreEqual(0, batcher.DueCount(31000));
            int ticket = batcher.Take(0, true, 31000);
            Assert.AreNotEqual(0, ticket);
            batcher.OnAcknowledged(ticket);
            Assert.IsFalse(queue.IsReportPending);
            Assert.IsFalse(IsDue(batcher, 90000));
        }

        [TestMethod]
        public void Untimed_readings_are_never_due()
        {
            ReadingQueue queue = NewQueue(64);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            for (uint s = 1; s <= 12; s++)
            {
                queue.BeginCycle(0, false, s * 1000);
                queue.AddScaled(0, 1, 0);
                queue.EndCycle();
            }

            batcher.RequestFlush();
            Assert.IsFalse(IsDue(batcher, 100000));
            queue.OnClockSynced(T0, 200000);
            Assert.IsTrue(IsDue(batcher, 200000));
            Assert.AreEqual(10, batcher.DueCount(200000));
        }

        [TestMethod]
        public void Spacing_and_interval_survive_a_wrap_of_the_monotonic_clock()
        {
            ReadingQueue queue = NewQueue(64);
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            queue.BeginCycle(T0, true, 0xFFFFF000);
            queue.AddScaled(0, 1, 0);
            queue.EndCycle();

            Assert.IsFalse(IsDue(batcher, 0xFFFFF000));
            Assert.IsFalse(IsDue(batcher, 0x00001000));
            Assert.IsTrue(IsDue(batcher, 0x00006000 + 30000));
        }
    }
}
