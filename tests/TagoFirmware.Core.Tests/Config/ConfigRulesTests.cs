using nanoFramework.TestFramework;
using TagoFirmware.Config;
using TagoFirmware.Tests.Json;

namespace TagoFirmware.Tests.Config
{
    /// <summary>Validation parameters that come from outside the file.</summary>
    [TestClass]
    public class ConfigRulesTests
    {
        [TestMethod]
        public void The_default_minimum_interval_is_six_seconds_and_a_sensor_may_ask_for_more()
        {
            string dht11 = "\"sensors\":[{\"model\":\"dht11\",\"echo_pin\":26,\"trigger_pin\":27}],";
            Assert.IsTrue(ConfigDocs.Parse(dht11 + "\"sampling\":{\"interval_s\":6}").IsValid);
            Assert.AreEqual("error: sampling.interval_s: must be >= 6 s because a sample is a median of 3 reads 2 s apart (DHT22 minimum); got 5",
                ConfigDocs.Error(ConfigDocs.Parse(dht11 + "\"sampling\":{\"interval_s\":5}"), "sampling.interval_s"));
            Assert.IsNotNull(ConfigDocs.Error(ConfigDocs.Parse("\"sampling\":{\"interval_s\":11}"), "sampling.interval_s"));
        }

        [TestMethod]
        public void The_twin_may_omit_wifi_and_supply_the_token()
        {
            string[] supplied = new string[ConfigKeys.Rows.Length];
            supplied[ConfigKeys.Token.Id] = ConfigDocs.FakeToken;
            ConfigResult result = NodeConfigParser.Parse(TestUtf8.Bytes("{\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27}]}"), supplied, false);
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));

            ConfigResult device = ConfigDocs.ParseText("{\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27}]}");
            Assert.IsNotNull(ConfigDocs.Error(device, "tagotip.serial"), "without a token the transport is TagoTiP");
            Assert.IsNotNull(ConfigDocs.Error(device, "wifi.ssid"));
        }

        [TestMethod]
        public void Supplied_secrets_replace_the_example_files_placeholders()
        {
            string example = "{\"wifi\":{\"ssid\":\"example-network\",\"password\":\"example-password-not-real\"},"
                + "\"token\":\"00000000-0000-0000-0000-000000000000\",\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27}]}";
            ConfigResult refused = ConfigDocs.ParseText(example);
            Assert.IsNotNull(ConfigDocs.Error(refused, "token"));
            Assert.IsNotNull(ConfigDocs.Error(refused, "wifi.ssid"));

            string[] supplied = new string[ConfigKeys.Rows.Length];
            supplied[ConfigKeys.Token.Id] = ConfigDocs.FakeToken;
            supplied[ConfigKeys.WifiSsid.Id] = "cafe";
            supplied[ConfigKeys.WifiPassword.Id] = ConfigDocs.FakePassword;
            ConfigResult result = NodeConfigParser.Parse(TestUtf8.Bytes(example), supplied, true);
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            Assert.AreEqual(ConfigDocs.FakeToken, result.Config.Text(ConfigKeys.Token));
        }

        [TestMethod]
        [DataRow("12345678-90ab-cdef-1234-567890abcdef", true)]
        [DataRow("1234567890ABCDEF1234567890ABCDEF", true)]
        [DataRow("12345678-90ab-cdef-1234-567890abcde", false)]
        [DataRow("12345678-90ab-cdef-1234-567890abcdef0", false)]
        [DataRow("12345678 90ab cdef 1234 567890abcdef", false)]
        [DataRow("", false)]
        public void Token_shape_is_checked_loosely(string token, bool plausible)
        {
            Assert.AreEqual(plausible, ConfigText.IsPlausibleToken(token));
        }

        [TestMethod]
        [DataRow("echo_pin", 0, "")]
        [DataRow("echo_pin", 20, "does not exist")]
        [DataRow("echo_pin", 24, "does not exist")]
        [DataRow("echo_pin", 28, "does not exist")]
        [DataRow("echo_pin", 31, "does not exist")]
        [DataRow("echo_pin", 40, "does not exist")]
        [DataRow("echo_pin", -2, "does not exist")]
        [DataRow("echo_pin", 6, "SPI flash")]
        [DataRow("echo_pin", 11, "SPI flash")]
        [DataRow("echo_pin", 3, "UART0")]
        [DataRow("echo_pin", 34, "")]
        [DataRow("trigger_pin", 39, "input-only")]
        [DataRow("trigger_pin", 33, "")]
        [DataRow("trigger_pin", 21, "")]
        public void Esp32_pin_rules_follow_the_datasheet(string pin, int gpio, string problem)
        {
            // "" stands for "no problem": a null attribute argument crashes the nanoFramework MetadataProcessor.
            string other = pin == "echo_pin" ? "\"trigger_pin\":27" : "\"echo_pin\":26";
            string actual = ConfigDocs.Error(ConfigDocs.Parse("\"sensors\":[{\"model\":\"dht22\"," + other + ",\"" + pin + "\":" + gpio + "}]"), "sensors[0]." + pin);
            if (problem.Length == 0)
            {
                Assert.IsNull(actual);
            }
            else
            {
                Assert.IsNotNull(actual);
                Assert.Contains(problem, actual);
            }
        }
    }
}
