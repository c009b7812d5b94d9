using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Esp32;
using TagoFirmware.Readings;

namespace TagoFirmware.Host.Tests.Readings
{
    [TestClass]
    public sealed class FlashReadingStoreTests
    {
        private const long T0 = 1764000000000;

        private static string NewDirectory()
        {
            string dir = Path.Combine(Path.GetTempPath(), "tago-queue-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
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

        private static int[] Values(ReadingQueue queue)
        {
            int[] values = new int[queue.PendingCount];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = queue.GetScaledValue(i);
            }

            return values;
        }

        [TestMethod]
        public void Unacknowledged_readings_survive_closing_and_reopening_the_file()
        {
            string dir = NewDirectory();
            string path = Path.Combine(dir, "queue.log");
            using (FlashReadingStore store = new FlashReadingStore(path))
            {
                ReadingQueue queue = new ReadingQueue(64, store);
                Assert.AreEqual(ReadingLoadResult.Created, queue.Load());
                AddCycle(queue, 0, 2);
                AddCycle(queue, 1, 2);
                queue.Acknowledge(queue.MarkInFlight(1, false));
            }

            using (FlashReadingStore store = new FlashReadingStore(path))
            {
                ReadingQueue queue = new ReadingQueue(64, store);
                Assert.AreEqual(ReadingLoadResult.Restored, queue.Load());
                CollectionAssert.AreEqual(new[] { 1, 10, 11 }, Values(queue));
            }

            Directory.Delete(dir, true);
        }

        [TestMethod]
        public void A_compaction_switches_to_the_new_file_and_leaves_no_temporary_file()
        {
            string dir = NewDirectory();
            string path = Path.Combine(dir, "queue.log");
            using (FlashReadingStore store = new FlashReadingStore(path))
            {
                ReadingQueue queue = new ReadingQueue(64, store);
                queue.Load();
                for (int cycle = 0; cycle < 40; cycle++)
                {
                    AddCycle(queue, cycle, 2);
                    queue.Acknowledge(queue.MarkInFlight(2, false));
                }

                AddCycle(queue, 40, 1);
                Assert.IsTrue(queue.Compactions >= 2);
                Assert.AreEqual(queue.LogRecords * ReadingLogFormat.RecordSize, new FileInfo(path).Length);
            }

            Assert.IsFalse(File.Exists(path + ".new"));
            using (FlashReadingStore store = new FlashReadingStore(path))
            {
                ReadingQueue queue = new ReadingQueue(64, store);
                queue.Load();
                CollectionAssert.AreEqual(new[] { 400 }, Values(queue));
            }

            Directory.Delete(dir, true);
        }

        [TestMethod]
        public void A_leftover_new_file_next_to_the_log_is_an_unfinished_compaction_and_is_discarded()
        {
            string dir = NewDirectory();
            string path = Path.Combine(dir, "queue.log");
            using (FlashReadingStore store = new FlashReadingStore(path))
            {
                ReadingQueue queue = new ReadingQueue(64, store);
                queue.Load();
                AddCycle(queue, 0, 2);
            }

            File.WriteAllBytes(path + ".new", new byte[] { 1, 2, 3 });
            using (FlashReadingStore store = new FlashReadingStore(path))
            {
                ReadingQueue queue = new ReadingQueue(64, store);
                Assert.AreEqual(ReadingLoadResult.Restored, queue.Load());
                CollectionAssert.AreEqual(new[] { 0, 1 }, Values(queue));
            }

            Assert.IsFalse(File.Exists(path + ".new"));
            Directory.Delete(dir, true);
        }

        [TestMethod]
        public void A_switch_cut_between_delete_and_rename_is_completed_at_open()
        {
            string dir = NewDirectory();
            string path = Path.Combine(dir, "queue.log");
            using (FlashReadingStore store = new FlashReadingStore(path))
            {
                ReadingQueue queue = new ReadingQueue(64, store);
                queue.Load();
                AddCycle(queue, 0, 2);
                queue.Compact();
            }

            File.Move(path, path + ".new");
            using (FlashReadingStore store = new FlashReadingStore(path))
            {
                ReadingQueue queue = new ReadingQueue(64, store);
                Assert.AreEqual(ReadingLoadResult.Restored, queue.Load());
                CollectionAssert.AreEqual(new[] { 0, 1 }, Values(queue));
            }

            Assert.IsTrue(File.Exists(path));
            Directory.Delete(dir, true);
        }

        [TestMethod]
        public void A_record_torn_by_power_loss_on_disk_is_skipped_and_the_file_repaired()
        {
            string dir = NewDirectory();
            string path = Path.Combine(dir, "queue.log");
            using (FlashReadingStore store = new FlashReadingStore(path))
            {
                ReadingQueue queue = new ReadingQueue(64, store);
                queue.Load();
                AddCycle(queue, 0, 3);
            }

            using (FileStream f = new FileStream(path, FileMode.Open))
            {
                f.SetLength(f.Length - 9);
            }

            using (FlashReadingStore store = new FlashReadingStore(path))
            {
                ReadingQueue queue = new ReadingQueue(64, store);
                Assert.AreEqual(ReadingLoadResult.RestoredWithDamage, queue.Load());
                CollectionAssert.AreEqual(new[] { 0, 1 }, Values(queue));
                Assert.AreEqual(0, new FileInfo(path).Length % ReadingLogFormat.RecordSize);
            }

            Directory.Delete(dir, true);
        }
    }
}
