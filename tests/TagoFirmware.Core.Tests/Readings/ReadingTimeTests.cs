using nanoFramework.TestFramework;
using TagoFirmware.Readings;

namespace TagoFirmware.Tests.Readings
{
    [TestClass]
    public class ReadingTimeTests
    {
        // 2025-11-24T16:00:00Z.
        private const long T0 = 1764000000000;

        private static void AddUntimedCycle(ReadingQueue queue, uint monotonicMs, int value)
        {
            // The clock is not set yet: an ESP32 that has not synchronised reports a 1970 time.
            queue.BeginCycle(5000, false, monotonicMs);
            queue.AddScaled(0, value, 1);
            queue.AddScaled(1, value + 1, 1);
            queue.EndCycle();
        }

        [TestMethod]
        public void Readings_before_the_first_sync_are_untimed_and_not_publishable()
        {
            ReadingQueue queue = new ReadingQueue(16, null);
            queue.Load();
            AddUntimedCycle(queue, 2000, 100);

            Assert.AreEqual(2, queue.Count);
            Assert.AreEqual(2, queue.UntimedCount);
            Assert.AreEqual(0, queue.PublishableCount);
            Assert.AreEqual(-1, queue.GetTimeUnixMs(0));
            Assert.AreEqual(0, queue.MarkInFlight(1, false));
        }

        [TestMethod]
        public void Readings_before_the_first_sync_get_wall_time_filled_in_from_the_sync_point()
        {
            ReadingQueue queue = new ReadingQueue(16, null);
            queue.Load();
            AddUntimedCycle(queue, 2000, 100);
            AddUntimedCycle(queue, 62000, 200);

            int filled = queue.OnClockSynced(T0, 90000);

            Assert.AreEqual(4, filled);
            Assert.AreEqual(0, queue.UntimedCount);
            Assert.AreEqual(4, queue.PublishableCount);
            Assert.AreEqual(T0 - 88000, queue.GetTimeUnixMs(0));
            Assert.AreEqual(T0 - 88000, queue.GetTimeUnixMs(1));
            Assert.AreEqual(T0 - 28000, queue.GetTimeUnixMs(2));
            Assert.AreEqual(200, queue.GetScaledValue(2));
        }

        [TestMethod]
        public void Fill_in_is_right_across_a_wrap_of_the_monotonic_clock()
        {
            ReadingQueue queue = new ReadingQueue(16, null);
            queue.Load();
            AddUntimedCycle(queue, 0xFFFFF000, 100);

            queue.OnClockSynced(T0, 0x00001000);

            Assert.AreEqual(T0 - 0x2000, queue.GetTimeUnixMs(0));
        }

        [TestMethod]
        public void Only_the_first_sync_of_a_boot_fills_in_times()
        {
            ReadingQueue queue = new ReadingQueue(16, null);
            queue.Load();
            AddUntimedCycle(queue, 2000, 100);
            queue.OnClockSynced(T0, 3000);

            Assert.AreEqual(0, queue.OnClockSynced(T0 + 500000, 4000));
            Assert.AreEqual(T0 - 1000, queue.GetTimeUnixMs(0));
        }

        [TestMethod]
        public void A_cycle_with_a_valid_clock_is_the_sync_point_for_earlier_readings()
        {
            ReadingQueue queue = new ReadingQueue(16, null);
            queue.Load();
            AddUntimedCycle(queue, 2000, 100);

            queue.BeginCycle(T0, true, 12000);
            queue.AddScaled(0, 300, 1);
            queue.EndCycle();

            Assert.IsTrue(queue.IsClockSynced);
            Assert.AreEqual(3, queue.PublishableCount);
            Assert.AreEqual(T0 - 10000, queue.GetTimeUnixMs(0));
            Assert.AreEqual(T0, queue.GetTimeUnixMs(2));
        }

        [TestMethod]
        public void After_the_sync_a_cycle_without_a_valid_clock_is_timed_from_the_monotonic_clock()
        {
            ReadingQueue queue = new ReadingQueue(16, null);
            queue.Load();
            queue.OnClockSynced(T0, 10000);

            queue.BeginCycle(0, false, 70000);
            queue.AddScaled(0, 1, 0);
            queue.EndCycle();

            Assert.AreEqual(T0 + 60000, queue.GetTimeUnixMs(0));
        }

        [TestMethod]
        public void Readings_of_a_cycle_open_during_the_sync_share_the_filled_in_time()
        {
            ReadingQueue queue = new ReadingQueue(16, null);
            queue.Load();
            queue.BeginCycle(0, false, 5000);
            queue.AddScaled(0, 1, 0);
            queue.OnClockSynced(T0, 6000);
            queue.AddScaled(1, 2, 0);
            queue.EndCycle();

            Assert.AreEqual(T0 - 1000, queue.GetTimeUnixMs(0));
            Assert.AreEqual(T0 - 1000, queue.GetTimeUnixMs(1));
        }

