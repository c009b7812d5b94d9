using TagoFirmware.Config;
using nanoFramework.TestFramework;
using TagoFirmware.Tests.Payload;
using TagoFirmware.Tests.Session;

namespace TagoFirmware.Tests.Node
{
    /// <summary>The run loop's step: a step that serves only a sensor read leaves the connection and the publisher alone.</summary>
    [TestClass]
    public class NodeStepDueTests
    {
        [TestMethod]
        public void A_step_that_serves_only_a_sensor_read_leaves_the_connection_alone()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(3000);
            Assert.IsTrue(rig.Node.Supervisor.IsOnline);

            int sensorOnly = 0;
            int full = 0;
            long end = rig.Clock.NowMs + 60000;
            while (rig.Clock.NowMs < end)
            {
                StepAtDue(rig);
                int takes = rig.Mqtt.TakeCalls;
                int reads = rig.Sensors[0].Reads;
                rig.Node.StepDue(rig.Clock.NowMs, false);
                if (rig.Mqtt.TakeCalls == takes)
                {
                    Assert.IsTrue(rig.Sensors[0].Reads > reads, "a step without the connection read no sensor");
                    sensorOnly++;
                }
                else
                {
                    full++;
                }
            }

            // Four more cycles of six reads 2 s apart; only the cycle ends (and their publishes) take full steps: an
            // idle online connection has no checks of its own.
            Assert.IsTrue(sensorOnly >= 8, sensorOnly.ToString() + " sensor-only steps");
            Assert.IsTrue(full >= 5 && full < 12, full.ToString() + " full steps");
            Assert.AreEqual(5, rig.Node.Sampler.CyclesCompleted);
            Assert.AreEqual(10, rig.Node.Sampler.ReadingsQueued);
        }

        [TestMethod]
        public void Stepping_only_when_due_publishes_what_stepping_every_100_ms_publishes()
        {
            NodeRig polled = new NodeRig();
            polled.Config.Set(ConfigKeys.SamplingBatch, 2);
            polled.Build();
            polled.Run(61000);

            NodeRig due = new NodeRig();
            due.Config.Set(ConfigKeys.SamplingBatch, 2);
            due.Build();
            due.Run(1000);
            while (due.Clock.NowMs < 61000)
            {
                StepAtDue(due);
                due.Node.StepDue(due.Clock.NowMs, false);
            }

            due.Run(NodeRig.StepMs);
            Assert.AreEqual(polled.Node.Sampler.ReadingsQueued, due.Node.Sampler.ReadingsQueued);
            Assert.AreEqual(NodeRig.Join(polled.DataPayloads()), NodeRig.Join(due.DataPayloads()));
            Assert.AreEqual(polled.Node.Publisher.PayloadsAcked, due.Node.Publisher.PayloadsAcked);
        }

        [TestMethod]
        public void A_link_event_makes_the_step_full_even_while_a_sensor_read_is_due()
        {
            NodeRig rig = new NodeRig();
            rig.Build();
            rig.Run(3000);
            rig.Mqtt.Deliver(NodeRig.CommandPrefix + "ping", PayloadText.Utf8(""));
            int publishes = rig.Mqtt.Publishes.Count;
            int takes = rig.Mqtt.TakeCalls;

            rig.Node.StepDue(rig.Clock.NowMs, true);

            Assert.IsTrue(rig.Mqtt.TakeCalls > takes);
            int statuses = 0;
            for (int i = publishes; i < rig.Mqtt.Publishes.Count; i++)
            {
                statuses += ((PublishRecord)rig.Mqtt.Publishes[i]).Topic == NodeRig.StatusTopic ? 1 : 0;
            }

            Assert.AreEqual(1, statuses);
        }

        private static void StepAtDue(NodeRig rig)
        {
            long next = rig.Node.NextStepDueMs;
            rig.Clock.NowMs = next > rig.Clock.NowMs ? next : rig.Clock.NowMs + 1;
            rig.UpdateWall();
        }
    }
}
