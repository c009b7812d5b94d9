using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Host.Tests.TagoTip
{
    /// <summary>
    /// Writing frames, refusing variables and reading acknowledgements allocate nothing, measured with
    /// GC.GetAllocatedBytesForCurrentThread after a warm-up (JIT tiering and static initialisation done).
    /// </summary>
    [TestClass]
    public sealed class TagoTipAllocationTests
    {
        private static readonly byte[] s_temperature = (Encoding.UTF8.GetBytes("temperature"));
        private static readonly byte[] s_humidity = (Encoding.UTF8.GetBytes("humidity"));
        private static readonly byte[] s_status = (Encoding.UTF8.GetBytes("status"));
        private static readonly byte[] s_celsius = (Encoding.UTF8.GetBytes("°C"));
        private static readonly byte[] s_percent = (Encoding.UTF8.GetBytes("%"));
        private static readonly byte[] s_message = Encoding.UTF8.GetBytes("sensor [A] ok;\nreset@boot");
        private static readonly byte[] s_ack = Encoding.UTF8.GetBytes("!4242|OK|20");
        private static readonly byte[] s_err = Encoding.UTF8.GetBytes("!4243|ERR|invalid_seq");

        [TestMethod]
        public void Writing_frames_allocates_nothing()
        {
            var writer = new TagoTipWriter(new byte[16384], new[] { s_temperature, s_humidity }, new[] { s_celsius, s_percent });
            Run(writer, 2_000);

            long before = GC.GetAllocatedBytesForCurrentThread();
            int frames = Run(writer, 20_000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
            Assert.AreEqual(20_000, frames);
        }

        [TestMethod]
        public void Reading_receipts_allocates_nothing()
        {
            var receipts = new TagoTipReceipts();
            Receipts(receipts, 1_000);

            long before = GC.GetAllocatedBytesForCurrentThread();
            Receipts(receipts, 50_000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
        }

        private static void Receipts(TagoTipReceipts receipts, int rounds)
        {
            for (int i = 0; i < rounds; i++)
            {
                receipts.OnSent(4242, 20, 10);
                receipts.OnAck(s_ack);
                receipts.OnAck(s_err);
            }
        }

        private static int Run(TagoTipWriter writer, int frames)
        {
            long time = 1795617000000L;
            for (int f = 0; f < frames; f++)
            {
                writer.Begin(f, time);
                for (int i = 0; i < 10; i++)
                {
                    writer.Reading(0, 235 + i, 1, time + (i * 60000L));
                    writer.Reading(1, 652 - i, 1, time + (i * 60000L));
                }

                writer.Item(s_status, 0, s_message, s_celsius, time);
                writer.Reading(0, -1, 3, 0x1000000000000L);
                writer.Item(null, 1, null, null, -1);
                writer.Close();
                time += 600000;
            }

            return frames;
        }
    }
}