        [TestMethod]
        [DataRow(0L)]
        [DataRow(1577836799999L)]
        public void A_clock_before_2020_counts_as_not_set(long wall)
        {
            ReadingQueue queue = new ReadingQueue(16, null);
            queue.Load();

            queue.BeginCycle(wall, true, 1000);
            queue.AddScaled(0, 1, 0);
            queue.EndCycle();

            Assert.AreEqual(1, queue.UntimedCount);
            Assert.IsFalse(queue.IsClockSynced);
            Assert.AreEqual(0, queue.OnClockSynced(wall, 1000));
        }

        [TestMethod]
        public void Untimed_readings_hold_back_the_timed_readings_queued_behind_them()
        {
            ReadingQueue queue = new ReadingQueue(16, null);
            queue.Load();
            AddUntimedCycle(queue, 1000, 100);

            Assert.AreEqual(0, queue.PublishableCount);
            queue.OnClockSynced(T0, 2000);
            Assert.AreEqual(2, queue.PublishableCount);
        }

        [TestMethod]
        public void A_boot_that_never_syncs_is_dropped_and_counted_after_reload()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = new ReadingQueue(16, store);
            first.Load();
            first.BeginCycle(T0, true, 100);
            first.AddScaled(0, 1, 0);
            first.EndCycle();

            // Next boot: the clock is never set before the power goes.
            ReadingQueue second = new ReadingQueue(16, store);
            second.Load();
            second.OnClockSynced(0, 0);
            AddUntimedCycle(second, 2000, 100);
            AddUntimedCycle(second, 62000, 200);

            ReadingQueue third = new ReadingQueue(16, store);
            third.Load();

            Assert.AreEqual(1, third.Count);
            Assert.AreEqual(T0, third.GetTimeUnixMs(0));
            Assert.AreEqual(4, third.UntimedReadings);
            Assert.AreEqual(4, third.UnreportedUntimedReadings);
            Assert.AreEqual(0, third.UntimedCount);
            Assert.IsTrue(third.IsReportPending);
        }

        [TestMethod]
        public void The_untimed_count_stays_pending_across_another_reboot_until_reported()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = new ReadingQueue(16, store);
            first.Load();
            AddUntimedCycle(first, 2000, 100);
            new ReadingQueue(16, store).Load();

            ReadingQueue third = new ReadingQueue(16, store);
            third.Load();
            Assert.AreEqual(2, third.UnreportedUntimedReadings);
            Assert.AreEqual(0, third.UntimedReadings);
            int ticket = third.MarkInFlight(0, true);
            third.Acknowledge(ticket);

            ReadingQueue fourth = new ReadingQueue(16, store);
            fourth.Load();
            Assert.AreEqual(0, fourth.UnreportedUntimedReadings);
        }

        [TestMethod]
        public void Readings_before_a_sync_keep_their_filled_in_time_after_reload()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = new ReadingQueue(16, store);
            first.Load();
            AddUntimedCycle(first, 2000, 100);
            first.OnClockSynced(T0, 32000);

            ReadingQueue second = new ReadingQueue(16, store);
            second.Load();

            Assert.AreEqual(2, second.Count);
            Assert.AreEqual(2, second.PublishableCount);
            Assert.AreEqual(T0 - 30000, second.GetTimeUnixMs(0));
            Assert.AreEqual(T0 - 30000, second.GetTimeUnixMs(1));
            Assert.AreEqual(0, second.UntimedReadings);
        }

        [TestMethod]
        public void Untimed_readings_of_the_current_boot_survive_a_compaction_and_are_filled_in_later()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = new ReadingQueue(16, store);
            first.Load();
            AddUntimedCycle(first, 2000, 100);
            Assert.IsTrue(first.Compact());
            first.OnClockSynced(T0, 12000);

            ReadingQueue second = new ReadingQueue(16, store);
            second.Load();

            Assert.AreEqual(2, second.PublishableCount);
            Assert.AreEqual(T0 - 10000, second.GetTimeUnixMs(0));
        }

        [TestMethod]
        public void The_boot_counter_goes_up_by_one_per_load()
        {
            FakeReadingStore store = new FakeReadingStore();
            ReadingQueue first = new ReadingQueue(16, store);
            first.Load();
            ReadingQueue second = new ReadingQueue(16, store);
            second.Load();
            ReadingQueue third = new ReadingQueue(16, store);
            third.Load();

            Assert.AreEqual(first.BootCounter + 1, second.BootCounter);
            Assert.AreEqual(second.BootCounter + 1, third.BootCounter);
        }
    }
}
