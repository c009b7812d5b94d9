using nanoFramework.TestFramework;
using TagoFirmware.Session;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class MainLoopWatchdogTests
    {
        [TestMethod]
        public void Progressing_steps_never_count_as_hung()
        {
            MainLoopWatchdog watchdog = new MainLoopWatchdog(0);
            for (int i = 0; i < 100; i++)
            {
                Assert.IsFalse(watchdog.IsHung(i, i * 60000L));
            }
        }

        [TestMethod]
        public void Steps_stalled_for_two_minutes_count_as_hung()
        {
            MainLoopWatchdog watchdog = new MainLoopWatchdog(0);
            Assert.AreEqual(120000, watchdog.TimeoutMs);
            Assert.IsFalse(watchdog.IsHung(7, 1000));
            Assert.IsFalse(watchdog.IsHung(7, 1000 + 119999));
            Assert.IsTrue(watchdog.IsHung(7, 1000 + 120000));
        }

        [TestMethod]
        public void Supervisor_blocked_in_a_hung_connect_still_completes_steps()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.ConnectDelayMs = 10000000;
            rig.Build();
            MainLoopWatchdog watchdog = new MainLoopWatchdog(0);
            for (int i = 0; i < 100; i++)
            {
                rig.Run(5000);
                Assert.IsFalse(watchdog.IsHung(rig.Supervisor.CompletedSteps, rig.Clock.NowMs));
            }
        }
    }
}
