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
            c.SensorErrors++;
            c.SensorErrors++;
            c.CommandErrors++;

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
        [DataRow("1.2.3", "1.2.3")]
        [DataRow("", "unknown")]
        [DataRow("1.0-é", "1.0-é")]
        public void The_firmware_version_is_encoded_once_as_utf8(string version, string expected)
        {
            CollectionAssert.AreEqual(TestUtf8.Bytes(expected), new DiagnosticsCounters(version).FirmwareVersionUtf8);
            Assert.AreEqual(7, new DiagnosticsCounters(null).FirmwareVersionUtf8.Length);
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
        }
    }
}
