using nanoFramework.TestFramework;
using TagoFirmware.Config;

namespace TagoFirmware.Tests.Config
{
    /// <summary>The token and the WiFi password never appear in the boot summary, check output or messages.</summary>
    [TestClass]
    public class RedactionTests
    {
        [TestMethod]
        public void The_summary_hides_the_token_and_the_wifi_password()
        {
            NodeConfig c = ConfigDocs.Parse(string.Empty).Config;
            string text = c.Redacted("tago-a4cf12e3b1c0");
            Assert.IsTrue(text.IndexOf(ConfigDocs.FakeToken) < 0, text);
            Assert.IsTrue(text.IndexOf(ConfigDocs.FakePassword) < 0, text);

            // Not even a part of the token (first or last 4 characters) is shown.
            Assert.IsTrue(text.IndexOf("1234") < 0, text);
            Assert.IsTrue(text.IndexOf("cdef") < 0, text);
            Assert.Contains("token=(set, hidden)", text);
            Assert.Contains("password=(set, hidden)", text);
        }

        [TestMethod]
        public void The_summary_shows_the_effective_settings()
        {
            NodeConfig c = ConfigDocs.Parse("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"temperature_offset\":-0.5,\"dew_point\":true}]").Config;
            string[] lines = c.Summary("tago-a4cf12e3b1c0");
            string text = c.Redacted("tago-a4cf12e3b1c0");
            Assert.AreEqual(12, lines.Length);
            Assert.StartsWith("config: wifi ssid=\"example-net\"", lines[0]);
            Assert.Contains("mqtts://mqtt.tago.io:8883 ca=platform store client_id=tago-a4cf12e3b1c0 (from MAC) qos=1 keepalive=60s", text);
            Assert.Contains("data=sensors/tago-a4cf12e3b1c0/data status=device/status/tago-a4cf12e3b1c0 commands=commands/tago-a4cf12e3b1c0/+", text);
            Assert.Contains("sensors[0] dht22 name=dht22 echo=26 trigger=27 power=none variables=temperature,humidity,dew_point offsets=-0.5C/+0.0%RH", text);
            Assert.Contains("reboot_after=1800s", text);
            Assert.Contains("plain text", lines[lines.Length - 1]);
        }

        [TestMethod]
        public void A_missing_secret_is_shown_as_missing_not_as_set()
        {
            ConfigRules rules = new ConfigRules();
            rules.RequireToken = false;
            NodeConfig c = ConfigDocs.ParseText("{\"wifi\":{\"ssid\":\"cafe\"},\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27}]}", rules).Config;
            string text = c.Redacted(null);
            Assert.Contains("token=(missing)", text);
            Assert.Contains("password=(empty: open network)", text);
        }

        [TestMethod]
        [DataRow("\"token\":\"my-secret-token-value\"")]
        [DataRow("\"wifi\":{\"ssid\":\"net\",\"password\":\"abc\"}")]
        [DataRow("\"wifi\":{\"ssid\":\"net\",\"password\":\"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\"}")]
        [DataRow("\"wifi\":{\"ssid\":\"net\",\"password\":12345678}")]
        [DataRow("\"token\":[\"my-secret-token-value\"]")]
        public void Error_messages_about_secrets_never_contain_them(string root)
        {
            ConfigResult result = ConfigDocs.Parse(root);
            Assert.IsFalse(result.IsValid);
            string lines = ConfigDocs.AllLines(result);
            Assert.IsTrue(lines.IndexOf("my-secret") < 0, lines);
            Assert.IsTrue(lines.IndexOf("zzzz") < 0, lines);
            Assert.IsTrue(lines.IndexOf("abc") < 0, lines);
            Assert.IsTrue(lines.IndexOf("12345678") < 0, lines);
        }

        [TestMethod]
        public void The_check_output_of_a_valid_config_never_contains_the_secrets()
        {
            string[] lines;
            int code = ConfigCheck.Run(TagoFirmware.Tests.Json.TestUtf8.Bytes(ConfigDocs.Doc(string.Empty)), null, out lines);
            Assert.AreEqual(ConfigCheck.ExitValid, code);
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.IsTrue(lines[i].IndexOf(ConfigDocs.FakeToken) < 0, lines[i]);
                Assert.IsTrue(lines[i].IndexOf(ConfigDocs.FakePassword) < 0, lines[i]);
            }
        }
    }
}
