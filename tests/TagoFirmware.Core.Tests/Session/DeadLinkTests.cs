using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class DeadLinkTests
    {
        [TestMethod]
        public void Unacked_qos1_publish_drops_the_link_after_15_s_although_the_client_says_connected()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Run(1000);
            rig.Mqtt.AcksPublishes = false;
            int id = rig.Supervisor.PublishData(new byte[] { 1 });
            rig.Run(14900);
            Assert.AreEqual((int)SessionState.Online, (int)rig.Supervisor.State);
            rig.Run(200);
            Assert.AreEqual((int)SessionState.Backoff, (int)rig.Supervisor.State);
            Assert.AreEqual(1, rig.Log.CountContaining("mqtt dead link: no PUBACK for message " + id.ToString() + " within 15000 ms"));
            Assert.AreEqual(1, rig.Reports.Lost.Count);
            Assert.AreEqual(id, (int)rig.Reports.Lost[0]);
            Assert.AreEqual(1, rig.Reports.OfflineCount);
        }

        [TestMethod]
        public void Frozen_broker_right_after_connect_is_caught_by_the_online_status_publish()
        {
            SessionRig rig = new SessionRig();
            rig.Mqtt.AcksPublishes = false;
            rig.Options.AckTimeoutMs = 5000;
            rig.BringOnline();
            rig.Run(5200);
            Assert.AreEqual(1, rig.Log.CountContaining("mqtt dead link"));
            Assert.AreEqual(0, rig.Log.CountContaining("for message -"));
        }

        [TestMethod]
        public void Acked_publishes_keep_the_link_for_an_hour()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            for (int minute = 0; minute < 60; minute++)
            {
                Assert.IsTrue(rig.Supervisor.PublishData(new byte[] { 1 }) >= 0);
                rig.Run(60000, 500);
            }

            Assert.AreEqual((int)SessionState.Online, (int)rig.Supervisor.State);
            Assert.AreEqual(0, rig.Log.CountContaining("mqtt dead link"));
            Assert.AreEqual(60, rig.Reports.Acked.Count);
            Assert.AreEqual(1, rig.Mqtt.BeginCalls);
        }

        [TestMethod]
        public void A_connection_up_for_the_stable_time_resets_the_backoff_once_and_then_needs_no_step()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            long connectedAt = rig.Supervisor.ConnectedAtMs;
            rig.Run(1000);
            Assert.AreEqual(connectedAt + ConnectionStates.StableConnectionMs, rig.Supervisor.NextDueMs);
            rig.Run(ConnectionStates.StableConnectionMs + 60000);
            Assert.AreEqual(1, rig.Log.CountContaining("mqtt stable: backoff reset"));
            Assert.AreEqual(long.MaxValue, rig.Supervisor.NextDueMs);
        }

        [TestMethod]
        public void Dead_link_reconnects_and_acks_resume()
        {
            SessionRig rig = new SessionRig();
            rig.BringOnline();
            rig.Mqtt.AcksPublishes = false;
            rig.Supervisor.PublishData(new byte[] { 1 });
            rig.Run(16000);
            rig.Mqtt.AcksPublishes = true;
            Assert.IsTrue(rig.RunUntil(SessionState.Online, 10000));
            int id = rig.Supervisor.PublishData(new byte[] { 2 });
            rig.Run(1000);
            Assert.AreEqual(id, (int)rig.Reports.Acked[rig.Reports.Acked.Count - 1]);
        }

        [TestMethod]
        public void Qos_0_publishes_are_not_tracked()
        {
            SessionRig rig = new SessionRig();
            rig.Options.Qos = 0;
            rig.BringOnline();
            rig.Run(1000);
            rig.Mqtt.AcksPublishes = false;
            Assert.IsTrue(rig.Supervisor.PublishData(new byte[] { 1 }) >= 0);
            Assert.AreEqual(0, rig.Mqtt.LastPublish.Qos);
            rig.Run(60000);
            Assert.AreEqual((int)SessionState.Online, (int)rig.Supervisor.State);
        }
    }
}
