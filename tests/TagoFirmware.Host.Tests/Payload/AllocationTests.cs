using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Payload;

namespace TagoFirmware.Host.Tests.Payload
{
    /// <summary>
    /// The hot path (Reading, Item, Reset and Close) allocates nothing, measured with
    /// GC.GetAllocatedBytesForCurrentThread after a warm-up (so JIT tiering and static initialisation are done).
    /// </summary>
    [TestClass]
    public sealed class AllocationTests
    {
        private static readonly byte[] s_temperature = Encoding.UTF8.GetBytes("temperature");
        private static readonly byte[] s_status = Encoding.UTF8.GetBytes("status");
        private static readonly byte[] s_celsius = Encoding.UTF8.GetBytes("°C");
        private static readonly byte[] s_percent = Encoding.UTF8.GetBytes("%");
        private static readonly byte[] s_group = Encoding.UTF8.GetBytes("cycle-0001");
        private static readonly byte[] s_message = Encoding.UTF8.GetBytes("sensor \"A\" ok\n°");

        [TestMethod]
        public void Writing_many_items_allocates_nothing()
        {
            TagoJsonWriter writer = Writer(16 * 1024);
            Run(writer, 20_000);

            long before = GC.GetAllocatedBytesForCurrentThread();
            int written = Run(writer, 100_000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
            Assert.IsTrue(written > 100_000, "the loop wrote items");
        }

        [TestMethod]
        public void Refused_items_allocate_nothing_either()
        {
            TagoJsonWriter writer = Writer(256);
            RunRefusals(writer, 10_000);

            long before = GC.GetAllocatedBytesForCurrentThread();
            RunRefusals(writer, 50_000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void Copy_payload_allocates_one_exact_length_array()
        {
            TagoJsonWriter writer = Writer(4096);
            Run(writer, 10);
            writer.CopyPayload();
            writer.Reset();
            Fill(writer, 0);

            long before = GC.GetAllocatedBytesForCurrentThread();
            byte[] payload = writer.CopyPayload();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // A byte[] costs its length plus the array header (24 bytes on 64-bit .NET), rounded up to 8.
            Assert.AreEqual(writer.Length, payload.Length);
            Assert.AreEqual((long)((24 + payload.Length + 7) & ~7), allocated);
        }

        // Variable 1 is the table's humidity: a queued reading.
        private static TagoJsonWriter Writer(int bytes) =>
            new TagoJsonWriter(new byte[bytes], new[] { s_temperature, Encoding.UTF8.GetBytes("humidity") }, new[] { s_celsius, s_percent });

        private static int Run(TagoJsonWriter writer, int items)
        {
            int written = 0;
            long time = 1795617000000L;
            while (written < items)
            {
                writer.Reset();
                written += Fill(writer, time);
                writer.Close();
                time += 60000;
            }

            return written;
        }

        /// <summary>Items of every shape until the buffer refuses one (which exercises the refusal path too).</summary>
        private static int Fill(TagoJsonWriter writer, long time)
        {
            int count = 0;
            for (int i = 0; ; i++)
            {
                if (writer.Reading(0, 235L + (i % 10), 1, time) != TagoWriteResult.Ok)
                {
                    return count;
                }

                if (writer.Reading(1, 652L - (i % 10), 1, time + ((i % 60) * 86_400_000L)) != TagoWriteResult.Ok)
                {
                    return count + 1;
                }

                if (writer.Item(s_status, 0, s_message, s_celsius, time) != TagoWriteResult.Ok)
                {
                    return count + 2;
                }

                writer.Item(s_status, i, null, null, -1);
                writer.Item(s_status, 0, s_message, null, -1);
                count += 5;
            }
        }

        private static void RunRefusals(TagoJsonWriter writer, int rounds)
        {
            for (int i = 0; i < rounds; i++)
            {
                writer.Reset();
                writer.Item(s_celsius, 1, null, null, -1);
                writer.Reading(0, 1L, 7, -1);
                writer.Item(s_temperature, 10L, null, s_message, -1);
                writer.Item(s_temperature, 1L, null, null, long.MaxValue);
                writer.Close();
                writer.Item(s_temperature, 1L, null, null, -1);
            }
        }
    }
}
