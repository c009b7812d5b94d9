using nanoFramework.TestFramework;
using TagoFirmware.Readings;

namespace TagoFirmware.Tests.Readings
{
    [TestClass]
    public class ReadingQueueTests
    {
        // 2025-11-24T16:00:00Z, a valid wall clock.
        private const long T0 = 1764000000000;

        private static ReadingQueue NewQueue(int capacity)
        {
            ReadingQueue queue = new ReadingQueue(capacity, null);
            queue.Load();
            return queue;
        }

        private static void AddCycle(ReadingQueue queue, long time, int firstValue, int readings)
        {
            queue.BeginCycle(time, true, 1000);
            for (int i = 0; i < readings; i++)
            {
                queue.AddScaled(i, firstValue + i, 1);
            }

            queue.EndCycle();
        }

        [TestMethod]
        public void Readings_of_one_cycle_share_one_time_and_come_out_oldest_first()
        {
            ReadingQueue queue = NewQueue(16);
            AddCycle(queue, T0, 100, 2);
            AddCycle(queue, T0 + 60000, 200, 2);

            Assert.AreEqual(4, queue.Count);
            Assert.AreEqual(4, queue.PublishableCount);
            Assert.AreEqual(100, queue.GetScaledValue(0));
            Assert.AreEqual(101, queue.GetScaledValue(1));
            Assert.AreEqual(200, queue.GetScaledValue(2));
            Assert.AreEqual(1, queue.GetVariableIndex(1));
            Assert.AreEqual(T0, queue.GetTimeUnixMs(0));
            Assert.AreEqual(T0, queue.GetTimeUnixMs(1));
            Assert.AreEqual(T0 + 60000, queue.GetTimeUnixMs(2));
        }

        [TestMethod]
        public void Readings_of_one_cycle_share_one_group_id_and_cycles_differ()
        {
            ReadingQueue queue = NewQueue(16);
            AddCycle(queue, T0, 100, 2);
            AddCycle(queue, T0 + 2000, 200, 1);
            byte[] a = new byte[16];
            byte[] b = new byte[16];
            byte[] c = new byte[16];

            ReadingGroupId.Write(queue.GetTimeUnixMs(0), a, 0);
            ReadingGroupId.Write(queue.GetTimeUnixMs(1), b, 0);
            ReadingGroupId.Write(queue.GetTimeUnixMs(2), c, 0);

            CollectionAssert.AreEqual(a, b);
            CollectionAssert.AreNotEqual(a, c);
        }

        [TestMethod]
        [DataRow(213, 1)]
        [DataRow(-1225, 2)]
        [DataRow(2147483647, 6)]
        public void A_scaled_value_reads_back_with_its_decimals(int scaled, int decimals)
        {
            ReadingQueue queue = NewQueue(4);
            queue.BeginCycle(T0, true, 0);

            Assert.IsTrue(queue.AddScaled(3, scaled, decimals));
            Assert.AreEqual(scaled, queue.GetScaledValue(0));
            Assert.AreEqual(decimals, queue.GetDecimals(0));
            Assert.AreEqual(3, queue.GetVariableIndex(0));
        }

        [TestMethod]
        public void Bad_variable_index_decimals_value_and_missing_cycle_are_refused()
        {
            ReadingQueue queue = NewQueue(4);

            Assert.IsFalse(queue.AddScaled(0, 1, 0));
            queue.BeginCycle(T0, true, 0);
            Assert.IsFalse(queue.AddScaled(256, 1, 0));
            Assert.IsFalse(queue.AddScaled(-1, 1, 0));
            Assert.IsFalse(queue.AddScaled(0, int.MinValue, 0));
            Assert.IsFalse(queue.AddScaled(0, 21, 7));
            Assert.IsFalse(queue.AddScaled(0, 21, -1));
            Assert.AreEqual(0, queue.Count);
        }

        [TestMethod]
        public void Acknowledged_payload_removes_exactly_the_readings_it_carried()
        {
            ReadingQueue queue = NewQueue(16);
            AddCycle(queue, T0, 100, 5);
            int ticket = queue.MarkInFlight(3, false);
            AddCycle(queue, T0 + 1000, 200, 1);

            Assert.IsTrue(queue.Acknowledge(ticket));
            Assert.AreEqual(3, queue.Count);
            Assert.AreEqual(0, queue.InFlightTicket);
            Assert.AreEqual(103, queue.GetScaledValue(0));
            Assert.AreEqual(104, queue.GetScaledValue(1));
            Assert.AreEqual(200, queue.GetScaledValue(2));
        }

