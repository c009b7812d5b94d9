using nanoFramework.TestFramework;
using TagoFirmware.Config;
using TagoFirmware.Tests.Json;

namespace TagoFirmware.Tests.Config
{
    /// <summary>The check behind --check-config (used by flash.ps1) and the safe state's re-read schedule.</summary>
    [TestClass]
    public class ConfigCheckTests
    {
        [TestMethod]
        public void A_valid_config_exits_0_with_a_verdict_and_the_redacted_summary()
        {
            string[] lines;
            int code = ConfigCheck.Run(TestUtf8.Bytes(ConfigDocs.Doc("\"mqtt\":{\"port\":1883}")), null, out lines);
            Assert.AreEqual(0, code);
            Assert.StartsWith("warning: mqtt.port", lines[0]);
            Assert.AreEqual("config valid (1 warning)", lines[1]);
            Assert.StartsWith("config: wifi", lines[2]);
        }

        [TestMethod]
        public void An_invalid_config_exits_2_with_error_lines_and_no_summary()
        {
            string[] lines;
            int code = ConfigCheck.Run(TestUtf8.Bytes(ConfigDocs.Doc("\"mqtt\":{\"qos\":2,\"tls\":false}")), null, out lines);
            Assert.AreEqual(2, code);
            Assert.AreEqual(3, lines.Length);
            Assert.StartsWith("error: mqtt.qos", lines[0]);
            Assert.StartsWith("warning: mqtt.tls", lines[1]);
            Assert.AreEqual("config invalid: 1 error, 1 warning", lines[2]);
        }

        [TestMethod]
        public void An_unreadable_file_exits_2()
        {
            string[] lines;
            Assert.AreEqual(2, ConfigCheck.Run(null, null, out lines));
            Assert.StartsWith("error: (file): ", lines[0]);
        }

        [TestMethod]
        public void The_retry_schedule_rereads_every_minute()
        {
            ConfigRetry retry = new ConfigRetry();
            Assert.AreEqual(60000, retry.IntervalMs);
            Assert.IsTrue(retry.Due(5000));
            Assert.IsFalse(retry.Due(5001));
            Assert.IsFalse(retry.Due(64999));
            Assert.IsTrue(retry.Due(65000));
            Assert.IsFalse(retry.Due(65000));
            Assert.IsTrue(retry.Due(200000));
        }

        [TestMethod]
        public void The_retry_schedule_never_goes_below_one_second()
        {
            ConfigRetry retry = new ConfigRetry(10);
            Assert.AreEqual(1000, retry.IntervalMs);
        }

        [TestMethod]
        public void The_same_problems_are_logged_once_and_new_ones_again()
        {
            ConfigRetry retry = new ConfigRetry();
            ConfigResult qos = ConfigDocs.Parse("\"mqtt\":{\"qos\":2}");
            ConfigResult port = ConfigDocs.Parse("\"mqtt\":{\"port\":0}");
            Assert.IsTrue(retry.ShouldLog(qos));
            Assert.IsFalse(retry.ShouldLog(ConfigDocs.Parse("\"mqtt\":{\"qos\":2}")));
            Assert.IsTrue(retry.ShouldLog(port));
            Assert.IsTrue(retry.ShouldLog(qos));
        }
    }
}
