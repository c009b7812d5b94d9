using nanoFramework.TestFramework;
using TagoFirmware.Config;

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
            ConfigRules rules = new ConfigRules();
            rules.Supply(ConfigKeys.Token, ConfigDocs.FakeToken);
            rules.RequireWifi = false;
            ConfigResult result = ConfigDocs.ParseText("{\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27}]}", rules);
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));

            ConfigResult device = ConfigDocs.ParseText("{\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27}]}", null);
            Assert.IsNotNull(ConfigDocs.Error(device, "tagotip.serial"), "without a token the transport is TagoTiP");
            Assert.IsNotNull(ConfigDocs.Error(device, "wifi.ssid"));
        }

        [TestMethod]
        public void Supplied_secrets_replace_the_example_files_placeholders()
        {
            string example = "{\"wifi\":{\"ssid\":\"example-network\",\"password\":\"example-password-not-real\"},"
                + "\"token\":\"00000000-0000-0000-0000-000000000000\",\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27}]}";
            ConfigResult refused = ConfigDocs.ParseText(example, null);
            Assert.IsNotNull(ConfigDocs.Error(refused, "token"));
            Assert.IsNotNull(ConfigDocs.Error(refused, "wifi.ssid"));

            ConfigRules rules = new ConfigRules();
            rules.Supply(ConfigKeys.Token, ConfigDocs.FakeToken);
            rules.Supply(ConfigKeys.WifiSsid, "cafe");
            rules.Supply(ConfigKeys.WifiPassword, ConfigDocs.FakePassword);
            ConfigResult result = ConfigDocs.ParseText(example, rules);
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            Assert.AreEqual(ConfigDocs.FakeToken, result.Config.Token);
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
        [DataRow(0, false, "")]
        [DataRow(20, false, "does not exist")]
        [DataRow(24, false, "does not exist")]
        [DataRow(28, false, "does not exist")]
        [DataRow(31, false, "does not exist")]
        [DataRow(40, false, "does not exist")]
        [DataRow(-2, false, "does not exist")]
        [DataRow(6, false, "SPI flash")]
        [DataRow(11, false, "SPI flash")]
        [DataRow(3, false, "UART0")]
        [DataRow(34, false, "")]
        [DataRow(39, true, "input-only")]
        [DataRow(33, true, "")]
        [DataRow(21, true, "")]
        public void Esp32_pin_rules_follow_the_datasheet(int gpio, bool needsOutput, string problem)
        {
            // "" stands for "no problem": a null attribute argument crashes the nanoFramework MetadataProcessor.
            string actual = NodeConfigValidator.PinProblem(gpio, needsOutput);
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
