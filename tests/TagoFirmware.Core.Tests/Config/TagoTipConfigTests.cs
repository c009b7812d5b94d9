using nanoFramework.TestFramework;
using TagoFirmware.Config;

namespace TagoFirmware.Tests.Config
{
    /// <summary>The transport key, the tagotip group and mqtt.protocol: defaults, derived values, errors and warnings.</summary>
    [TestClass]
    public class TagoTipConfigTests
    {
        /// <summary>A clearly fake authorization hash (16 lowercase hex digits).</summary>
        public const string FakeHash = "0123456789abcdef";

        /// <summary>A valid TagoTiP document (no token) with <paramref name="tagotip"/> as the tagotip group's extra members
        /// and <paramref name="root"/> as extra root members.</summary>
        public static string Doc(string tagotip, string root)
        {
            string group = tagotip.IndexOf("\"serial\"") >= 0 ? string.Empty : "\"serial\":\"node-7\"";
            if (tagotip.IndexOf("\"auth_hash\"") < 0)
            {
                group += (group.Length > 0 ? "," : string.Empty) + "\"auth_hash\":\"" + FakeHash + "\"";
            }

            group += (group.Length > 0 && tagotip.Length > 0 ? "," : string.Empty) + tagotip;
            return "{\"wifi\":{\"ssid\":\"example-net\",\"password\":\"" + ConfigDocs.FakePassword + "\"},"
                + "\"tagotip\":{" + group + "},"
                + "\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27}]" + (root.Length > 0 ? "," + root : string.Empty) + "}";
        }

        private static string Join(string[] lines)
        {
            string s = string.Empty;
            for (int i = 0; i < lines.Length; i++)
            {
                s += lines[i] + "\n";
            }

            return s;
        }

        private static ConfigResult Parse(string tagotip, string root)
        {
            return ConfigDocs.ParseText(Doc(tagotip, root));
        }

        [TestMethod]
        public void A_config_without_a_token_uses_tagotip_with_the_regions_endpoint_and_the_serial_as_client_id()
        {
            ConfigResult result = Parse(string.Empty, string.Empty);
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            NodeConfig c = result.Config;
            Assert.AreEqual(NodeConfig.TransportTagoTip, c.Transport);
            Assert.IsTrue(c.UsesTagoTip);
            Assert.AreEqual("mqtt.tip.us-e1.tago.io", c.MqttHost);
            Assert.AreEqual(8883, c.Int(ConfigKeys.MqttPort));
            Assert.AreEqual("node-7", c.EffectiveClientId("tago-a4cf12e3b1c0"));
            Assert.AreEqual(10, c.Int(ConfigKeys.TagoTipTtl));
            Assert.AreEqual(60, c.Int(ConfigKeys.TagoTipMinSession));
            Assert.AreEqual(0, c.Int(ConfigKeys.MqttProtocol));
        }

        [TestMethod]
        public void The_eu_region_picks_the_eu_endpoint_and_an_explicit_host_wins()
        {
            Assert.AreEqual("mqtt.tip.eu-w1.tago.io", Parse("\"region\":\"eu-w1\"", string.Empty).Config.MqttHost);
            Assert.AreEqual("broker.local", Parse("\"region\":\"eu-w1\"", "\"mqtt\":{\"host\":\"broker.local\"}").Config.MqttHost);
        }

        [TestMethod]
        public void A_legacy_config_with_a_token_keeps_the_json_transport_and_its_broker()
        {
            NodeConfig c = ConfigDocs.Parse(string.Empty).Config;
            Assert.AreEqual(NodeConfig.TransportMqttJson, c.Transport);
            Assert.AreEqual("mqtt.tago.io", c.MqttHost);
            Assert.AreEqual("tago-a4cf12e3b1c0", c.EffectiveClientId("tago-a4cf12e3b1c0"));
            Assert.IsTrue(ConfigDocs.Parse("\"transport\":\"tago-mqtt-json\"").IsValid);
        }

        [TestMethod]
        public void An_explicit_transport_wins_over_the_token()
        {
            ConfigResult result = ConfigDocs.Parse("\"transport\":\"tagotip\",\"tagotip\":{\"serial\":\"n1\",\"auth_hash\":\"" + FakeHash + "\"}");
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            Assert.AreEqual(NodeConfig.TransportTagoTip, result.Config.Transport);
            Assert.IsNotNull(ConfigDocs.Warning(result, "token"), "an unused token is pointed out");
        }

