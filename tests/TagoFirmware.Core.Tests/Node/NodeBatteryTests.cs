using nanoFramework.TestFramework;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;

namespace TagoFirmware.Tests.Node
{
    /// <summary>
    /// Battery mode (deep sleep): one wake = start, one sample on the light pipeline, append to the persisted queue,
    /// publish only on every Nth wake (or with a backlog), graceful disconnect, then sleep.
    /// </summary>
    [TestClass]
    public class NodeBatteryTests
    {
        private static NodeRig BatteryRig()
        {
            NodeRig rig = new NodeRig();
            rig.Config.Set(ConfigKeys.DeepSleep, true);
            rig.Config.Set(ConfigKeys.SleepWakeInterval, 300);
            rig.Config.Set(ConfigKeys.SleepPublishEvery, 3);
            rig.Config.Set(ConfigKeys.SleepBacklogThreshold, 60);
            rig.Config.Set(ConfigKeys.SleepPublishDeadline, 30);
            rig.Platform.Boot = BootReason.TimerWake;
            return rig;
        }

        /// <summary>Runs wakes until one that publishes has been built (not yet run); returns the wakes before it.</summary>
        private static int WakeUntilPublishing(NodeRig rig)
        {
            int wakes = 0;
            rig.Build();
            while (rig.Log.CountContaining("then publishing") == 0)
            {
                Assert.IsTrue(rig.RunUntilSleep(20000), "a sampling-only wake sleeps right after its sample");
                wakes++;
                rig.Clock.NowMs += rig.Node.SleepMilliseconds;
                rig.Build();
            }

            return wakes;
        }

        [TestMethod]
        public void A_wake_that_does_not_publish_sleeps_right_after_its_sample_without_touching_the_radio()
        {
            NodeRig rig = BatteryRig();
            rig.Build();
            Assert.AreEqual(1, rig.Log.CountContaining("sampling only"));
            long start = rig.Clock.NowMs;

            Assert.IsTrue(rig.RunUntilSleep(20000));

            long awake = rig.Clock.NowMs - start;
            Assert.IsTrue(awake < 5000, "light pipeline: one discarded read and one read");
            Assert.AreEqual(0, rig.Network.BeginCalls);
            Assert.AreEqual(0, rig.Mqtt.BeginCalls);
            Assert.AreEqual(2, rig.Node.Queue.Count);
            Assert.AreEqual(1, rig.Node.Sampler.CyclesCompleted);
            Assert.AreEqual((int)(300000 - awake), rig.Node.SleepMilliseconds);
        }

        [TestMethod]
        public void A_publishing_wake_sends_the_stored_readings_and_sleeps_after_the_ack_with_a_graceful_disconnect()
        {
            NodeRig rig = BatteryRig();
            int sampledOnly = WakeUntilPublishing(rig);
            Assert.IsTrue(sampledOnly >= 1);
            Assert.AreEqual(sampledOnly * 2, rig.Node.Queue.Count);
            long start = rig.Clock.NowMs;

            Assert.IsTrue(rig.RunUntilSleep(60000));

            Assert.AreEqual(0, rig.Node.Queue.Count);
            string all = NodeRig.Join(rig.DataPayloads());
            Assert.AreEqual(sampledOnly + 1, NodeRig.Count(all, "\"variable\":\"temperature\""));
            Assert.AreEqual(1, rig.Mqtt.DisconnectCalls, "DISCONNECT, so the broker does not publish the offline will");
            Assert.AreEqual(1, rig.Log.CountContaining("every due reading acknowledged"));
            Assert.IsTrue(rig.Clock.NowMs - start < 30000);
            Assert.AreEqual(0, rig.DiagnosticsPayloads().Count, "timer wakes do not bill diagnostics every time");
        }

        [TestMethod]
        public void A_publishing_wake_without_a_broker_sleeps_at_the_deadline_and_keeps_its_readings()
        {
            NodeRig rig = BatteryRig();
            rig.BrokerUp = false;
            int sampledOnly = WakeUntilPublishing(rig);
            long start = rig.Clock.NowMs;

            Assert.IsTrue(rig.RunUntilSleep(60000));

            long awake = rig.Clock.NowMs - start;
            Assert.IsTrue(awake >= 30000 && awake <= 30200);
            Assert.AreEqual((sampledOnly + 1) * 2, rig.Node.Queue.Count);
            Assert.AreEqual(1, rig.Log.CountContaining("publish deadline passed"));
            Assert.AreEqual((int)(300000 - awake), rig.Node.SleepMilliseconds);

            // The next boot finds them all in the log.
            rig.Clock.NowMs += rig.Node.SleepMilliseconds;
            rig.Build();
            Assert.AreEqual((sampledOnly + 1) * 2, rig.Node.Queue.Count);
        }

        [TestMethod]
        public void A_command_sent_when_the_online_status_appears_is_applied_before_the_node_sleeps()
        {
            NodeRig rig = BatteryRig();
            WakeUntilPublishing(rig);
            while (!rig.Node.Supervisor.IsOnline)
            {
                rig.Run(NodeRig.StepMs);
            }

            long start = rig.Clock.NowMs;
            rig.Command("interval", "600");
            Assert.IsTrue(rig.RunUntilSleep(60000));

            Assert.AreEqual(600, rig.Node.Commands.IntervalSeconds);
            Assert.IsTrue(rig.Clock.NowMs - start >= 1900, "the wake stays connected for the command window");
            Assert.IsTrue(rig.Node.SleepMilliseconds > 590000);
            Assert.IsNotNull(rig.Overrides.Record);
        }

        [TestMethod]
        public void A_backlog_above_the_threshold_makes_a_wake_publish()
        {
            NodeRig rig = BatteryRig();
            rig.Config.Set(ConfigKeys.SleepPublishEvery, 1000);
            rig.Config.Set(ConfigKeys.SleepBacklogThreshold, 6);
            rig.BrokerUp = false;
            int sampledOnly = WakeUntilPublishing(rig);

            Assert.AreEqual(2, sampledOnly);
            Assert.AreEqual(4, rig.Node.Queue.Count);
        }

        [TestMethod]
        public void A_wake_interval_shorter_than_the_time_awake_still_sleeps_one_second()
        {
            NodeRig rig = BatteryRig();
            rig.Config.Set(ConfigKeys.SleepWakeInterval, 10);
            rig.BrokerUp = false;
            WakeUntilPublishing(rig);

            Assert.IsTrue(rig.RunUntilSleep(60000));
            Assert.AreEqual(1000, rig.Node.SleepMilliseconds);
        }
    }
}
