using nanoFramework.TestFramework;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class BackoffTests
    {
        [TestMethod]
        public void Every_delay_lies_within_its_window_which_doubles_from_the_base_to_the_cap()
        {
            Backoff backoff = new Backoff(new SeededRandomSource(7));
            for (int i = 0; i < 200; i++)
            {
                int window = backoff.WindowMs;
                Assert.AreEqual(Window(i), window);
                int delay = backoff.NextDelayMs();
                Assert.IsTrue(delay >= 0);
                Assert.IsTrue(delay <= window);
                Assert.AreEqual(i + 1, backoff.Attempts);
            }
        }

        [TestMethod]
        public void Delays_use_the_whole_window_not_a_fixed_value()
        {
            Backoff backoff = new Backoff(new SeededRandomSource(3));
            int low = 0;
            int high = 0;
            for (int i = 0; i < 400; i++)
            {
                backoff.Reset();
                int delay = backoff.NextDelayMs();
                if (delay < 250)
                {
                    low++;
                }

                if (delay > 750)
                {
                    high++;
                }
            }

            // Uniform on [0, 1000]: each quarter expects 100 of 400; 50 is more than 5 standard deviations away.
            Assert.IsTrue(low > 50);
            Assert.IsTrue(high > 50);
        }

        [TestMethod]
        public void Reset_starts_again_at_the_base_window()
        {
            Backoff backoff = new Backoff(new SeededRandomSource(1));
            backoff.NextDelayMs();
            backoff.NextDelayMs();
            backoff.NextDelayMs();
            Assert.AreEqual(8000, backoff.WindowMs);
            backoff.Reset();
            Assert.AreEqual(0, backoff.Attempts);
            Assert.AreEqual(1000, backoff.WindowMs);
        }

        [TestMethod]
        public void Supervisor_waits_within_the_window_between_failed_connects()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.FailNetwork;
            rig.Mqtt.ConnectDelayMs = 0;
            rig.Build();
            rig.Run(600000, 10);
            // Attempt k+1 starts after the failure of attempt k plus a delay drawn from window(k).
            for (int k = 1; k < rig.Mqtt.AttemptTimes.Count; k++)
            {
                long gap = (long)rig.Mqtt.AttemptTimes[k] - (long)rig.Mqtt.AttemptTimes[k - 1];
                int window = Window(k - 1);
                Assert.IsTrue(gap <= window + 20, "gap " + gap.ToString() + " > window " + window.ToString());
            }

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
