using nanoFramework.TestFramework;
using TagoFirmware.Diagnostics;
using TagoFirmware.Tests.Json;

namespace TagoFirmware.Tests.Diagnostics
{
    [TestClass]
    public class DiagnosticsCountersTests
    {
        [TestMethod]
        public void Every_counter_starts_at_zero_and_counts_its_own_events()
        {
            DiagnosticsCounters c = new DiagnosticsCounters("1.2.3");
            Assert.AreEqual(0, c.Reconnects);
            Assert.AreEqual(0, c.DroppedReadings);
            c.Reconnects = 1;
            c.AuthFailures = 2;
            c.DroppedReadings = 3;
            c.UntimedReadings = 1;
            c.IncrementSensorErrors();
            c.IncrementSensorErrors();
            c.IncrementCommandErrors();

            Assert.AreEqual(1, c.Reconnects);
            Assert.AreEqual(2, c.AuthFailures);
            Assert.AreEqual(3, c.DroppedReadings);
            Assert.AreEqual(1, c.UntimedReadings);
            Assert.AreEqual(2, c.SensorErrors);
            Assert.AreEqual(1, c.CommandErrors);
            Assert.AreEqual(-1L, c.HeapFree);
            Assert.IsFalse(c.HasRssi);
            Assert.AreEqual(0, (int)c.BootReason);
        }

        [TestMethod]
        public void Rssi_is_present_only_after_a_measurement()
        {
            DiagnosticsCounters c = new DiagnosticsCounters("1");
            c.SetRssi(-67);
            Assert.IsTrue(c.HasRssi);
            Assert.AreEqual(-67, c.RssiDbm);
            c.ClearRssi();
            Assert.IsFalse(c.HasRssi);
        }

        [TestMethod]
        [DataRow("1.2.3", "1.2.3")]
        [DataRow("", "unknown")]
        [DataRow("v1 \"beta\"\\x", "v1 ?beta??x")]
        [DataRow("1.0-é", "1.0-?")]
        public void The_firmware_version_is_encoded_once_as_safe_ascii(string version, string expected)
        {
            CollectionAssert.AreEqual(TestUtf8.Bytes(expected), new DiagnosticsCounters(version).FirmwareVersionUtf8);
        }

        [TestMethod]
        public void A_long_firmware_version_is_cut_at_64_characters()
        {
            Assert.AreEqual(64, new DiagnosticsCounters("0123456789012345678901234567890123456789012345678901234567890123456789").FirmwareVersionUtf8.Length);
            Assert.AreEqual(7, new DiagnosticsCounters(null).FirmwareVersionUtf8.Length);
        }

        [TestMethod]
        [DataRow(0, "unknown")]
        [DataRow(1, "power_on")]
        [DataRow(2, "timer_wake")]
        [DataRow(3, "pin_wake")]
        [DataRow(4, "other_wake")]
        [DataRow(5, "command_reboot")]
        [DataRow(6, "watchdog_reboot")]
        [DataRow(99, "unknown")]
        public void Boot_reasons_have_stable_published_values(int reason, string expected)
        {
            CollectionAssert.AreEqual(TestUtf8.Bytes(expected), DiagnosticsNames.BootReasonValue((BootReason)reason));
        }

        [TestMethod]
        public void Variable_names_are_pre_encoded()
        {
            CollectionAssert.AreEqual(TestUtf8.Bytes("uptime_s"), DiagnosticsNames.UptimeSeconds);
            CollectionAssert.AreEqual(TestUtf8.Bytes("sensor_errors"), DiagnosticsNames.SensorErrors);
            CollectionAssert.AreEqual(TestUtf8.Bytes("command_errors"), DiagnosticsNames.CommandErrors);
            CollectionAssert.AreEqual(TestUtf8.Bytes("rssi"), DiagnosticsNames.Rssi);
        }

        [TestMethod]
        [DataRow("temperature", true)]
        [DataRow("dew_point_2", true)]
        [DataRow("Temperature", false)]
        [DataRow("temp-1", false)]
        [DataRow("", false)]
        [DataRow("a b", false)]
        public void Variable_names_use_the_safe_tagoio_alphabet(string name, bool valid)
        {
            Assert.AreEqual(valid, VariableName.IsValid(name));
            Assert.AreEqual(valid, VariableName.Encode(name) != null);
        }
    }
}
