using nanoFramework.TestFramework;
using TagoFirmware.Connection;
using TagoFirmware.Tests.Session;

namespace TagoFirmware.Tests.Connection
{
    [TestClass]
    public class ProbableAuthRefusalTests
    {
        [TestMethod]
        public void The_supervisor_treats_a_probable_token_refusal_like_a_refused_token_and_names_the_token_first()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.FailProbableAuthRefusal;
            rig.Build();
            Assert.IsTrue(rig.RunUntil(SessionState.AuthFailed, 10000));
            Assert.AreEqual(1, rig.Supervisor.AuthFailures);
            Assert.AreEqual(1, rig.Mqtt.CloseCalls);
            Assert.AreEqual((int)NodeStatus.CredentialsRefused, (int)rig.Status.Last);
            string line = rig.Log.FirstContaining("AuthFailed");
            int token = line.IndexOf("token");
            Assert.IsTrue(token >= 0 && token < line.IndexOf("MQTT version") && token < line.IndexOf("per-IP"), line);
            int attempts = rig.Mqtt.AttemptTimes.Count;
            rig.Run(rig.Options.AuthRetryIntervalMs - 1000, 500);
            Assert.AreEqual(attempts, rig.Mqtt.AttemptTimes.Count, "no reconnect storm: the next attempt waits the auth retry interval");
        }
    }
}
