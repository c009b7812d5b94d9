using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class LogAndSecretsTests
    {
        // Drives one node through every state: WiFi failure, clock wait, refusal, backoff, online, dead link,
        // stale reconnect, WiFi loss, self-heal reboot.
        private static SessionRig EveryStateScenario()
        {
            SessionRig rig = new SessionRig();
            rig.Options.AuthRetryIntervalMs = 60000;
            rig.Options.NoAckRebootMs = 300000;
            rig.Network.NextOutcome = NetworkConnectResult.Failed;
            rig.Clock.Wall = FakeClock.UnsetTime;
            rig.Mqtt.Script(ConnectBehaviour.RefuseAsException);
            rig.Mqtt.Script(ConnectBehaviour.FailTls);
            rig.Build();
            rig.Run(5000);
            rig.Network.NextOutcome = NetworkConnectResult.Connected;
            rig.Run(10000);
            rig.Clock.Wall = FakeClock.ValidTime;
            rig.RunUntil(SessionState.Online, 200000);
            rig.Supervisor.PublishData(new byte[] { 1 });
            rig.Run(2000);
            rig.Mqtt.DropConnection();
            rig.Mqtt.Script(ConnectBehaviour.FailStale);
            rig.RunUntil(SessionState.Online, 60000);
            rig.Network.Drop();
            rig.RunUntil(SessionState.Online, 60000);
            rig.Mqtt.AcksPublishes = false;
            for (int i = 0; i < 20 && rig.Supervisor.State != SessionState.Rebooting; i++)
            {
                rig.Supervisor.PublishData(new byte[] { 1 });
                rig.Run(30000);
            }

            return rig;
        }

        [TestMethod]
        public void Scenario_visits_every_state_and_logs_the_markers()
        {
            SessionRig rig = EveryStateScenario();
            Assert.AreEqual((int)SessionState.Rebooting, (int)rig.Supervisor.State);
            Assert.IsTrue(rig.Log.CountContaining("-> WifiConnecting") >= 2);
            Assert.IsTrue(rig.Log.CountContaining("-> ClockWait") >= 1);
            Assert.IsTrue(rig.Log.CountContaining("-> MqttConnecting") >= 3);
            Assert.IsTrue(rig.Log.CountContaining("-> AuthFailed") == 1);
            Assert.IsTrue(rig.Log.CountContaining("-> Backoff") >= 3);
            Assert.IsTrue(rig.Log.CountContaining("mqtt connected -> Online") >= 3);
            Assert.IsTrue(rig.Log.CountContaining("wifi lost") >= 1);
            Assert.IsTrue(rig.Log.CountContaining("mqtt dead link") >= 1);
            Assert.AreEqual(1, rig.Log.CountContaining("-> Rebooting"));
        }

        [TestMethod]
        public void Token_never_appears_in_any_log_line()
        {
            SessionRig rig = EveryStateScenario();
            Assert.IsTrue(rig.Log.Lines.Count > 20);
            for (int i = 0; i < rig.Log.Lines.Count; i++)
            {
                string line = (string)rig.Log.Lines[i];
                Assert.IsTrue(line.IndexOf(SessionRig.Token) < 0, line);
                // Not even a fragment of it.
                Assert.IsTrue(line.IndexOf("SECRET") < 0, line);
                Assert.IsTrue(line.IndexOf("5f2a9c7e") < 0, line);
            }
        }

        [TestMethod]
        public void Each_state_change_is_logged_exactly_once()
        {
            SessionRig rig = new SessionRig();
            rig.Build();
            SessionState last = rig.Supervisor.State;
            int observedChanges = 0;
            for (int i = 0; i < 3000; i++)
            {
                if (i == 500)
                {
                    rig.Mqtt.DropConnection();
                }

                if (i == 1500)
                {
                    rig.Network.Drop();
                }

                rig.Clock.NowMs += 100;
                rig.StepNow();
                if (rig.Supervisor.State != last)
                {
                    observedChanges++;
                    last = rig.Supervisor.State;
                }
            }

            // Every transition line names its target state; two lines in a row never name the same state (no
            // transition is logged twice), and the last one names the state the supervisor is in.
            string previous = null;
            int logged = 0;
            for (int i = 0; i < rig.Log.Lines.Count; i++)
            {
                string line = (string)rig.Log.Lines[i];
                int arrow = line.IndexOf(" -> ");
                if (arrow < 0)
                {
                    continue;
                }

                string target = line.Substring(arrow + 4);
                Assert.AreNotEqual(previous, target, line);
                previous = target;
                logged++;
            }

            Assert.IsTrue(observedChanges >= 8);
            Assert.IsTrue(logged >= observedChanges);
            Assert.AreEqual(ConnectionStates.StateName(rig.Supervisor.State), previous);
        }

        [TestMethod]
        public void Log_lines_name_the_broker_but_no_credentials()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            string line = rig.Log.FirstContaining("mqtt connecting to");
            Assert.IsNotNull(line);
            Assert.Contains("mqtt.tago.io:8883 tls", line);
            Assert.IsTrue(line.IndexOf("Token") < 0);
        }
    }
}
