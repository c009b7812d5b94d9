using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class BackoffTests
    {
        [TestMethod]
        public void Supervisor_waits_within_the_window_between_failed_connects()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.FailNetwork;
            rig.Mqtt.ConnectDelayMs = 0;
            rig.Build();
            rig.Run(600000, 10);
            // Attempt k+1 starts after the failure of attempt k plus a delay drawn from window(k), uniformly (full jitter, not a fixed value).
            int low = 0;
            int high = 0;
            for (int k = 1; k < rig.Mqtt.AttemptTimes.Count; k++)
            {
                long gap = (long)rig.Mqtt.AttemptTimes[k] - (long)rig.Mqtt.AttemptTimes[k - 1];
                int window = Window(k - 1);
                Assert.IsTrue(gap <= window + 20, "gap " + gap.ToString() + " > window " + window.ToString());
                low += gap < window / 4 ? 1 : 0;
                high += gap > window * 3 / 4 ? 1 : 0;
            }

            Assert.IsTrue(low > 2 && high > 2, "low " + low.ToString() + ", high " + high.ToString());

            // 10 minutes of attempts with windows capped at 30 s (mean 15 s): far more than 20, far fewer than 200.
            Assert.IsTrue(rig.Mqtt.AttemptTimes.Count > 20);
            Assert.IsTrue(rig.Mqtt.AttemptTimes.Count < 200);
        }

        [TestMethod]
        public void Attempt_counter_resets_only_after_the_connection_stayed_up_60_s()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.FailNetwork;
            rig.Build();
            rig.Run(60000);
            int failed = rig.Log.CountContaining("mqtt attempt");
            Assert.IsTrue(failed >= 4);
            rig.Mqtt.Behaviour = ConnectBehaviour.Accept;
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 60000));
            rig.Run(59000);
            rig.Mqtt.DropConnection();
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 60000));
            Assert.AreEqual(1, rig.Log.CountContaining("(mqtt attempt " + (failed + 1).ToString() + ","), "a drop before 60 s keeps counting");
            rig.Run(60100);
            rig.Mqtt.DropConnection();
            rig.StepNow();
            Assert.AreEqual(2, rig.Log.CountContaining("(mqtt attempt 1,"), "a drop after 60 s starts over");
        }

        [TestMethod]
        public void Broker_that_accepts_then_drops_grows_the_backoff_instead_of_storming()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            for (int i = 0; i < 8; i++)
            {
                rig.Run(5000);
                rig.Mqtt.DropConnection();
                rig.RunUntil(SessionState.Online, 120000);
            }

            Assert.AreEqual(1, rig.Log.CountContaining("(mqtt attempt 8, window 30000 ms)"));
        }

        // 1, 2, 4, 8, 16 s, then the 30 s cap.
        private static int Window(int attempts) => attempts >= 5 ? 30000 : 1000 << attempts;
    }
}
