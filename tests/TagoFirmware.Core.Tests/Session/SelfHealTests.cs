using nanoFramework.TestFramework;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class SelfHealTests
    {
        private const long ThirtyFiveMinutes = 35L * 60 * 1000;

        private static SessionRig NeverAckingLink()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.AcksPublishes = false;
            return rig;
        }

        private static void PublishEveryMinute(SessionRig rig, long durationMs)
        {
            long end = rig.Clock.NowMs + durationMs;
            while (rig.Clock.NowMs < end && rig.Supervisor.State != SessionState.Rebooting)
            {
                rig.Supervisor.PublishData(new byte[] { 1 });
                rig.Run(60000, 500);
            }
        }

        [TestMethod]
        public void Connected_at_qos1_with_nothing_acked_for_30_min_announces_offline_then_asks_for_a_reboot()
        {
            SessionRig rig = NeverAckingLink();
            rig.BringOnline();
            PublishEveryMinute(rig, ThirtyFiveMinutes);
            Assert.AreEqual(1, rig.Device.Reboots);
            Assert.AreEqual((int)RebootReason.NoAckTimeout, (int)rig.Device.LastReason);
            Assert.AreEqual(UplinkTransport.OfflineMessage, System.Text.Encoding.UTF8.GetString(rig.Mqtt.LastPublish.Payload, 0, rig.Mqtt.LastPublish.Payload.Length));
            Assert.AreEqual((int)SessionState.Rebooting, (int)rig.Supervisor.State);
            Assert.AreEqual(1, rig.Log.CountContaining("self-heal: no PUBACK for"));
            // Not before 30 minutes without an ack.
            Assert.IsTrue(rig.Clock.NowMs >= 1800000);
        }

        [TestMethod]
        public void Configured_no_ack_time_is_honoured()
        {
            SessionRig rig = NeverAckingLink();
            rig.Options.NoAckRebootMs = 600000;
            rig.BringOnline();
            PublishEveryMinute(rig, 9L * 60 * 1000);
            Assert.AreEqual(0, rig.Device.Reboots);
            PublishEveryMinute(rig, 3L * 60 * 1000);
            Assert.AreEqual(1, rig.Device.Reboots);
        }

        [TestMethod]
        public void Zero_disables_the_no_ack_reboot()
        {
            SessionRig rig = NeverAckingLink();
            rig.Options.NoAckRebootMs = 0;
            rig.BringOnline();
            PublishEveryMinute(rig, ThirtyFiveMinutes);
            Assert.AreEqual(0, rig.Device.Reboots);
            Assert.IsTrue(rig.Log.CountContaining("mqtt dead link") > 10);
        }

        [TestMethod]
        public void Qos_0_never_reboots()
        {
            SessionRig rig = NeverAckingLink();
            rig.Options.Qos = 0;
            rig.BringOnline();
            PublishEveryMinute(rig, ThirtyFiveMinutes);
            Assert.AreEqual(0, rig.Device.Reboots);
        }

        [TestMethod]
        public void Auth_failed_never_reboots()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.Behaviour = ConnectBehaviour.RefuseAsException;
            rig.Build();
            rig.Run(2L * 3600 * 1000, 1000);
            Assert.AreEqual(0, rig.Device.Reboots);
            Assert.AreEqual((int)SessionState.AuthFailed, (int)rig.Supervisor.State);
        }

        [TestMethod]
        public void Broker_down_for_an_hour_does_not_reboot()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Mqtt.AcksPublishes = false;
            rig.Supervisor.PublishData(new byte[] { 1 });
            rig.Mqtt.DropConnection();
            rig.Mqtt.Behaviour = ConnectBehaviour.FailNetwork;
            rig.Run(3600000, 500);
            Assert.AreEqual(0, rig.Device.Reboots);
            rig.Mqtt.Behaviour = ConnectBehaviour.Accept;
            rig.Mqtt.AcksPublishes = true;
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 60000));
            rig.Run(1000);
            Assert.AreEqual(0, rig.Device.Reboots);
        }

        [TestMethod]
        public void Occasional_acks_keep_the_node_from_rebooting()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            for (int i = 0; i < 6; i++)
            {
                rig.Mqtt.AcksPublishes = false;
                PublishEveryMinute(rig, 20L * 60 * 1000);
                rig.Mqtt.AcksPublishes = true;
                rig.RunUntil(SessionState.Online, 60000);
                rig.Supervisor.PublishData(new byte[] { 1 });
                rig.Run(1000);
            }

            Assert.AreEqual(0, rig.Device.Reboots);
        }
    }
}
