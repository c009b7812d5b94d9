using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Commands;
using TagoFirmware.Diagnostics;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Node;

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
            byte[] record = CommandOverrides.EncodeRecord(0x12345678u, true, 120, true, 20);
            Assert.IsTrue(new FileOverrideStore(dir).Write(record));
            CollectionAssert.AreEqual(record, new FileOverrideStore(dir).Read());
            Assert.IsFalse(File.Exists(Path.Combine(dir, FileOverrideStore.FileName + ".new")), "the temporary file is renamed away");
        }

        [TestMethod]
        public void An_interrupted_override_write_leaves_the_old_record_in_force()
        {
            string dir = NewDirectory();
            var store = new FileOverrideStore(dir);
            byte[] old = CommandOverrides.EncodeRecord(1u, true, 60, false, 0);
            Assert.IsTrue(store.Write(old));
            // A power cut after the temporary file was written but before the rename.
            File.WriteAllBytes(Path.Combine(dir, FileOverrideStore.FileName + ".new"), new byte[] { 1, 2, 3 });
            CollectionAssert.AreEqual(old, new FileOverrideStore(dir).Read());
        }

        [TestMethod]
        public void A_missing_override_record_reads_as_null()
        {
            Assert.IsNull(new FileOverrideStore(Path.Combine(NewDirectory(), "absent")).Read());
        }

        [TestMethod]
        public void Platform_info_reports_the_simulated_boot_reason_no_rssi_and_a_twin_version()
        {
            var platform = new HostPlatformInfo(BootReason.TimerWake);
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
            TwinClockAnchor.Load(dir, 12, out DateTime real1, out DateTime simulated1);
            System.Threading.Thread.Sleep(50);
            TwinClockAnchor.Load(dir, 12, out DateTime real2, out DateTime simulated2);
            Assert.AreEqual(real1, real2, "same scale: the first run's anchor is kept");
            Assert.AreEqual(simulated1, simulated2);
            TwinClockAnchor.Load(dir, 6, out DateTime real3, out DateTime simulated3);
            Assert.IsTrue(real3 > real1, "another scale re-anchors now");
            Assert.IsTrue(simulated3 >= simulated1 + TimeSpan.FromMilliseconds(50 * 12), "at the old clock's simulated now, never earlier");
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
