using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class AuthFailedTests
    {
        [TestMethod]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(0x86)]
        [DataRow(0x87)]
        public void Refusal_code_for_credentials_enters_auth_failed_and_closes_the_link(int code)
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.RefuseWithCode;
            rig.Mqtt.RefusalCode = code;
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.AuthFailed, 10000));
            Assert.AreEqual(1, rig.Supervisor.AuthFailures);
            Assert.AreEqual(1, rig.Mqtt.CloseCalls);
            Assert.AreEqual((int)NodeStatus.CredentialsRefused, (int)rig.Status.Last);
            Assert.AreEqual(1, rig.Log.CountContaining("mqtt refused: bad credentials (CONNACK " + code.ToString()));
        }

        [TestMethod]
        public void Refusal_thrown_as_exception_with_code_5_in_connection_opened_is_auth_failed()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.RefuseAsException;
            rig.Mqtt.RefusalCode = 5;
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.AuthFailed, 10000));
            Assert.AreEqual(1, rig.Log.CountContaining("mqtt refused: bad credentials (CONNACK 5, not authorized, reported as an exception)"));
        }

        [TestMethod]
        public void Server_unavailable_refusal_backs_off_instead_of_auth_failed()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.RefuseWithCode;
            rig.Mqtt.RefusalCode = 3;
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.Backoff, 10000));
            Assert.AreEqual(0, rig.Supervisor.AuthFailures);
            Assert.AreEqual(1, rig.Log.CountContaining("mqtt refused: CONNACK 3 (server unavailable)"));
        }

        [TestMethod]
        public void Auth_retries_come_no_more_often_than_the_interval_and_each_is_counted_and_logged()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.RefuseAsException;
            rig.Build();
            rig.Run(3600000, 500);
            int attempts = rig.Mqtt.AttemptTimes.Count;
            // One hour at one attempt per 5 minutes: 12 or 13 attempts, never a tight loop.
            Assert.IsTrue(attempts >= 12);
            Assert.IsTrue(attempts <= 13);
            for (int k = 1; k < attempts; k++)
            {
                long gap = (long)rig.Mqtt.AttemptTimes[k] - (long)rig.Mqtt.AttemptTimes[k - 1];
                Assert.IsTrue(gap >= 300000);
            }

            Assert.AreEqual(attempts, rig.Supervisor.AuthFailures);
            Assert.AreEqual(attempts, rig.Log.CountContaining("mqtt refused: bad credentials"));
            Assert.AreEqual(attempts, rig.Mqtt.CloseCalls);
        }

        [TestMethod]
        public void Configured_auth_retry_interval_is_honoured()
        {
            SessionRig rig = new SessionRig();
            rig.Options.AuthRetryIntervalMs = 60000;
            rig.Mqtt.Behaviour = ConnectBehaviour.RefuseWithCode;
            rig.Build();
            rig.Run(600000, 500);
            Assert.IsTrue(rig.Mqtt.AttemptTimes.Count >= 9);
            Assert.IsTrue(rig.Mqtt.AttemptTimes.Count <= 11);
        }

        [TestMethod]
        public void Wifi_loss_during_auth_failed_does_not_shorten_the_retry_interval()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.RefuseWithCode;
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.AuthFailed, 10000));
            long refusedAt = rig.Clock.NowMs;
            rig.Network.Drop();
            rig.Run(5000);
            Assert.IsTrue(rig.RunUntil(SessionState.AuthFailed, 30000));
            Assert.AreEqual(1, rig.Mqtt.BeginCalls);
            rig.Run(300000 - (rig.Clock.NowMs - refusedAt) - 200);
            Assert.AreEqual(1, rig.Mqtt.BeginCalls);
            rig.Run(1000);
            Assert.AreEqual(2, rig.Mqtt.BeginCalls);
        }

        [TestMethod]
        public void Corrected_credentials_come_online_at_the_next_auth_retry()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Script(ConnectBehaviour.RefuseWithCode);
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.AuthFailed, 10000));
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 301000));
            Assert.AreEqual(1, rig.Supervisor.AuthFailures);
        }
    }
}
