using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Commands;
using TagoFirmware.Diagnostics;
using TagoFirmware.Esp32;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Tests.Twin
{
    [TestClass]
    public sealed class TwinAdapterPersistenceTests
    {
        private static string NewDirectory()
        {
            return Directory.CreateTempSubdirectory("tago-twin-test-").FullName;
        }

        [TestMethod]
        public void Override_record_written_by_one_store_is_read_back_by_a_new_one_over_the_same_directory()
        {
            string dir = NewDirectory();
            byte[] record = CommandProcessor.EncodeRecord(0x12345678u, 120, 20);
            Assert.IsTrue(new FlashOverrideStore(TwinNodeSettings.PathIn(dir, TwinNodeSettings.OverridesFileName)).Write(record));
            CollectionAssert.AreEqual(record, new FlashOverrideStore(TwinNodeSettings.PathIn(dir, TwinNodeSettings.OverridesFileName)).Read());
            Assert.IsFalse(File.Exists(Path.Combine(dir, TwinNodeSettings.OverridesFileName + ".new")), "the temporary file is renamed away");
        }

        [TestMethod]
        public void An_interrupted_override_write_leaves_the_old_record_in_force()
        {
            string dir = NewDirectory();
            var store = new FlashOverrideStore(TwinNodeSettings.PathIn(dir, TwinNodeSettings.OverridesFileName));
            byte[] old = CommandProcessor.EncodeRecord(1u, 60, 0);
            Assert.IsTrue(store.Write(old));
            // A power cut after the temporary file was written but before the rename.
            File.WriteAllBytes(Path.Combine(dir, TwinNodeSettings.OverridesFileName + ".new"), new byte[] { 1, 2, 3 });
            CollectionAssert.AreEqual(old, new FlashOverrideStore(TwinNodeSettings.PathIn(dir, TwinNodeSettings.OverridesFileName)).Read());
        }

        [TestMethod]
        public void A_missing_override_record_reads_as_null()
        {
            Assert.IsNull(new FlashOverrideStore(Path.Combine(NewDirectory(), "absent", TwinNodeSettings.OverridesFileName)).Read());
        }

        [TestMethod]
        public void An_override_switch_cut_between_delete_and_rename_is_completed_at_the_next_read()
        {
            string dir = NewDirectory();
            byte[] record = CommandProcessor.EncodeRecord(7u, 0, 5);
            // The power cut fell after the old record was deleted and before the new one was renamed into place.
            File.WriteAllBytes(Path.Combine(dir, TwinNodeSettings.OverridesFileName + ".new"), record);
            CollectionAssert.AreEqual(record, new FlashOverrideStore(TwinNodeSettings.PathIn(dir, TwinNodeSettings.OverridesFileName)).Read());
            Assert.IsTrue(File.Exists(Path.Combine(dir, TwinNodeSettings.OverridesFileName)), "the new record is renamed into place");
            Assert.IsFalse(File.Exists(Path.Combine(dir, TwinNodeSettings.OverridesFileName + ".new")));
        }

        [TestMethod]
        public void A_write_into_a_missing_directory_fails_without_throwing()
        {
            var store = new FlashOverrideStore(Path.Combine(NewDirectory(), "absent", TwinNodeSettings.OverridesFileName));
            Assert.IsFalse(store.Write(CommandProcessor.EncodeRecord(1u, 60, 0)));
        }

        [TestMethod]
        public void The_data_directory_keeps_the_file_names_existing_twins_wrote()
        {
            string dir = Path.Combine(NewDirectory(), "created");
            using (FlashReadingStore readings = new FlashReadingStore(TwinNodeSettings.PathIn(dir, TwinNodeSettings.QueueFileName)))
            {
                Assert.IsTrue(readings.IsOpen, "the missing data directory is created");
                Assert.IsTrue(File.Exists(Path.Combine(dir, "queue.log")));
            }

            Assert.IsTrue(new FlashOverrideStore(TwinNodeSettings.PathIn(dir, TwinNodeSettings.OverridesFileName)).Write(CommandProcessor.EncodeRecord(1u, 60, 0)));
            Assert.IsTrue(File.Exists(Path.Combine(dir, "overrides.bin")));
        }

        [TestMethod]
        public void Platform_info_reports_the_simulated_boot_reason_no_rssi_and_a_twin_version()
        {
            TwinNodeSettings settings = TwinNodeSettings.ForBroker("127.0.0.1", 8883, null, "token", "twin-test");
            settings.BootReason = BootReason.TimerWake;
            using var platform = new TwinNode(settings, new ConsoleLog(TextWriter.Null, LogLevel.Error));
            Assert.AreEqual(BootReason.TimerWake, platform.BootReason);
            Assert.IsFalse(platform.TryGetRssi(out int dbm));
            Assert.AreEqual(0, dbm);
            StringAssert.StartsWith(platform.FirmwareVersion, "twin-");
            Assert.IsTrue(platform.HeapFreeBytes() >= 0);
        }

        [TestMethod]
        public void A_restarted_time_scaled_twin_continues_its_simulated_clock_from_the_anchor()
        {
            string dir = NewDirectory();
            (DateTime real1, DateTime simulated1) = Anchor(dir, 12);
            System.Threading.Thread.Sleep(50);
            (DateTime real2, DateTime simulated2) = Anchor(dir, 12);
            Assert.AreEqual(simulated1 + TimeSpan.FromTicks((real2 - real1).Ticks * 12), simulated2, "same scale: the first run's simulated clock runs on");
            (DateTime real3, DateTime simulated3) = Anchor(dir, 6);
            Assert.IsTrue(real3 > real1, "another scale re-anchors now");
            Assert.IsTrue(simulated3 >= simulated1 + TimeSpan.FromMilliseconds(50 * 12), "at the old clock's simulated now, never earlier");
        }

        private static (DateTime Real, DateTime Simulated) Anchor(string dir, double scale)
        {
            var settings = new TwinNodeSettings { DataDirectory = dir, TimeScale = scale };
            settings.AnchorClock();
            return (settings.Epoch, settings.SimulatedEpoch);
        }

        [TestMethod]
        public void The_scaled_clock_runs_k_times_faster_than_real_time_from_its_anchors()
        {
            DateTime anchor = DateTime.UtcNow;
            var simulated = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var clock = new SystemClock(12, anchor, simulated);
            DateTime a = clock.UtcNow;
            System.Threading.Thread.Sleep(100);
            DateTime b = clock.UtcNow;
            Assert.IsTrue(a >= simulated && a < simulated + TimeSpan.FromSeconds(60), "starts near the simulated anchor: " + a.ToString("O"));
            Assert.IsTrue((b - a).TotalMilliseconds >= 12 * 100 * 0.9, "100 ms real = about 1.2 s simulated: " + (b - a).TotalMilliseconds);
            Assert.AreEqual(1000, clock.ToRealMs(12000));
        }
    }
}