        [TestMethod]
        [DataRow("\"serial\":null", "", "tagotip.serial", "is required by tagotip")]
        [DataRow("\"serial\":\"my node\"", "", "tagotip.serial", "1-100 characters of A-Z a-z 0-9 _ -")]
        [DataRow("\"auth_hash\":null", "", "tagotip.auth_hash", "is required by tagotip")]
        [DataRow("\"auth_hash\":\"0123456789abcde\"", "", "tagotip.auth_hash", "must be 16 lowercase hex digits; it has 15 characters")]
        [DataRow("\"auth_hash\":\"0123456789ABCDEF\"", "", "tagotip.auth_hash", "16 lowercase hex digits")]
        [DataRow("\"auth_hash\":\"ate2bd3100112233445566778899aabbcc\"", "", "tagotip.auth_hash", "is the at... token")]
        [DataRow("\"ttl_s\":12", "", "tagotip.ttl_s", "must be 10 (Free, Starter) or 15 (Scale)")]
        [DataRow("\"ttl_s\":30", "", "tagotip.ttl_s", "must be 10 (Free, Starter) or 15 (Scale)")]
        [DataRow("\"min_session_s\":0", "", "tagotip.min_session_s", "must be between 1 and 86400 s")]
        [DataRow("\"region\":\"us-e2\"", "", "tagotip.region", "\"us-e2\" is not allowed: use us-e1 or eu-w1")]
        [DataRow("", "\"transport\":\"http\"", "transport", "\"http\" is not allowed: use tagotip or tago-mqtt-json")]
        [DataRow("", "\"mqtt\":{\"protocol\":\"4\"}", "mqtt.protocol", "use auto, 3.1.1, 5 or 3.1")]
        [DataRow("\"serial\":\"a-serial-longer-than-23-chars\"", "\"mqtt\":{\"protocol\":\"3.1\"}", "mqtt.protocol", "at most 23 characters")]
        public void TagoTip_settings_report_their_path_and_what_is_allowed(string tagotip, string root, string path, string contains)
        {
            ConfigResult result = Parse(tagotip, root);
            string issue = ConfigDocs.Error(result, path);
            Assert.IsNotNull(issue, "no error on " + path + " in:\n" + ConfigDocs.AllLines(result));
            Assert.Contains(contains, issue);
        }

        [TestMethod]
        public void More_than_one_session_a_minute_and_an_unused_client_id_are_warnings()
        {
            ConfigResult result = Parse("\"min_session_s\":20", "\"mqtt\":{\"client_id\":\"other\"}");
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            Assert.Contains("over one session a minute", ConfigDocs.Warning(result, "tagotip.min_session_s"));
            Assert.Contains("serial is the client id", ConfigDocs.Warning(result, "mqtt.client_id"));
            Assert.IsNull(ConfigDocs.Warning(Parse("\"min_session_s\":60", string.Empty), "tagotip.min_session_s"));
        }

        [TestMethod]
        [DataRow("3.1.1", 4)]
        [DataRow("5", 5)]
        [DataRow("3.1", 3)]
        public void The_protocol_can_be_pinned(string protocol, int level)
        {
            ConfigResult result = Parse(string.Empty, "\"mqtt\":{\"protocol\":\"" + protocol + "\"}");
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            Assert.AreEqual(level, result.Config.Int(ConfigKeys.MqttProtocol));
        }

        [TestMethod]
        public void The_hash_is_hidden_in_the_summary_and_in_every_message()
        {
            NodeConfig c = Parse(string.Empty, string.Empty).Config;
            string text = ConfigDocs.AllLines(new ConfigResult(c)) + Join(c.Summary(null));
            Assert.IsTrue(text.IndexOf(FakeHash) < 0, text);
            Assert.IsTrue(text.IndexOf("01234567") < 0 && text.IndexOf("89abcdef") < 0, text);
            Assert.Contains("auth_hash=(set, hidden)", text);
            Assert.Contains("transport=tagotip", text);
            Assert.Contains("host=mqtt.tip.us-e1.tago.io", text);
            Assert.Contains("client_id=node-7 (the serial)", Join(c.Summary("tago-a4cf12e3b1c0")));

            string bad = "0123456789abcdeZ";
            ConfigResult refused = Parse("\"auth_hash\":\"" + bad + "\"", string.Empty);
            Assert.IsTrue(ConfigDocs.AllLines(refused).IndexOf(bad) < 0, ConfigDocs.AllLines(refused));
        }

        [TestMethod]
        public void A_region_set_in_code_picks_the_host()
        {
            NodeConfig c = ConfigDocs.Parse(string.Empty).Config;
            c.Set(ConfigKeys.Transport, NodeConfig.TransportTagoTip);
            c.Set(ConfigKeys.TagoTipSerial, "twin-1");
            c.Set(ConfigKeys.TagoTipAuthHash, FakeHash);
            c.Set(ConfigKeys.TagoTipRegion, "eu-w1");
            c.Set(ConfigKeys.TagoTipMinSession, 5);
            Assert.AreEqual("mqtt.tip.eu-w1.tago.io", c.MqttHost);
        }
    }
}
