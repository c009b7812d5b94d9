using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class StaleAndBlockingLinkTests
    {
        [TestMethod]
        public void Stale_exception_on_the_first_reconnect_is_retried_at_once()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Mqtt.DropConnection();
            rig.Mqtt.Script(ConnectBehaviour.FailStale);
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 10000));
            Assert.AreEqual(3, rig.Mqtt.BeginCalls);
            long failedAt = (long)rig.Mqtt.AttemptTimes[1] + rig.Mqtt.ConnectDelayMs;
            long retriedAt = (long)rig.Mqtt.AttemptTimes[2];
            // Retried in the step that saw the failure: no backoff in between.
            Assert.IsTrue(retriedAt - failedAt <= 100);
            Assert.AreEqual(1, rig.Log.CountContaining("first reconnect after a drop, retrying once now"));
        }

        [TestMethod]
        public void Second_failure_after_the_stale_retry_backs_off()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Mqtt.DropConnection();
            rig.Mqtt.Script(ConnectBehaviour.FailStale);
            rig.Mqtt.Script(ConnectBehaviour.FailStale);
            Assert.IsTrue(rig.RunUntil(SessionState.MqttConnecting, 10000));
            Assert.IsTrue(rig.RunUntil(SessionState.Backoff, 10000));
            Assert.AreEqual(3, rig.Mqtt.BeginCalls);
            Assert.AreEqual(1, rig.Log.CountContaining("retrying once now"));
        }

        [TestMethod]
        public void Network_failure_on_the_first_reconnect_is_not_retried_at_once()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Mqtt.DropConnection();
            rig.Mqtt.Script(ConnectBehaviour.FailNetwork);
            Assert.IsTrue(rig.RunUntil(SessionState.MqttConnecting, 10000));
            Assert.IsTrue(rig.RunUntil(SessionState.Backoff, 10000));
            Assert.AreEqual(0, rig.Log.CountContaining("retrying once now"));
        }

        [TestMethod]
        public void Connect_blocking_for_40_s_does_not_stop_the_steps()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.ConnectDelayMs = 40000;
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.MqttConnecting, 10000));
            rig.Run(39000, 100);
            Assert.AreEqual((int)SessionState.MqttConnecting, (int)rig.Supervisor.State);
            // The step returns at once while the connect is blocked: the supervisor asks to be stepped again soon.
            Assert.AreEqual(rig.Clock.NowMs + ConnectionSupervisor.AttemptPollMs, rig.Supervisor.NextDueMs);
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 2000));
        }

        [TestMethod]
        public void Connect_outliving_the_deadline_is_abandoned_and_its_late_success_closed()
        {
            SessionRig rig = new SessionRig();
            rig.Options.MqttConnectTimeoutMs = 30000;
            rig.Mqtt.ConnectDelayMs = 40000;
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.MqttConnecting, 10000));
            Assert.IsTrue(rig.RunUntil(SessionState.Backoff, 31000));
            Assert.AreEqual(1, rig.Log.CountContaining("mqtt connect timed out after 30000 ms"));
            Assert.AreEqual(1, rig.Mqtt.ClosesWhileAttemptRunning);
            int closes = rig.Mqtt.CloseCalls;
            // The blocked worker still reports success at 40 s: the supervisor must not keep that session.
            rig.Mqtt.ConnectDelayMs = 100;
            rig.Run(11000);
            Assert.IsTrue(rig.Mqtt.CloseCalls > closes);
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 60000));
            Assert.AreEqual(2, rig.Mqtt.BeginCalls);
        }
    }
}
