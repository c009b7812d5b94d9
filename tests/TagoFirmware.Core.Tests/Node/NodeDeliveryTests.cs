using System.Collections;
using TagoFirmware.Config;
using nanoFramework.TestFramework;
using TagoFirmware.Tests.Payload;

namespace TagoFirmware.Tests.Node
{
    /// <summary>Store and forward end to end through the node: offline sampling, order, time, group, acks, losses, drops.</summary>
    [TestClass]
    public class NodeDeliveryTests
    {
        [TestMethod]
        public void Readings_sampled_while_offline_are_published_after_connect_in_order_with_their_original_times()
        {
            NodeRig rig = new NodeRig();
            rig.BrokerUp = false;
            rig.Build();
            rig.Run(60000);

            Assert.AreEqual(0, rig.DataPayloads().Count);
            Assert.AreEqual(4, rig.Node.Sampler.CyclesCompleted);
            Assert.AreEqual(8, rig.Node.Queue.Count);

            rig.SetBroker(true);
            rig.Run(60000);

            string all = NodeRig.Join(rig.DataPayloads());
            int previous = -1;
            for (int c = 0; c < 4; c++)
            {
                // The first cycle starts at the first step (100 ms), the next ones on the 15 s cadence.
                string time = "\"time\":\"" + rig.IsoAt(c == 0 ? 100 : c * 15000L) + "\"";
                int at = all.IndexOf(time);
                Assert.IsTrue(at > previous, "cycle " + c.ToString() + " is published after the one before it");
                Assert.AreEqual(2, NodeRig.Count(all, time), "temperature and humidity of cycle " + c.ToString());
                previous = at;
            }

            Assert.AreEqual(-1, all.IndexOf("1970"));
        }

        [TestMethod]
        public void The_readings_of_one_cycle_share_one_time_and_one_group()
        {
            NodeRig rig = new NodeRig(2);
            rig.Config.Set(ConfigKeys.SamplingBatch, 4);
            rig.Build();
            rig.Run(20000);

            ArrayList payloads = rig.DataPayloads();
            Assert.IsTrue(payloads.Count >= 1);
            string first = (string)payloads[0];
            Assert.AreEqual(4, NodeRig.Count(first, "\"time\":\"" + rig.IsoAt(100) + "\""));
            int g = first.IndexOf("\"group\":\"");
            string group = first.Substring(g, 9 + 10 + 1);
            Assert.AreEqual(4, NodeRig.Count(first, "\"group\":\""));
            Assert.AreEqual(4, NodeRig.Count(first, group));
            Assert.AreEqual(1, NodeRig.Count(first, "\"variable\":\"temperature_1\""));
            Assert.AreEqual(1, NodeRig.Count(first, "\"variable\":\"humidity_1\""));
            Assert.AreEqual(1, NodeRig.Count(first, "\"variable\":\"temperature_2\""));
            Assert.AreEqual(1, NodeRig.Count(first, "\"variable\":\"humidity_2\""));
            Assert.AreEqual(2, NodeRig.Count(first, "\"unit\":\"\u00b0C\""));
            Assert.AreEqual(2, NodeRig.Count(first, "\"unit\":\"%\""));
        }

        [TestMethod]
        public void An_acknowledged_payload_removes_its_readings_from_the_queue()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(20000);
            Assert.AreEqual(4, rig.Node.Queue.Count);

            rig.Run(20000);

            Assert.AreEqual(1, rig.DataPayloads().Count);
            Assert.AreEqual(1, rig.Node.Publisher.PayloadsAcked);
            Assert.AreEqual(6, rig.Node.Sampler.ReadingsQueued);
            Assert.AreEqual(0, rig.Node.Queue.Count);
            Assert.AreEqual(6, NodeRig.Count((string)rig.DataPayloads()[0], "\"variable\":"));
        }

        [TestMethod]
        public void A_payload_lost_to_a_dead_link_is_sent_again_with_the_same_readings()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(30000);
            Assert.AreEqual(0, rig.DataPayloads().Count);

            rig.Mqtt.AcksPublishes = false;
            rig.Run(10000);
            Assert.AreEqual(1, rig.DataPayloads().Count);
            Assert.AreEqual(0, rig.Node.Publisher.PayloadsAcked);

            // No PUBACK within 15 s: the supervisor drops the link, the node gets the payload back and resends it.
            rig.Run(10000);
            rig.Mqtt.AcksPublishes = true;
            rig.Run(60000);

