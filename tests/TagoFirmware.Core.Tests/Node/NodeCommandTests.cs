using System.Collections;
using TagoFirmware.Config;
using TagoFirmware.Tests.Payload;
using nanoFramework.TestFramework;
using TagoFirmware.Payload;
using TagoFirmware.Connection;
using TagoFirmware.Tests.Json;
using TagoFirmware.Tests.Session;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Node
{
    /// <summary>Downlink commands end to end through the node: settings, persistence, ping, garbage, reboot, diagnostics.</summary>
    [TestClass]
    public class NodeCommandTests
    {
        [TestMethod]
        public void An_interval_command_changes_the_sampling_cadence_at_once()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(20000);

            rig.Command("interval", "30");
            Assert.AreEqual(30, rig.Node.Commands.IntervalSeconds);
            rig.Run(120000);

            string all = NodeRig.Join(rig.DataPayloads());
            // Cycles ran at 0.1 s and 15 s; the next one is 30 s after the last: 45 s, 75 s, 105 s.
            Assert.AreEqual(-1, all.IndexOf(rig.IsoAt(30000)));
            Assert.AreEqual(2, NodeRig.Count(all, rig.IsoAt(45000)));
            Assert.AreEqual(2, NodeRig.Count(all, rig.IsoAt(75000)));
            Assert.AreEqual(-1, all.IndexOf(rig.IsoAt(60000)));
            Assert.AreEqual(1, rig.Log.CountContaining("command interval accepted: interval 30 s (persisted)"));
        }

        [TestMethod]
        public void A_batch_command_changes_the_payload_size_at_once()
        {
            NodeRig rig = new NodeRig();
            rig.Config.Set(ConfigKeys.SamplingBatchInterval, 600);
            rig.Build();
            rig.Run(50000);
            Assert.AreEqual(0, rig.DataPayloads().Count);
            Assert.AreEqual(8, rig.Node.Queue.Count);

            rig.Command("batch", "2");
            Assert.AreEqual(2, rig.Node.Commands.BatchSize);
            rig.Run(30000);

            ArrayList payloads = rig.DataPayloads();
            Assert.IsTrue(payloads.Count >= 5);
            for (int i = 0; i < payloads.Count; i++)
            {
                Assert.AreEqual(2, NodeRig.Count((string)payloads[i], "\"variable\":"));
            }

            Assert.AreEqual(0, rig.Node.Queue.Count);
        }

        [TestMethod]
        public void Accepted_settings_survive_a_restart_with_the_same_config_and_reset_with_a_changed_one()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(5000);
            rig.Command("interval", "[{\"variable\":\"interval\",\"value\":120},{\"variable\":\"batch\",\"value\":5}]");
            Assert.AreEqual(120, rig.Node.Commands.IntervalSeconds);
            Assert.AreEqual(5, rig.Node.Commands.BatchSize);

            rig.Build();
            Assert.AreEqual(120, rig.Node.Commands.IntervalSeconds);
            Assert.AreEqual(5, rig.Node.Commands.BatchSize);

            rig.ConfigBytes = TagoUtf8.GetBytes("{\"token\":\"v2\"}");
            rig.Build();
            Assert.AreEqual(15, rig.Node.Commands.IntervalSeconds);
            Assert.AreEqual(10, rig.Node.Commands.BatchSize);
            Assert.AreEqual(1, rig.Log.CountContaining("overrides: reset by a new configuration file"));
        }

        [TestMethod]
        public void Ping_publishes_a_status_payload_and_diagnostics_now()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(10000);
            int status = rig.StatusPublishes();
            int diagnostics = rig.DiagnosticsPayloads().Count;

            rig.Command("ping", "");

            Assert.AreEqual(status + 1, rig.StatusPublishes());
            Assert.AreEqual(diagnostics + 1, rig.DiagnosticsPayloads().Count);
            PublishRecord last = null;
            for (int i = 0; i < rig.Mqtt.Publishes.Count; i++)
            {
                PublishRecord p = (PublishRecord)rig.Mqtt.Publishes[i];
                if (p.Topic == NodeRig.StatusTopic)
                {
                    last = p;
                }
            }

            Assert.AreEqual("[{\"variable\":\"device_status\",\"value\":\"online\"}]", TagoFirmware.Tests.Payload.PayloadText.Decode(last.Payload, last.Payload.Length));
            Assert.AreEqual(1, last.Qos);
        }

        [TestMethod]
        public void The_diagnostics_command_publishes_diagnostics_now()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(10000);
            int diagnostics = rig.DiagnosticsPayloads().Count;

            rig.Command("diagnostics", "");

            Assert.AreEqual(diagnostics + 1, rig.DiagnosticsPayloads().Count);
        }

        [TestMethod]
        public void A_command_flood_costs_no_ack_no_reconnect_and_no_data_payload_and_every_dropped_command_is_counted()
        {
            NodeRig quiet = Flooded(0);
            NodeRig rig = Flooded(325);

            Assert.AreEqual(0, rig.Log.CountContaining("mqtt dead link"));
            Assert.AreEqual(0, rig.Node.Supervisor.Reconnects);
            Assert.IsTrue(quiet.DataPayloads().Count >= 1);
            Assert.AreEqual(NodeRig.Join(quiet.DataPayloads()), NodeRig.Join(rig.DataPayloads()), "the same data payloads as without the flood");
            int parsed = rig.Log.CountContaining(" accepted: ") + rig.Log.CountContaining(" refused: ");
            Assert.IsTrue(parsed <= LinkEventQueue.CommandBurst + 61, "commands that reached the parser: " + parsed.ToString());
            Assert.AreEqual(600 * 325 - parsed + rig.Log.CountContaining(" refused: "), rig.Node.Diagnostics.CommandErrors,
                "every message dropped unparsed or refused by the parser is counted");
            Assert.AreEqual(1, rig.Log.CountContaining("commands dropped (size or rate limit)"), "one log line a minute at most");
        }

        /// <summary>A node online for 10 s, then 60 s with <paramref name="perStep"/> command messages every 100 ms
        /// (325 = 3,250 a second: pings, garbage, oversized payloads), then 1 s more.</summary>
        private static NodeRig Flooded(int perStep)
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(10000);
            byte[] ping = TestUtf8.Bytes("1");
            byte[] garbage = TestUtf8.Bytes("{not json");
            byte[] huge = new byte[4096];
            for (int step = 0; step < 600; step++)
            {
                for (int i = 0; i < perStep; i++)
                {
                    rig.Mqtt.Deliver(NodeRig.CommandPrefix + (i % 3 == 0 ? "ping" : "interval"), i % 3 == 0 ? ping : i % 3 == 1 ? garbage : huge);
                }

                rig.Run(NodeRig.StepMs);
            }

            rig.Run(1000);
            return rig;
        }

        [TestMethod]
        public void Garbage_commands_count_in_command_errors_and_change_nothing()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(10000);
            int publishes = rig.Mqtt.Publishes.Count;

            rig.Command("interval", "\"1 min\"");
            rig.Command("interval", "5");
            rig.Command("batch", "[{\"variable\":\"batch\",\"value\":5},{\"variable\":\"interval\",\"value\":1}]");
            rig.Command("selfdestruct", "1");
            rig.Command("reboot", "{not json");

            Assert.AreEqual(5, rig.Node.Diagnostics.CommandErrors);
            Assert.AreEqual(15, rig.Node.Commands.IntervalSeconds);
            Assert.AreEqual(10, rig.Node.Commands.BatchSize);
            Assert.AreEqual(0, rig.Device.Reboots);
            Assert.IsNull(rig.Overrides.Record);
            Assert.AreEqual(publishes, rig.Mqtt.Publishes.Count);
            Assert.AreEqual(1, rig.Log.CountContaining("command interval refused: 5 s is below the minimum of 12 s"));
        }

        [TestMethod]
        public void Reboot_flushes_the_queue_log_announces_offline_then_reboots_and_the_node_stops_acting()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Store.Full = true;
            rig.Run(8000);
            Assert.AreEqual(2, rig.Node.Sampler.ReadingsQueued);
            Assert.IsTrue(rig.Node.Queue.IsStoreFaulted);
            rig.Store.Full = false;
            int commits = rig.Store.Commits;

            rig.Command("reboot", "");
            rig.Run(1000);

            Assert.AreEqual(NodeRig.StatusTopic, rig.Mqtt.LastPublish.Topic);
            Assert.AreEqual(UplinkTransport.OfflineMessage, PayloadText.Decode(rig.Mqtt.LastPublish.Payload, rig.Mqtt.LastPublish.Payload.Length));
            Assert.AreEqual(1, rig.Mqtt.DisconnectCalls);

            Assert.AreEqual(1, rig.Device.Reboots);
            Assert.AreEqual(RebootReason.Command, rig.Device.LastReason);
            Assert.AreEqual(commits + 1, rig.Device.StoreCommitsAtReboot, "the log was rewritten before the reboot");
            Assert.IsFalse(rig.Node.Queue.IsStoreFaulted);
            int queued = rig.Node.Sampler.ReadingsQueued;
            rig.Run(60000);
            Assert.AreEqual(queued, rig.Node.Sampler.ReadingsQueued);
        }

        [TestMethod]
        public void Diagnostics_go_out_at_boot_and_then_every_n_acknowledged_data_payloads()
        {
            NodeRig rig = new NodeRig();
            rig.Config.Set(ConfigKeys.SamplingBatch, 2);
            rig.Config.Set(ConfigKeys.DiagnosticsEvery, 3);
            rig.Build();
            rig.Run(150000);

            int acked = rig.Node.Publisher.PayloadsAcked;
            Assert.IsTrue(acked >= 9);
            Assert.AreEqual(1 + (acked / 3), rig.DiagnosticsPayloads().Count);
            string diagnostics = (string)rig.DiagnosticsPayloads()[1];
            Assert.AreEqual(1, NodeRig.Count(diagnostics, "{\"variable\":\"fw_version\",\"value\":\"1.2.3-test\""));
            Assert.AreEqual(1, NodeRig.Count(diagnostics, "\"variable\":\"sensor_errors\",\"value\":0,"));
        }
    }
}
