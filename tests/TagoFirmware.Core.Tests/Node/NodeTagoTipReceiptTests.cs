using nanoFramework.TestFramework;
using TagoFirmware.Config;
using TagoFirmware.Connection;
using TagoFirmware.Diagnostics;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Node
{
    /// <summary>What each ERR code and each odd receipt on the ack topic does to the node's queue and session.</summary>
    [TestClass]
    public class NodeTagoTipReceiptTests
    {
        /// <summary>A TagoTiP node whose boot diagnostics went out; the next data frame will get <paramref name="code"/>.</summary>
        private static NodeRig RigFailingNextData(string code)
        {
            NodeRig rig = new NodeRig();
            rig.UseTagoTip(1);
            rig.Config.Set(ConfigKeys.SamplingBatch, 4);
            rig.Build();
            rig.Run(3000);
            rig.TipServer.FailNext(code);
            return rig;
        }

        private static int RunUntilDataFrame(NodeRig rig, int from)
        {
            for (int i = 0; i < 1200 && rig.TipServer.DataFrame(from) < 0; i++)
            {
                rig.Run(NodeRig.StepMs);
            }

            rig.Run(500);
            return rig.TipServer.DataFrame(from);
        }

        [TestMethod]
        [DataRow("invalid_token", (int)SessionState.AuthFailed)]
        [DataRow("device_not_found", (int)SessionState.AuthFailed)]
        [DataRow("server_error", (int)SessionState.Idle)]
        [DataRow("no_such_code", (int)SessionState.Idle)]
        public void An_error_receipt_keeps_the_frame_queued_and_ends_the_session_its_way(string code, int state)
        {
            NodeRig rig = RigFailingNextData(code);
            int frame = RunUntilDataFrame(rig, 0);
            Assert.IsTrue(frame >= 0);
            Assert.AreEqual(state, (int)rig.Node.Supervisor.State, code);
            Assert.IsTrue(rig.Node.Queue.Count >= rig.TipServer.VariablesOf(frame), "nothing left the queue");
            Assert.AreEqual(0, rig.Node.Publisher.PayloadsAcked);
            Assert.AreEqual(state == (int)SessionState.AuthFailed ? 1 : 0, rig.Node.Supervisor.AuthFailures);
        }

        [TestMethod]
        public void Rate_limited_backs_off_with_jitter_and_keeps_the_frame()
        {
            NodeRig rig = RigFailingNextData("rate_limited");
            int frame = RunUntilDataFrame(rig, 0);
            Assert.IsTrue(frame >= 0);
            Assert.AreEqual(1, rig.Log.CountContaining("rate-limited: rate_limited"));
            Assert.IsTrue(rig.Log.CountContaining("backoff") >= 1);
            Assert.AreEqual(0, rig.Node.Publisher.PayloadsAcked);
            rig.Run(20000);
            Assert.IsTrue(rig.Node.Publisher.PayloadsAcked >= 1, "sent again after the backoff");
        }

        [TestMethod]
        public void Credentials_refused_in_a_receipt_show_on_the_led_and_are_retried_slowly()
        {
            NodeRig rig = RigFailingNextData("invalid_token");
            RunUntilDataFrame(rig, 0);
            Assert.AreEqual((int)NodeStatus.CredentialsRefused, (int)rig.Status.Last);
            int attempts = rig.Mqtt.BeginCalls;
            rig.Run(rig.Config.Int(ConfigKeys.TimeoutAuthRetry) * 1000 - 2000);
            Assert.AreEqual(attempts, rig.Mqtt.BeginCalls, "no new session before the auth retry interval");
        }

        [TestMethod]
        public void Invalid_seq_jumps_the_counter_ahead_and_resends_the_frame()
        {
            NodeRig rig = RigFailingNextData("invalid_seq");
            int first = RunUntilDataFrame(rig, 0);
            int again = RunUntilDataFrame(rig, first + 1);
            Assert.IsTrue(again > first);
            Assert.AreEqual(rig.TipServer.SequenceOf(first) + 2, rig.TipServer.SequenceOf(again), "jumped by 1 (then the next value)");
            rig.Run(2000);
            Assert.IsTrue(rig.Node.Publisher.PayloadsAcked >= 1);
        }

        [TestMethod]
        public void Invalid_payload_halves_the_frame_and_quarantines_only_a_single_cycle_still_refused_and_counted_in_diagnostics()
        {
            NodeRig rig = new NodeRig();
            rig.UseTagoTip(1);
            rig.Config.Set(ConfigKeys.SamplingBatch, 8);
            rig.Config.Set(ConfigKeys.DiagnosticsEvery, 1);
            rig.Build();
            rig.TipServer.Answers = false;
            rig.Run(70000);
            int queued = rig.Node.Queue.Count;
            Assert.IsTrue(queued >= 8, "several cycles waiting: " + queued.ToString());
            rig.TipServer.Answers = true;
            rig.TipServer.FailNext("invalid_payload");
            rig.TipServer.FailNext("invalid_payload");
            rig.TipServer.FailNext("invalid_payload");
            rig.Run(60000);
            Assert.AreEqual(1, rig.Node.TagoTip.Receipts.Quarantined, "one cycle dropped");
            Assert.AreEqual(1, rig.Log.CountContaining("refused alone dropped"));
            Assert.IsTrue(rig.Node.Publisher.PayloadsAcked >= 1, "the rest delivered");

            int from = rig.TipServer.Frames.Count;
            rig.Run(120000);
            string diagnostics = null;
            for (int i = from; i < rig.TipServer.Frames.Count; i++)
            {
                if (rig.TipServer.IsDiagnostics(i))
                {
                    diagnostics = (string)rig.TipServer.Frames[i];
                }
            }

            Assert.IsNotNull(diagnostics, "a diagnostics frame followed");
            Assert.IsTrue(diagnostics.IndexOf("quarantined:=1") >= 0, diagnostics);
        }

        [TestMethod]
        public void Payload_too_large_splits_the_frame_and_resends()
        {
            NodeRig rig = new NodeRig();
            rig.UseTagoTip(1);
            rig.Config.Set(ConfigKeys.SamplingBatch, 8);
            rig.Build();
            rig.TipServer.Answers = false;
            rig.Run(70000);
            rig.TipServer.Answers = true;
            int from = rig.TipServer.Frames.Count;
            rig.TipServer.FailNext("payload_too_large");
            rig.Run(30000);
            int big = rig.TipServer.DataFrame(from);
            int half = rig.TipServer.DataFrame(big + 1);
            Assert.IsTrue(half > big);
            Assert.IsTrue(rig.TipServer.VariablesOf(half) < rig.TipServer.VariablesOf(big), "split");
            Assert.AreEqual(0, rig.Node.TagoTip.Receipts.Quarantined);
        }

        [TestMethod]
        public void Ttl_expired_and_keep_alive_timeout_end_the_session_normally()
        {
            NodeRig rig = RigFailingNextData("ttl_expired");
            RunUntilDataFrame(rig, 0);
            Assert.AreEqual((int)SessionState.Idle, (int)rig.Node.Supervisor.State);
            Assert.AreEqual(0, rig.Log.CountContaining("mqtt attempt"));
            Assert.AreEqual(0, rig.Node.Supervisor.AuthFailures);
        }

        [TestMethod]
        public void Duplicate_and_stray_receipts_are_ignored()
        {
            NodeRig rig = new NodeRig();
            rig.UseTagoTip(1);
            rig.Build();
            rig.Run(3000);
            long settled = rig.TipServer.SequenceOf(0);
            int acked = rig.Node.Publisher.PayloadsAcked;
            int queued = rig.Node.Queue.Count;
            rig.Node.Supervisor.OpenSession();
            rig.TipServer.Answers = false;
            int frame = RunUntilDataFrame(rig, 0);
            rig.TipServer.Send("!" + settled.ToString() + "|OK|11");
            rig.TipServer.Send("!4000000|OK|1");
            rig.TipServer.Send("OK|3");
            rig.Run(300);
            Assert.AreEqual(acked, rig.Node.Publisher.PayloadsAcked, "nothing delivered by them");
            Assert.IsTrue(rig.Node.Supervisor.IsOnline, "the frame in flight still waits for its own receipt");
            Assert.IsTrue(frame >= 0 && queued >= 0);
        }

        [TestMethod]
        public void A_battery_wake_sleeps_only_after_its_receipts()
        {
            NodeRig rig = new NodeRig();
            rig.UseTagoTip(60);
            rig.Config.Set(ConfigKeys.DeepSleep, true);
            rig.Config.Set(ConfigKeys.SleepWakeInterval, 300);
            rig.Config.Set(ConfigKeys.SleepPublishEvery, 1);
            rig.Config.Set(ConfigKeys.SleepPublishDeadline, 30);
            rig.Platform.Boot = BootReason.TimerWake;
            rig.Build();
            rig.TipServer.Answers = false;
            rig.TipServer.AnswersDiagnostics = false;
            long start = rig.Clock.NowMs;
            Assert.IsTrue(rig.RunUntilSleep(60000));
            Assert.IsTrue(rig.Clock.NowMs - start >= 30000, "no receipt: the wake lasts until its deadline");
            Assert.IsTrue(rig.Node.Queue.Count > 0, "and keeps the readings");

            rig.Clock.NowMs += rig.Node.SleepMilliseconds;
            rig.Build();
            rig.TipServer.Answers = true;
            rig.TipServer.AnswersDiagnostics = true;
            start = rig.Clock.NowMs;
            Assert.IsTrue(rig.RunUntilSleep(60000));
            Assert.IsTrue(rig.Clock.NowMs - start < 30000, "receipted: sleeps before the deadline");
            Assert.AreEqual(0, rig.Node.Queue.Count);
        }
    }
}
