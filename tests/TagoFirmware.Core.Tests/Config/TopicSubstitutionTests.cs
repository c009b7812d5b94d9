using nanoFramework.TestFramework;
using TagoFirmware.Config;

namespace TagoFirmware.Tests.Config
{
    /// <summary>{client_id} substitution and the effective client id.</summary>
    [TestClass]
    public class TopicSubstitutionTests
    {
        [TestMethod]
        [DataRow("sensors/{client_id}/data", "tago-a4cf12e3b1c0", "sensors/tago-a4cf12e3b1c0/data")]
        [DataRow("{client_id}", "n1", "n1")]
        [DataRow("a/{client_id}/b/{client_id}", "n1", "a/n1/b/n1")]
        [DataRow("plain/topic", "n1", "plain/topic")]
        [DataRow("x/{client_id", "n1", "x/{client_id")]
        [DataRow("{client_id}{client_id}", "ab", "abab")]
        public void Every_placeholder_is_replaced(string template, string clientId, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.ExpandTopic(template, clientId));
        }

        [TestMethod]
        public void Null_template_and_client_id_are_handled()
        {
            Assert.IsNull(NodeConfig.ExpandTopic(null, "x"));
            Assert.AreEqual("a//b", NodeConfig.ExpandTopic("a/{client_id}/b", null));
        }

        [TestMethod]
        public void Default_topics_expand_with_the_mac_derived_id()
        {
            NodeConfig m = ConfigDocs.Parse(string.Empty).Config;
            string id = m.EffectiveClientId("tago-a4cf12e3b1c0");
            Assert.AreEqual("tago-a4cf12e3b1c0", id);
            Assert.AreEqual("sensors/tago-a4cf12e3b1c0/data", NodeConfig.ExpandTopic(m.Text(ConfigKeys.MqttDataTopic), id));
            Assert.AreEqual("device/status/tago-a4cf12e3b1c0", NodeConfig.ExpandTopic(m.Text(ConfigKeys.MqttStatusTopic), id));
            Assert.AreEqual("commands/tago-a4cf12e3b1c0/+", NodeConfig.ExpandTopic(m.Text(ConfigKeys.MqttCommandTopic), id));
        }

        [TestMethod]
        public void A_configured_client_id_wins_over_the_mac_derived_one()
        {
            NodeConfig m = ConfigDocs.Parse("\"mqtt\":{\"client_id\":\"greenhouse-3\"}").Config;
            string id = m.EffectiveClientId("tago-a4cf12e3b1c0");
            Assert.AreEqual("greenhouse-3", id);
            Assert.AreEqual("sensors/greenhouse-3/data", NodeConfig.ExpandTopic(m.Text(ConfigKeys.MqttDataTopic), id));
        }
    }
}