        [TestMethod]
        public void Payload_without_ack_keeps_its_readings_and_blocks_a_second_payload()
        {
            ReadingQueue queue = NewQueue(16);
            AddCycle(queue, T0, 100, 5);
            int ticket = queue.MarkInFlight(3, false);

            Assert.IsTrue(ticket > 0);
            Assert.AreEqual(5, queue.Count);
            Assert.AreEqual(3, queue.Count - queue.PendingCount);
            Assert.AreEqual(2, queue.PendingCount);
            Assert.AreEqual(103, queue.GetScaledValue(0));
            Assert.AreEqual(0, queue.MarkInFlight(1, false));
        }

        [TestMethod]
        public void Payload_lost_mid_batch_returns_its_readings_to_the_front_and_they_go_out_again()
        {
            ReadingQueue queue = NewQueue(16);
            AddCycle(queue, T0, 100, 4);
            int lost = queue.MarkInFlight(3, false);
            AddCycle(queue, T0 + 1000, 200, 1);

            Assert.IsTrue(queue.ReturnInFlight(lost));
            Assert.AreEqual(5, queue.PendingCount);
            Assert.AreEqual(100, queue.GetScaledValue(0));
            int again = queue.MarkInFlight(3, false);
            Assert.AreNotEqual(lost, again);
            Assert.IsTrue(queue.Acknowledge(again));
            Assert.AreEqual(2, queue.Count);
            Assert.AreEqual(103, queue.GetScaledValue(0));
            Assert.AreEqual(200, queue.GetScaledValue(1));
        }

        [TestMethod]
        public void Duplicate_ack_changes_nothing()
        {
            ReadingQueue queue = NewQueue(16);
            AddCycle(queue, T0, 100, 6);
            int first = queue.MarkInFlight(2, false);
            queue.Acknowledge(first);
            int second = queue.MarkInFlight(2, false);

            Assert.IsFalse(queue.Acknowledge(first));
            Assert.AreEqual(4, queue.Count);
            Assert.AreEqual(second, queue.InFlightTicket);
            Assert.IsTrue(queue.Acknowledge(second));
            Assert.IsFalse(queue.Acknowledge(second));
            Assert.AreEqual(2, queue.Count);
            Assert.AreEqual(104, queue.GetScaledValue(0));
        }

        [TestMethod]
        public void Late_ack_of_a_payload_declared_lost_changes_nothing_and_the_readings_are_resent()
        {
            ReadingQueue queue = NewQueue(16);
            AddCycle(queue, T0, 100, 4);
            int lost = queue.MarkInFlight(2, false);
            queue.ReturnInFlight(lost);
            int resent = queue.MarkInFlight(2, false);

            Assert.IsFalse(queue.Acknowledge(lost));
            Assert.AreEqual(4, queue.Count);
            Assert.AreEqual(resent, queue.InFlightTicket);
            Assert.IsFalse(queue.ReturnInFlight(lost));
            Assert.IsTrue(queue.Acknowledge(resent));
            Assert.AreEqual(102, queue.GetScaledValue(0));
        }

        [TestMethod]
        public void Unknown_ticket_is_not_in_flight()
        {
            ReadingQueue queue = NewQueue(4);
            AddCycle(queue, T0, 100, 1);

            Assert.IsFalse(queue.Acknowledge(0));
            Assert.IsFalse(queue.Acknowledge(42));
            Assert.AreEqual(1, queue.Count);
        }

        [TestMethod]
        public void Full_queue_drops_the_oldest_readings_and_counts_exactly_how_many()
        {
            ReadingQueue queue = NewQueue(10);
            for (int cycle = 0; cycle < 7; cycle++)
            {
                AddCycle(queue, T0 + (cycle * 1000), cycle * 10, 2);
            }

            Assert.AreEqual(10, queue.Count);
            Assert.AreEqual(4, queue.DroppedReadings);
            Assert.AreEqual(4, queue.UnreportedDroppedReadings);
            Assert.IsTrue(queue.IsReportPending);
            Assert.AreEqual(20, queue.GetScaledValue(0));
            Assert.AreEqual(T0 + 2000, queue.GetTimeUnixMs(0));
            Assert.AreEqual(61, queue.GetScaledValue(9));
        }

