using nanoFramework.TestFramework;
using TagoFirmware.Config;
using TagoFirmware.Node;
using TagoFirmware.Connection;
using TagoFirmware.Tests.Config;
using TagoFirmware.Tests.Json;

namespace TagoFirmware.Tests.Node
{
    /// <summary>How the configuration reaches the session, the topics, the minimum interval and the log.</summary>
    [TestClass]
    public class NodeWiringTests
    {
        [TestMethod]
        public void The_config_maps_onto_the_session_options()
        {
            NodeConfig config = new NodeConfig();
            config.Set(ConfigKeys.Token, NodeRig.Token);
            config.Set(ConfigKeys.MqttHost, "broker.example");
            config.Set(ConfigKeys.MqttPort, 1883);
            config.Set(ConfigKeys.MqttTls, false);
            config.Set(ConfigKeys.MqttQos, 0);
            config.Set(ConfigKeys.MqttKeepAlive, 30);
            config.CaCertificates = new string[] { "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----", "ca.pem" };
            config.Set(ConfigKeys.TimeoutWifiConnect, 20);
            config.Set(ConfigKeys.TimeoutAck, 9);
            config.Set(ConfigKeys.TimeoutAuthRetry, 600);
            config.Set(ConfigKeys.TimeoutRebootAfter, 0);

            SessionOptions o = NodeWiring.CreateSessionOptions(config, "node-7");

            Assert.AreEqual("broker.example", o.Host);
            Assert.AreEqual(1883, o.Port);
            Assert.IsFalse(o.UseTls);
            Assert.AreEqual(0, o.Qos);
            Assert.AreEqual(30, o.KeepAliveSeconds);
            Assert.AreEqual("-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----", o.CaCertificatesPem);
            Assert.AreEqual(NodeRig.Token, o.Password);
            Assert.AreEqual("node-7", o.ClientId);
            Assert.AreEqual(20000, o.WifiConnectTimeoutMs);
            Assert.AreEqual(9000, o.AckTimeoutMs);
            Assert.AreEqual(600000, o.AuthRetryIntervalMs);
            Assert.AreEqual(0, o.NoAckRebootMs);
            Assert.AreEqual(3, o.MaxInFlight);
        }

        [TestMethod]
        public void The_node_exposes_the_session_options_it_runs_with()
        {
            NodeRig rig = new NodeRig();
            rig.Build();

            Assert.AreEqual(NodeWiring.MaxInFlightPublishes, rig.Node.SessionOptions.MaxInFlight);
            Assert.AreEqual(NodeRig.MacClientId, rig.Node.SessionOptions.ClientId);
        }

        [TestMethod]
        public void A_ping_while_a_batch_and_diagnostics_await_their_acks_still_publishes_its_status()
        {
            NodeRig rig = new NodeRig();
            rig.Config.Set(ConfigKeys.SamplingBatch, 1);
            rig.Config.Set(ConfigKeys.TimeoutAck, 120);
            rig.Build();
            rig.Run(10000);
            rig.Mqtt.AcksPublishes = false;
            rig.Run(10000);
            Assert.AreEqual(1, rig.Node.Queue.Count - rig.Node.Queue.PendingCount, "the batch awaits its ack");
            int status = rig.StatusPublishes();

            rig.Command("ping", "");

            Assert.AreEqual(status + 1, rig.StatusPublishes());
            Assert.AreEqual(0, rig.Log.CountContaining("ping: status not published"));
        }

        [TestMethod]
        public void Configured_topics_and_client_id_are_used_for_data_status_will_and_commands()
        {
            NodeRig rig = new NodeRig();
            rig.Config.Set(ConfigKeys.MqttClientId, "greenhouse-3");
            rig.Config.Set(ConfigKeys.MqttDataTopic, "farm/{client_id}/up");
            rig.Config.Set(ConfigKeys.MqttStatusTopic, "farm/{client_id}/status");
            rig.Config.Set(ConfigKeys.MqttCommandTopic, "farm/{client_id}/cmd/+");
            rig.Config.Set(ConfigKeys.SamplingBatch, 2);
            rig.Build();
            rig.Run(10000);

            Assert.AreEqual("greenhouse-3", rig.Node.SessionOptions.ClientId);
            Assert.AreEqual("greenhouse-3", rig.Mqtt.LastRequest.ClientId);
            Assert.AreEqual("farm/greenhouse-3/status", rig.Mqtt.LastRequest.WillTopic);
            Assert.IsTrue(rig.Mqtt.Subscriptions.Contains("farm/greenhouse-3/cmd/+"));
            Assert.AreEqual("farm/greenhouse-3/up", rig.Mqtt.LastPublish.Topic);

            rig.Mqtt.Deliver("farm/greenhouse-3/cmd/batch", TestUtf8.Bytes("3"));
            rig.Run(NodeRig.StepMs);
            Assert.AreEqual(3, rig.Node.Commands.BatchSize);
        }

        [TestMethod]
        public void The_effective_config_is_logged_once_without_secrets()
        {
            NodeRig rig = new NodeRig();
            rig.Config.Set(ConfigKeys.WifiPassword, "wifi-SECRET-pass");
            rig.Build();
            rig.Run(5000);

            Assert.AreEqual(1, rig.Log.CountContaining("config: sampling interval_s=15 "));
            for (int i = 0; i < rig.Log.Lines.Count; i++)
            {
                string line = (string)rig.Log.Lines[i];
                Assert.AreEqual(-1, line.IndexOf(NodeRig.Token));
                Assert.AreEqual(-1, line.IndexOf("wifi-SECRET-pass"));
            }
        }

        [TestMethod]
        public void The_config_refuses_an_interval_below_the_pipeline_minimum_with_that_number()
        {
            ConfigResult dht22 = NodeConfigParser.Parse(TestUtf8.Bytes(ConfigDocs.Doc("\"sampling\":{\"interval_s\":8}")), null, true);
            Assert.IsFalse(dht22.IsValid);
            string issue = ConfigDocs.Error(dht22, "sampling.interval_s");
            Assert.IsNotNull(issue);
            string lines = ConfigDocs.AllLines(dht22);
            Assert.IsTrue(lines.IndexOf("must be >= 12 s") >= 0, lines);
            Assert.IsTrue(lines.IndexOf("DHT22") >= 0, lines);

            ConfigResult dht11 = NodeConfigParser.Parse(TestUtf8.Bytes(ConfigDocs.Doc(
                "\"sensors\":[{\"model\":\"dht11\",\"echo_pin\":26,\"trigger_pin\":27}],\"sampling\":{\"interval_s\":8}")), null, true);
            Assert.IsTrue(dht11.IsValid, ConfigDocs.AllLines(dht11));
        }

        [TestMethod]
        public void The_interval_command_minimum_is_the_pipeline_minimum()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            Assert.AreEqual(12, rig.Node.Commands.MinIntervalSeconds);
            rig.Run(3000);

            rig.Command("interval", "11");
            rig.Command("interval", "12");

            Assert.AreEqual(12, rig.Node.Commands.IntervalSeconds);
            Assert.AreEqual(1, rig.Node.Diagnostics.CommandErrors);
        }
    }
}
