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
            string text = Join(c.Summary("tago-a4cf12e3b1c0"));
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
            string text = Join(lines);
            Assert.AreEqual(12, lines.Length, text);
            Assert.AreEqual("config: wifi ssid=example-net password=(set, hidden)", lines[0]);
            Assert.AreEqual("config: token=(set, hidden) transport=tago-mqtt-json", lines[1]);
            Assert.AreEqual("config: mqtt host=mqtt.tago.io port=8883 tls=true ca_certificates=[] client_id=tago-a4cf12e3b1c0 (from MAC)"
                + " data_topic=sensors/{client_id}/data status_topic=device/status/{client_id} command_topic=commands/{client_id}/+ qos=1"
                + " keepalive_s=60 protocol=auto", lines[2]);
            Assert.AreEqual("config: tagotip region=us-e1 serial=null auth_hash=(not set) ttl_s=10 min_session_s=60", lines[3]);
            Assert.AreEqual("config: sensors[0] model=dht22 echo_pin=26 trigger_pin=27 power_pin=none name=dht22 suffix="
                + " temperature_variable=temperature humidity_variable=humidity dew_point_variable=dew_point temperature_offset=-0.5"
                + " humidity_offset=0.0 dew_point=true", lines[7]);
            Assert.AreEqual("config: led_pin=2 led_active_low=false", lines[8]);
            Assert.Contains("reboot_after_s=1800", text);
            Assert.Contains("plain text", lines[lines.Length - 1]);
        }

        [TestMethod]
        public void A_missing_secret_is_shown_as_missing_not_as_set()
        {
            NodeConfig c = ConfigDocs.ParseText("{\"wifi\":{\"ssid\":\"cafe\"},\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27}]}").Config;
            string text = Join(c.Summary(null));
            Assert.Contains("token=(not set)", text);
            Assert.Contains("password=(not set)", text);
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

        private static string Join(string[] lines)
        {
            string text = string.Empty;
            for (int i = 0; i < lines.Length; i++)
            {
                text += lines[i] + "\n";
            }

            return text;
        }
    }
}