        [TestMethod]
        public void Reading_dropped_while_in_flight_is_not_counted_when_its_payload_is_acknowledged()
        {
            ReadingQueue queue = NewQueue(4);
            AddCycle(queue, T0, 100, 4);
            int ticket = queue.MarkInFlight(3, false);
            AddCycle(queue, T0 + 1000, 200, 2);

            Assert.AreEqual(4, queue.Count);
            Assert.AreEqual(1, queue.Count - queue.PendingCount);
            Assert.AreEqual(0, queue.DroppedReadings);
            Assert.IsTrue(queue.Acknowledge(ticket));
            Assert.AreEqual(0, queue.DroppedReadings);
            Assert.AreEqual(3, queue.Count);
            Assert.AreEqual(103, queue.GetScaledValue(0));
        }

        [TestMethod]
        public void Reading_dropped_while_in_flight_is_counted_when_its_payload_is_lost()
        {
            ReadingQueue queue = NewQueue(4);
            AddCycle(queue, T0, 100, 4);
            int ticket = queue.MarkInFlight(3, false);
            AddCycle(queue, T0 + 1000, 200, 2);

            queue.ReturnInFlight(ticket);

            Assert.AreEqual(2, queue.DroppedReadings);
            Assert.AreEqual(2, queue.UnreportedDroppedReadings);
            Assert.AreEqual(4, queue.PendingCount);
            Assert.AreEqual(102, queue.GetScaledValue(0));
        }

        [TestMethod]
        public void Counters_carried_by_an_acknowledged_payload_are_no_longer_pending()
        {
            ReadingQueue queue = NewQueue(2);
            AddCycle(queue, T0, 100, 2);
            AddCycle(queue, T0 + 1000, 200, 2);
            int ticket = queue.MarkInFlight(1, true);
            AddCycle(queue, T0 + 2000, 300, 1);

            Assert.AreEqual(2, queue.UnreportedDroppedReadings);
            queue.Acknowledge(ticket);

            Assert.AreEqual(0, queue.UnreportedDroppedReadings);
            Assert.AreEqual(2, queue.DroppedReadings);
            Assert.IsFalse(queue.IsReportPending);
        }

        [TestMethod]
        public void Counters_carried_by_a_lost_payload_stay_pending()
        {
            ReadingQueue queue = NewQueue(2);
            AddCycle(queue, T0, 100, 3);
            int ticket = queue.MarkInFlight(1, true);

            queue.ReturnInFlight(ticket);

            Assert.AreEqual(1, queue.UnreportedDroppedReadings);
            Assert.IsTrue(queue.IsReportPending);
        }

        [TestMethod]
        public void Payload_of_counters_only_is_allowed_only_when_a_report_is_pending()
        {
            ReadingQueue queue = NewQueue(2);
            Assert.AreEqual(0, queue.MarkInFlight(0, true));
            AddCycle(queue, T0, 100, 3);
            int first = queue.MarkInFlight(2, false);
            queue.Acknowledge(first);

            int ticket = queue.MarkInFlight(0, true);

            Assert.IsTrue(ticket > 0);
            Assert.IsTrue(queue.Acknowledge(ticket));
            Assert.IsFalse(queue.IsReportPending);
        }

        [TestMethod]
        public void Marking_more_than_is_publishable_is_refused()
        {
            ReadingQueue queue = NewQueue(8);
            AddCycle(queue, T0, 100, 3);

            Assert.AreEqual(0, queue.MarkInFlight(4, false));
            Assert.AreEqual(0, queue.MarkInFlight(-1, false));
            Assert.AreEqual(0, queue.MarkInFlight(0, false));
            Assert.AreEqual(0, queue.InFlightTicket);
        }

        [TestMethod]
        public void Opening_a_cycle_ends_the_open_one()
        {
            ReadingQueue queue = NewQueue(8);
            queue.BeginCycle(T0, true, 0);
            queue.AddScaled(0, 1, 0);
            queue.BeginCycle(T0 + 1000, true, 1000);
            queue.AddScaled(0, 2, 0);

            Assert.AreEqual(1, queue.EndCycle());
            Assert.AreEqual(0, queue.EndCycle());
            Assert.AreEqual(T0, queue.GetTimeUnixMs(0));
            Assert.AreEqual(T0 + 1000, queue.GetTimeUnixMs(1));
        }
    }
}
