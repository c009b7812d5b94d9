using TagoFirmware.Config;
using nanoFramework.TestFramework;
using TagoFirmware.Connection;
using TagoFirmware.Platform;
using TagoFirmware.Tests.Session;

namespace TagoFirmware.Tests.Node
{
    /// <summary>
    /// The node on the TagoTiP transport against a fake TagoTiP server, in fake time: short sessions, receipts that
    /// drive the queue, the server's closes at its limits, and the persisted sequence counter.
    /// </summary>
    [TestClass]
    public class NodeTagoTipSessionTests
    {
        private static NodeRig TipRig(int minSessionSeconds)
        {
            NodeRig rig = new NodeRig();
            rig.UseTagoTip(minSessionSeconds);
            rig.Build();
            return rig;
        }

        private static bool RunUntilOnline(NodeRig rig, long maxMs)
        {
            long end = rig.Clock.NowMs + maxMs;
            while (rig.Clock.NowMs < end && !rig.Node.Supervisor.IsOnline)
            {
                rig.Run(NodeRig.StepMs);
            }

            return rig.Node.Supervisor.IsOnline;
        }

        [TestMethod]
        public void A_session_subscribes_first_pushes_numbered_frames_and_ends_when_nothing_is_due()
        {
            NodeRig rig = TipRig(60);
            rig.Run(80000);

            FakeTagoTipServer server = rig.TipServer;
            Assert.IsTrue(server.Frames.Count >= 1, "a frame was pushed");
            Assert.AreEqual(FakeTagoTipServer.AckTopic, (string)rig.Mqtt.Subscriptions[0]);
            Assert.IsNull(rig.Mqtt.LastRequest.WillTopic, "TagoTiP has no will");
            Assert.AreEqual(4, rig.Mqtt.LastRequest.KeepAliveSeconds);
            Assert.AreEqual("01234567", rig.Mqtt.LastRequest.Username);
            Assert.AreEqual(FakeTagoTipServer.Serial, rig.Mqtt.LastRequest.ClientId);
            Assert.AreEqual(1L, server.SequenceOf(0));
            int data = server.DataFrame(0);
            Assert.IsTrue(data >= 0, "a data frame was pushed");
            string frame = (string)server.Frames[data];
            Assert.IsTrue(frame.IndexOf("temperature:=") > 0 && frame.IndexOf("#C") > 0, frame);
            Assert.IsTrue(rig.Node.Publisher.PayloadsAcked >= 1);
            Assert.IsTrue(rig.Node.Queue.Count <= 2, "receipted readings left the queue; only the newest cycle waits");
            Assert.IsTrue(rig.Mqtt.DisconnectCalls >= 1, "the node ended the session itself");
            Assert.AreEqual((int)SessionState.Idle, (int)rig.Node.Supervisor.State);
            Assert.AreEqual(0, rig.StatusPublishes(), "no online/offline status");
        }

        [TestMethod]
        public void A_puback_alone_removes_nothing_and_the_matching_ok_receipt_does()
        {
            NodeRig rig = TipRig(60);
            rig.TipServer.Answers = false;
            for (int i = 0; i < 800 && rig.TipServer.DataFrame(0) < 0; i++)
            {
                rig.Run(NodeRig.StepMs);
            }

            int data = rig.TipServer.DataFrame(0);
            Assert.IsTrue(data >= 0);
            rig.Run(1000);
            Assert.IsTrue(rig.Node.Supervisor.IsOnline, "waiting for the receipt");
            int queued = rig.Node.Queue.Count;
            Assert.IsTrue(queued >= 2, "PUBACKed but unreceipted readings stay queued");
            Assert.AreEqual(0, rig.Node.Publisher.PayloadsAcked);

            rig.TipServer.Send("!" + rig.TipServer.SequenceOf(data).ToString() + "|OK|" + rig.TipServer.VariablesOf(data).ToString());
            rig.Run(200);
            Assert.AreEqual(1, rig.Node.Publisher.PayloadsAcked);
            Assert.IsTrue(rig.Node.Queue.Count < queued);
        }

        [TestMethod]
        public void Unreceipted_frames_are_resent_in_the_next_session_with_a_new_number_and_a_server_close_is_no_failure()
        {
            NodeRig rig = TipRig(20);
            rig.TipServer.Answers = false;
            rig.Run(45000);
            rig.TipServer.Answers = true;
            rig.Run(60000);

            FakeTagoTipServer server = rig.TipServer;
            int first = server.DataFrame(0);
            int again = server.DataFrame(first + 1);
            Assert.IsTrue(first >= 0 && again > first);
            string a = (string)server.Frames[first];
            string b = (string)server.Frames[again];
            Assert.IsTrue(b.IndexOf(a.Substring(a.IndexOf("[") + 1, 40)) > 0, "the same readings again:\n" + a + "\n" + b);
            Assert.IsTrue(server.SequenceOf(again) > server.SequenceOf(first), "with a new !N");
            Assert.AreEqual(0, rig.Log.CountContaining("mqtt attempt"), "no backoff growth");
            Assert.AreEqual(0, rig.Log.CountContaining("mqtt dead link"));
            Assert.AreEqual(0, rig.Node.Queue.Count, "everything delivered in the end");
        }

