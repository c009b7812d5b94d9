using nanoFramework.TestFramework;
using TagoFirmware.Boot;
using TagoFirmware.Config;
using TagoFirmware.Connection;
using TagoFirmware.Tests.Config;
using TagoFirmware.Tests.Session;

namespace TagoFirmware.Tests.Boot
{
    /// <summary>The boot path shared by the ESP32 app and the twin: one parse, CA files, the safe state, startup retry.</summary>
    [TestClass]
    public class ConfigBootTests
    {
        private const string Path = "I:\\tagofirmware.json";

        private const string Pem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ0FfdGVzdF9jZXJ0aWZpY2F0ZV9ib2R5X2Zvcl90ZXN0cw==\n-----END CERTIFICATE-----\n";

        private static ConfigBoot Boot(FakeFiles files, FakeLog log, string mac)
        {
            return new ConfigBoot(files, Path, null, true, mac, log);
        }

        [TestMethod]
        public void A_valid_file_is_read_once_and_its_bytes_kept_for_the_override_fingerprint()
        {
            FakeFiles files = new FakeFiles();
            files.Set(Path, ConfigDocs.Doc("\"mqtt\":{\"port\":1883}"));
            FakeLog log = new FakeLog();
            ConfigBoot boot = Boot(files, log, "tago-a4cf12e3b1c0");
            ConfigResult result = boot.Load();
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            Assert.AreEqual(1, files.Reads);
            Assert.IsNotNull(boot.FileBytes);
            Assert.AreEqual(1, log.CountContaining("warning: mqtt.port"));
        }

        [TestMethod]
        public void A_missing_file_is_an_error_of_the_file()
        {
            ConfigResult result = Boot(new FakeFiles(), null, "tago-1").Load();
            Assert.IsFalse(result.IsValid);
            Assert.IsNotNull(ConfigDocs.Error(result, "(file)"));
        }

        [TestMethod]
        public void A_ca_file_name_is_replaced_by_the_files_pem_text()
        {
            FakeFiles files = new FakeFiles();
            files.Set(Path, ConfigDocs.Doc("\"mqtt\":{\"ca_certificates\":[\"I:\\\\ca.pem\"]}"));
            files.Set("I:\\ca.pem", Pem);
            ConfigResult result = Boot(files, new FakeLog(), "tago-1").Load();
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            Assert.AreEqual(Pem, result.Config.CaCertificates[0]);
        }

        [TestMethod]
        [DataRow("(no file)", "is missing")]
        [DataRow("not a certificate", "holds no -----BEGIN CERTIFICATE----- block")]
        [DataRow("-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----", "not base64")]
        public void A_bad_ca_file_is_an_error_naming_the_key_and_the_file(string content, string problem)
        {
            FakeFiles files = new FakeFiles();
            files.Set(Path, ConfigDocs.Doc("\"mqtt\":{\"ca_certificates\":[\"I:\\\\ca.pem\"]}"));
            files.Set("I:\\ca.pem", content == "(no file)" ? null : content); // a null DataRow argument breaks on the device
            string issue = ConfigDocs.Error(Boot(files, null, "tago-1").Load(), "mqtt.ca_certificates[0]");
            Assert.IsNotNull(issue);
            Assert.Contains("CA file I:\\ca.pem", issue);
            Assert.Contains(problem, issue);
        }

        [TestMethod]
        public void Without_a_mac_the_client_id_must_be_configured()
        {
            FakeFiles files = new FakeFiles();
            files.Set(Path, ConfigDocs.Doc(string.Empty));
            Assert.IsNotNull(ConfigDocs.Error(Boot(files, null, null).Load(), "mqtt.client_id"));
            files.Set(Path, ConfigDocs.Doc("\"mqtt\":{\"client_id\":\"node-1\"}"));
            Assert.IsTrue(Boot(files, null, null).Load().IsValid);
        }

        [TestMethod]
        public void The_safe_state_shows_the_pattern_logs_once_and_rereads_every_minute()
        {
            FakeFiles files = new FakeFiles();
            files.Set(Path, ConfigDocs.Doc("\"mqtt\":{\"qos\":2}"));
            FakeLog log = new FakeLog();
            FakeStatusIndicator status = new FakeStatusIndicator();
            ConfigBoot boot = Boot(files, log, "tago-1");
            ConfigResult result = boot.Load();
            for (long ms = 0; ms < ConfigBoot.RetryIntervalMs; ms += 1000)
            {
                result = boot.SafeStateStep(result, ms, status);
            }

            Assert.AreEqual(1, files.Reads);
            Assert.AreEqual(1, log.CountContaining("error: mqtt.qos"));
            Assert.AreEqual((int)NodeStatus.ConfigInvalid, (int)status.Last);

            result = boot.SafeStateStep(result, ConfigBoot.RetryIntervalMs, status);
            Assert.AreEqual(2, files.Reads);
            Assert.IsFalse(result.IsValid);
            result = boot.SafeStateStep(result, ConfigBoot.RetryIntervalMs + 1000, status);
            Assert.AreEqual(1, log.CountContaining("error: mqtt.qos"), "the same problems are not logged again");

            files.Set(Path, ConfigDocs.Doc("\"mqtt\":{\"port\":0}"));
            result = boot.SafeStateStep(result, 2 * ConfigBoot.RetryIntervalMs + 1000, status);
            result = boot.SafeStateStep(result, 2 * ConfigBoot.RetryIntervalMs + 2000, status);
            Assert.AreEqual(1, log.CountContaining("error: mqtt.port"), "new problems are logged");

            files.Set(Path, ConfigDocs.Doc(string.Empty));
            result = boot.SafeStateStep(result, 4 * ConfigBoot.RetryIntervalMs, status);
            Assert.IsTrue(result.IsValid);
            Assert.AreEqual(1, log.CountContaining("corrected file found"));
        }

        [TestMethod]
        public void A_failed_startup_is_logged_and_retried_after_a_minute()
        {
            FakeLog log = new FakeLog();
            FakeStatusIndicator status = new FakeStatusIndicator();
            int wait = Boot(new FakeFiles(), log, "tago-1").StartupFailed("IOException: RMT channel busy", status);
            Assert.AreEqual(60000, wait);
            Assert.AreEqual(1, log.CountContaining("startup failed: IOException: RMT channel busy; restarting in 60 s"));
            Assert.AreEqual((int)NodeStatus.ConfigInvalid, (int)status.Last);
        }
    }
}
