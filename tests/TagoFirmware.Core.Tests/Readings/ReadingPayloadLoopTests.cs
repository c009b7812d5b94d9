using nanoFramework.TestFramework;
using TagoFirmware.Payload;
using TagoFirmware.Readings;

namespace TagoFirmware.Tests.Readings
{
    /// <summary>
    /// The loop the session runs to fill a payload from the queue with the real payload writer: readings go in
    /// oldest first until the batch is complete or the writer's buffer refuses one, and exactly those are taken.
    /// </summary>
    [TestClass]
    public class ReadingPayloadLoopTests
    {
        // 2025-11-24T16:00:00Z.
        private const long T0 = 1764000000000;

        private static readonly byte[][] s_names = new byte[][] { TagoUtf8.GetBytes("temperature"), TagoUtf8.GetBytes("humidity") };

        private static int FillPayload(ReadingQueue queue, ReadingBatcher batcher, TagoJsonWriter writer, uint nowMs)
        {
            writer.Reset();
            int due = batcher.DueCount(nowMs);
            int written = 0;
            while (written < due)
            {
                if (writer.Reading(queue.GetVariableIndex(written), queue.GetScaledValue(written), queue.GetDecimals(written), queue.GetTimeUnixMs(written)) != TagoWriteResult.Ok)
                {
                    break;
                }

                written++;
            }

            writer.Close();
            return batcher.Take(written, false, nowMs);
        }

        private static void AddCycles(ReadingQueue queue, int cycles)
        {
            for (int c = 0; c < cycles; c++)
            {
                queue.BeginCycle(T0 + (c * 60000L), true, (uint)(c * 60000));
                queue.AddScaled(0, 215 + (c * 10), 1);
                queue.AddScaled(1, 400 + (c * 10), 1);
                queue.EndCycle();
            }
        }

        [TestMethod]
        public void A_payload_carries_as_many_readings_as_the_buffer_holds_and_the_rest_follow_in_order()
        {
            ReadingQueue queue = new ReadingQueue(64, null);
            queue.Load();
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            AddCycles(queue, 5);

            // Room for 3 items of about 100 bytes each, not for the 10 that are due.
            TagoJsonWriter writer = new TagoJsonWriter(new byte[330], s_names, new byte[2][]);
            int ticket = FillPayload(queue, batcher, writer, 1000);

            Assert.AreEqual(3, writer.ItemCount);
            Assert.AreEqual(3, queue.Count - queue.PendingCount);
            Assert.IsTrue(batcher.OnAcknowledged(ticket));
            Assert.AreEqual(7, queue.Count);
            Assert.AreEqual(1, queue.GetVariableIndex(0));
            Assert.AreEqual(T0 + 60000, queue.GetTimeUnixMs(0));
            Assert.AreEqual(410, queue.GetScaledValue(0));
        }

        [TestMethod]
        public void The_readings_of_one_cycle_carry_the_same_time_and_group_in_the_payload()
        {
            ReadingQueue queue = new ReadingQueue(64, null);
            queue.Load();
            ReadingBatcher batcher = new ReadingBatcher(queue, 10, 30000, 1000);
            AddCycles(queue, 5);
            TagoJsonWriter writer = new TagoJsonWriter(new byte[4096], s_names, new byte[2][]);

            FillPayload(queue, batcher, writer, 1000);

            Assert.AreEqual(10, writer.ItemCount);
            string json = new string(System.Text.Encoding.UTF8.GetChars(writer.Buffer, 0, writer.Length));
            Assert.StartsWith("[{\"variable\":\"temperature\",\"value\":21.5,\"time\":\"2025-11-24T16:00:00.000Z\",\"group\":\"00midc1z40\"},{\"variable\":\"humidity\",\"value\":40.0,\"time\":\"2025-11-24T16:00:00.000Z\",\"group\":\"00midc1z40\"},", json);
        }
    }
}
