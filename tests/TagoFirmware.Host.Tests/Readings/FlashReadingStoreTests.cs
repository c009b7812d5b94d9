using System;
using System.Diagnostics;
using System.IO;
using TagoFirmware.Host.Node;
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
                Assert.IsTrue(new FileInfo(path).Length < 70 * ReadingRecord.LogRecordSize, "compacted: 121 records without");
                Assert.AreEqual(0, new FileInfo(path).Length % ReadingRecord.LogRecordSize);
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
                Assert.AreEqual(0, new FileInfo(path).Length % ReadingRecord.LogRecordSize);
            }

            Directory.Delete(dir, true);
        }
   
        [TestMethod]
        public void A_read_only_data_directory_gives_up_its_backlog_and_is_reported_read_only()
        {
            string dir = NewDirectory();
            using (FlashReadingStore store = new FlashReadingStore(TwinNodeSettings.PathIn(dir, TwinNodeSettings.QueueFileName)))
            {
                ReadingQueue queue = new ReadingQueue(64, store);
                queue.Load();
                for (int c = 0; c < 8; c++)
                {
                    AddCycle(queue, c, 2);
                }
            }

            string path = Path.Combine(dir, TwinNodeSettings.QueueFileName);
            long length = new FileInfo(path).Length;
            MakeReadOnly(dir, path, true);
            try
            {
                using FlashReadingStore store = new FlashReadingStore(TwinNodeSettings.PathIn(dir, TwinNodeSettings.QueueFileName));
                Assert.IsTrue(store.IsOpen);
                Assert.IsFalse(store.CanWrite);
                ReadingQueue queue = new ReadingQueue(64, store);

                Assert.AreEqual(ReadingLoadResult.ReadOnly, queue.Load());
                Assert.AreEqual(16, queue.PublishableCount);
                Assert.IsTrue(queue.Acknowledge(queue.MarkInFlight(16, false)));
                Assert.AreEqual(0, queue.StoreErrors);
            }
            finally
            {
                MakeReadOnly(dir, path, false);
            }

            Assert.AreEqual(length, new FileInfo(path).Length, "the read-only log is left as it was");
        }

        [TestMethod]
        public void On_a_full_file_system_the_queue_runs_from_ram_and_writes_the_acknowledgements_once_space_is_back()
        {
            string dir = NewDirectory();
            if (!Run("mount", "-t tmpfs -o size=32k tmpfs " + dir))
            {
                Assert.Inconclusive("a small tmpfs needs root (mount); the fake store covers a full medium elsewhere");
            }

            try
            {
                string path = Path.Combine(dir, "queue.log");
                string filler = Path.Combine(dir, "filler");
                using (FlashReadingStore store = new FlashReadingStore(path))
                {
                    ReadingQueue queue = new ReadingQueue(1024, store);
                    queue.Load();
                    AddCycle(queue, 0, 2);
                    Fill(filler);
                    for (int c = 1; c <= 10; c++)
                    {
                        // 640 B a cycle: more than the free rest of the file system's last page.
                        AddCycle(queue, c, 32);
                    }

                    Assert.IsTrue(queue.IsStoreFaulted, "the partition is full");
                    Assert.IsTrue(queue.StoreErrors > 0);
                    queue.Acknowledge(queue.MarkInFlight(300, false));
                    Assert.AreEqual(22, queue.Count);

                    File.Delete(filler);
                    Assert.IsTrue(queue.RetryStore(0), "space is back: the log is rewritten");
                }

                using (FlashReadingStore store = new FlashReadingStore(path))
                {
                    ReadingQueue queue = new ReadingQueue(1024, store);
                    queue.Load();
                    Assert.AreEqual(22, queue.Count, "the 300 acknowledged readings are not sent again");
                    Assert.AreEqual(110, queue.GetScaledValue(0));
                    Assert.AreEqual(0, queue.SkippedRecords);
                }
            }
            finally
            {
                Run("umount", dir);
            }
        }

        private static void Fill(string path)
        {
            try
            {
                using FileStream f = new FileStream(path, FileMode.Create, FileAccess.Write);
                byte[] block = new byte[512];
                while (true)
                {
                    f.Write(block, 0, block.Length);
                    f.Flush();
                }
            }
            catch (IOException)
            {
                // Full.
            }
        }

        // root ignores permission bits, so root makes the directory and file immutable instead.
        private static void MakeReadOnly(string dir, string file, bool readOnly)
        {
            if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root")
            {
                string flag = readOnly ? "+i " : "-i ";
                if (!Run("chattr", flag + file) || !Run("chattr", flag + dir))
                {
                    Assert.Inconclusive("chattr is not available here");
                }

                return;
            }

            if (OperatingSystem.IsWindows())
            {
                Assert.Inconclusive("Unix permissions only");
            }
            else
            {
                File.SetUnixFileMode(file, readOnly ? UnixFileMode.UserRead : UnixFileMode.UserRead | UnixFileMode.UserWrite);
                File.SetUnixFileMode(dir, readOnly ? UnixFileMode.UserRead | UnixFileMode.UserExecute
                    : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        private static bool Run(string command, string arguments)
        {
            try
            {
                using Process p = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true });
                p.WaitForExit(10000);
                return p.HasExited && p.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