        [TestMethod]
        public void The_servers_lifetime_close_ends_a_session_normally()
        {
            NodeRig rig = TipRig(20);
            rig.TipServer.LifetimeMs = 2000;
            rig.TipServer.Answers = false;
            rig.TipServer.AnswersDiagnostics = false;
            rig.Run(90000);
            Assert.IsTrue(rig.TipServer.LifetimeCloses >= 1);
            Assert.AreEqual(0, rig.Log.CountContaining("mqtt attempt"));
            Assert.IsTrue(rig.Node.Queue.Count > 0, "unreceipted readings stay queued");
            Assert.IsTrue(rig.Log.CountContaining("end of session") >= 1);
            Assert.AreEqual(0, rig.Log.CountContaining("dead link"));
        }

        [TestMethod]
        public void Sessions_open_at_most_once_per_min_session_s()
        {
            NodeRig rig = TipRig(30);
            rig.Config.Set(ConfigKeys.SamplingBatchInterval, 1);
            rig.Run(300000);
            int sessions = rig.Mqtt.BeginCalls;
            Assert.IsTrue(sessions >= 5 && sessions <= 11, "300 s at one session per 30-33 s: " + sessions.ToString());
            for (int i = 1; i < rig.Mqtt.AttemptTimes.Count; i++)
            {
                long gap = (long)rig.Mqtt.AttemptTimes[i] - (long)rig.Mqtt.AttemptTimes[i - 1];
                Assert.IsTrue(gap >= 30000, "gap " + gap.ToString());
            }
        }

        [TestMethod]
        public void A_refused_subscription_ends_the_session_as_rate_limited_before_any_push()
        {
            NodeRig rig = new NodeRig();
            rig.UseTagoTip(60);
            rig.Build();
            rig.Mqtt.SubackGranted = 0x80;
            rig.Run(32000);
            Assert.AreEqual(0, rig.TipServer.Frames.Count);
            Assert.IsTrue(rig.Log.CountContaining("rate-limited: SUBACK 128") >= 1);
            Assert.AreEqual((int)SessionState.Backoff, (int)rig.Node.Supervisor.State);
        }

        [TestMethod]
        public void A_missing_suback_ends_the_session_after_5_s()
        {
            NodeRig rig = new NodeRig();
            rig.UseTagoTip(60);
            rig.Build();
            rig.Mqtt.SubackGranted = -1;
            rig.Run(40000);
            Assert.AreEqual(0, rig.TipServer.Frames.Count);
            Assert.IsTrue(rig.Log.CountContaining("no SUBACK within 5000 ms") >= 1);
        }

        [TestMethod]
        public void The_sequence_counter_survives_reboots_and_never_repeats()
        {
            NodeRig rig = TipRig(20);
            rig.Run(70000);
            int before = rig.TipServer.Frames.Count;
            long last = rig.TipServer.SequenceOf(before - 1);

            rig.Build();
            rig.Run(40000);
            Assert.IsTrue(rig.TipServer.Frames.Count > before);
            Assert.IsTrue(rig.TipServer.SequenceOf(before) > last, "after the reboot: " + rig.TipServer.SequenceOf(before).ToString());
        }

        [TestMethod]
        public void Commands_arrive_as_cmd_on_the_ack_topic_and_go_through_the_command_processor()
        {
            NodeRig rig = TipRig(1);
            rig.Run(5000);
            rig.TipServer.Answers = false;
            Assert.IsTrue(RunUntilOnline(rig, 60000));
            rig.TipServer.Send("CMD|interval=30");
            rig.TipServer.Send("CMD|nonsense");
            rig.Run(200);
            Assert.AreEqual(30, rig.Node.Commands.IntervalSeconds);
            Assert.AreEqual(1, rig.Node.Diagnostics.CommandErrors);
            Assert.IsTrue(rig.Overrides.Writes >= 1, "persisted like an MQTT command");
        }

        [TestMethod]
        public void Ping_pushes_a_diagnostics_frame()
        {
            NodeRig rig = TipRig(1);
            rig.Run(5000);
            rig.TipServer.Answers = false;
            Assert.IsTrue(RunUntilOnline(rig, 60000));
            int frames = rig.TipServer.Frames.Count;
            rig.TipServer.Send("CMD|ping");
            rig.TipServer.Answers = true;
            rig.Run(30000);
            bool diagnostics = false;
            for (int i = frames; i < rig.TipServer.Frames.Count; i++)
            {
                diagnostics |= ((string)rig.TipServer.Frames[i]).IndexOf("uptime_s:=") >= 0;
            }

            Assert.IsTrue(diagnostics, "a diagnostics frame followed the ping");
        }

        [TestMethod]
        public void Without_receipts_for_reboot_after_s_while_data_is_due_the_node_reboots()
        {
            NodeRig rig = new NodeRig();
            rig.UseTagoTip(20);
            rig.Config.Set(ConfigKeys.TimeoutRebootAfter, 300);
            rig.Build();
            rig.TipServer.Answers = false;
            rig.TipServer.AnswersDiagnostics = false;
            rig.Run(320000);
            Assert.AreEqual(1, rig.Device.Reboots);
            Assert.AreEqual((int)RebootReason.NoAckTimeout, (int)rig.Device.LastReason);
        }
    }
}
