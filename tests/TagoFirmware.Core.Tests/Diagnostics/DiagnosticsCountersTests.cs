using nanoFramework.TestFramework;
using TagoFirmware.Diagnostics;
using TagoFirmware.Tests.Json;

namespace TagoFirmware.Tests.Diagnostics
{
    [TestClass]
    public class DiagnosticsCountersTests
    {
        [TestMethod]
        [DataRow("1.2.3", "1.2.3")]
        [DataRow("", "unknown")]
        [DataRow("1.0-é", "1.0-é")]
        public void The_firmware_version_is_encoded_once_as_utf8(string version, string expected)
        {
            CollectionAssert.AreEqual(TestUtf8.Bytes(expected), new DiagnosticsCounters(version).FirmwareVersionUtf8);
            Assert.AreEqual(7, new DiagnosticsCounters(null).FirmwareVersionUtf8.Length);
        }

        private static DiagnosticsCounters Due(int everyPayloads)
        {
            DiagnosticsCounters c = new DiagnosticsCounters("1");
            c.EveryPayloads = everyPayloads;
            return c;
        }

        [TestMethod]
        public void Diagnostics_are_due_once_at_boot()
        {
            DiagnosticsCounters counters = Due(60);
            Assert.IsTrue(counters.IsDue);
            counters.MarkPublished();
            Assert.IsFalse(counters.IsDue);
        }

        [TestMethod]
        public void Diagnostics_are_due_after_every_n_payloads()
        {
            DiagnosticsCounters counters = Due(3);
            counters.MarkPublished();
            counters.OnPayloadPublished();
            counters.OnPayloadPublished();
            Assert.IsFalse(counters.IsDue);
            counters.OnPayloadPublished();
            Assert.IsTrue(counters.IsDue);
            counters.MarkPublished();
            Assert.IsFalse(counters.IsDue);
        }

        [TestMethod]
        public void A_request_makes_diagnostics_due_at_once()
        {
            DiagnosticsCounters counters = Due(1000);
            counters.MarkPublished();
            counters.Request();
            Assert.IsTrue(counters.IsDue);
        }

        [TestMethod]
        public void A_zero_cadence_publishes_only_on_request()
        {
            DiagnosticsCounters counters = Due(0);
            counters.MarkPublished();
            for (int i = 0; i < 500; i++)
            {
                counters.OnPayloadPublished();
            }

            Assert.IsFalse(counters.IsDue);
            counters.Request();
            Assert.IsTrue(counters.IsDue);
        }
    }
}
