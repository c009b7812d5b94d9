using nanoFramework.TestFramework;
using TagoFirmware.Config;

namespace TagoFirmware.Tests.Config
{
    /// <summary>Usable but suspicious settings give warnings, and the config stays valid.</summary>
    [TestClass]
    public class NodeConfigWarningTests
    {
        [TestMethod]
        [DataRow("\"mqtt\":{\"tls\":false}", "mqtt.tls", "unencrypted")]
        [DataRow("\"mqtt\":{\"port\":1883}", "mqtt.port", "does not match tls")]
        [DataRow("\"mqtt\":{\"tls\":false,\"port\":8883}", "mqtt.port", "does not match tls")]
        [DataRow("\"mqtt\":{\"tls\":false,\"ca_certificates\":[\"I:\\\\ca.pem\"]}", "mqtt.ca_certificates", "ignored")]
        [DataRow("\"mqtt\":{\"ca_certificates\":[\"tago-ca.pem\"]}", "mqtt.ca_certificates[0]", "not on I:\\")]
        [DataRow("\"mqtt\":{\"client_id\":\"abcdefghijklmnopqrstuvwxyz\"}", "mqtt.client_id", "23 characters")]
        [DataRow("\"wifi\":{\"ssid\":\"open-cafe\",\"password\":\"\"}", "wifi.password", "open network")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":2,\"trigger_pin\":27}],\"led_pin\":null", "sensors[0].echo_pin", "blocks download mode")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":15}]", "sensors[0].trigger_pin", "strapping pin")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":16,\"trigger_pin\":27}]", "sensors[0].echo_pin", "PSRAM")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":34,\"trigger_pin\":27,\"power_pin\":12}]", "sensors[0].power_pin", "strapping pin")]
        [DataRow("\"led_pin\":17", "led_pin", "PSRAM")]
        public void Suspicious_settings_warn_and_stay_valid(string root, string path, string contains)
        {
            ConfigResult result = ConfigDocs.Parse(root);
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            string warning = ConfigDocs.Warning(result, path);
            Assert.IsNotNull(warning, "no warning on " + path + " in:\n" + ConfigDocs.AllLines(result));
            Assert.Contains(contains, warning);
        }

        [TestMethod]
        public void Input_only_pins_are_fine_as_echo()
        {
            ConfigResult result = ConfigDocs.Parse("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":34,\"trigger_pin\":27}]");
            Assert.AreEqual(0, result.Lines().Length, ConfigDocs.AllLines(result));
        }

        [TestMethod]
        public void Errors_come_before_warnings_in_the_lines()
        {
            ConfigResult result = ConfigDocs.Parse("\"mqtt\":{\"tls\":false,\"qos\":2}");
            string[] lines = result.Lines();
            Assert.AreEqual(2, lines.Length);
            Assert.StartsWith("error: mqtt.qos", lines[0]);
            Assert.StartsWith("warning: mqtt.tls", lines[1]);
        }
    }
}