            string time = "\"time\":\"" + rig.IsoAt(100) + "\"";
            ArrayList payloads = rig.DataPayloads();
            Assert.IsTrue(payloads.Count >= 2);
            Assert.AreEqual(2, NodeRig.Count((string)payloads[0], time));
            Assert.AreEqual(2, NodeRig.Count((string)payloads[1], time), "the resend carries the first cycle again");
            Assert.IsTrue(rig.Node.Publisher.PayloadsAcked >= 1);
            Assert.IsTrue(payloads.Count > rig.Node.Publisher.PayloadsAcked);
            Assert.AreEqual(0, rig.Node.Queue.InFlightTicket);
            Assert.IsTrue(rig.Node.Queue.Count <= 2);
        }

        [TestMethod]
        public void Duplicate_and_late_acks_change_nothing()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(40000);
            int id = rig.LastDataMessageId();
            Assert.AreEqual(1, rig.Node.Publisher.PayloadsAcked);
            int depth = rig.Node.Queue.Count;

            rig.Mqtt.Ack(id);
            rig.Mqtt.Ack(id + 1000);
            rig.Mqtt.FailPublish(id);
            rig.Run(NodeRig.StepMs);

            Assert.AreEqual(1, rig.Node.Publisher.PayloadsAcked);
            Assert.AreEqual(depth, rig.Node.Queue.Count);
            Assert.AreEqual(0, rig.Node.Queue.InFlightTicket);
        }

        [TestMethod]
        public void A_full_queue_reports_exactly_the_dropped_count_as_dropped_readings_in_the_next_payload()
        {
            NodeRig rig = new NodeRig();
            rig.Config.Set(ConfigKeys.QueueCapacity, 16);
            rig.BrokerUp = false;
            rig.Build();
            rig.Run(180000);
            Assert.IsTrue(rig.Node.Queue.DroppedReadings > 0);

            rig.SetBroker(true);
            rig.Run(90000);

            ArrayList payloads = rig.DataPayloads();
            string all = NodeRig.Join(payloads);
            int published = NodeRig.Count(all, "\"variable\":\"temperature\"") + NodeRig.Count(all, "\"variable\":\"humidity\"");
            int dropped = rig.Node.Sampler.ReadingsQueued - published - rig.Node.Queue.Count;
            Assert.AreEqual(rig.Node.Queue.DroppedReadings, dropped);
            Assert.AreEqual(1, NodeRig.Count(all, "\"variable\":\"dropped_readings\""));
            Assert.AreEqual(1, NodeRig.Count((string)payloads[0], "{\"variable\":\"dropped_readings\",\"value\":" + dropped.ToString() + "}"));
            Assert.AreEqual(0, rig.Node.Queue.UnreportedDroppedReadings);
            Assert.IsTrue(rig.Log.CountContaining("queue full:") >= 1);
        }

        [TestMethod]
        public void At_qos_0_readings_leave_the_queue_when_the_publish_call_returns()
        {
            NodeRig rig = new NodeRig();
            rig.Config.Set(ConfigKeys.MqttQos, 0);
            rig.Config.Set(ConfigKeys.SamplingBatch, 2);
            rig.Build();
            rig.Mqtt.AcksPublishes = false;
            rig.Run(40000);

            Assert.IsTrue(rig.DataPayloads().Count >= 3);
            Assert.AreEqual(rig.DataPayloads().Count, rig.Node.Publisher.PayloadsAcked);
            Assert.AreEqual(0, rig.Node.Queue.Count);
            for (int i = 0; i < rig.Mqtt.Publishes.Count; i++)
            {
                TagoFirmware.Tests.Session.PublishRecord p = (TagoFirmware.Tests.Session.PublishRecord)rig.Mqtt.Publishes[i];
                Assert.AreEqual(p.Topic == NodeRig.StatusTopic ? 1 : 0, p.Qos);
            }
        }

        [TestMethod]
        public void A_diagnostics_ack_does_not_deliver_the_data_payload_sent_after_it()
        {
            NodeRig rig = new NodeRig();
            rig.Config.Set(ConfigKeys.SamplingBatch, 1);
            rig.Build();
            rig.Mqtt.AcksPublishes = false;
            rig.Run(8000);
            int diagnostics = -1;
            int data = -1;
            for (int i = 0; i < rig.Mqtt.Publishes.Count; i++)
            {
                TagoFirmware.Tests.Session.PublishRecord p = (TagoFirmware.Tests.Session.PublishRecord)rig.Mqtt.Publishes[i];
                bool isDiagnostics = PayloadText.Decode(p.Payload, p.Payload.Length).IndexOf("\"uptime_s\"") >= 0;
                if (p.Topic == NodeRig.DataTopic && isDiagnostics)
                {
                    diagnostics = p.MessageId;
                }
                else if (p.Topic == NodeRig.DataTopic && diagnostics >= 0)
                {
                    data = p.MessageId;
                }
            }

            Assert.IsTrue(diagnostics >= 0 && data >= 0, "diagnostics in flight, then a data payload");

            rig.Mqtt.Ack(diagnostics);
            rig.Run(NodeRig.StepMs);
            Assert.AreEqual(0, rig.Node.Publisher.PayloadsAcked);
            Assert.AreNotEqual(0, rig.Node.Queue.InFlightTicket);

            rig.Mqtt.Ack(data);
            rig.Run(NodeRig.StepMs);
            Assert.AreEqual(1, rig.Node.Publisher.PayloadsAcked);
        }
    }
}
