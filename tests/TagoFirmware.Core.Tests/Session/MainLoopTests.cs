using nanoFramework.TestFramework;
using TagoFirmware.Node;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class MainLoopTests
    {
        [TestMethod]
        public void Loop_waiting_on_purpose_for_an_hour_is_not_hung()
        {
            MainLoop watchdog = new MainLoop(0);
            watchdog.WaitingUntil(3600000);
            Assert.IsFalse(watchdog.IsHung(1000));
            Assert.IsFalse(watchdog.IsHung(3600000 + 119999));
        }

        [TestMethod]
        public void Loop_two_minutes_past_its_promised_time_is_hung()
        {
            MainLoop watchdog = new MainLoop(1000);
            Assert.AreEqual(120000, MainLoop.TimeoutMs);
            Assert.IsFalse(watchdog.IsHung(1000 + 119999));
            Assert.IsTrue(watchdog.IsHung(1000 + 120000));
            watchdog.WaitingUntil(200000);
            Assert.IsFalse(watchdog.IsHung(200000));
            Assert.IsTrue(watchdog.IsHung(320000));
        }

        [TestMethod]
        public void Supervisor_blocked_in_a_hung_connect_keeps_asking_for_steps()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.ConnectDelayMs = 10000000;
            rig.Build();
            MainLoop watchdog = new MainLoop(0);
            for (int i = 0; i < 100; i++)
            {
                rig.Run(5000);
                watchdog.WaitingUntil(rig.Supervisor.NextDueMs);
                Assert.IsFalse(watchdog.IsHung(rig.Clock.NowMs));
            }
        }
    }
}
