using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Connection
{
    [TestClass]
    public class LinkHealthTests
    {
        [TestMethod]
        public void A_publish_unacknowledged_past_the_ack_timeout_is_a_dead_link()
        {
            LinkHealth health = new LinkHealth(3, 1000, 60000, 0);
            health.Connected(0);
            health.Track(7, false, 100);

            Assert.AreEqual(1100L, health.NextDueMs());
            Assert.IsFalse(health.IsDead(1099));
            Assert.IsTrue(health.IsDead(1100));
        }

        [TestMethod]
        public void The_connection_becomes_stable_once_after_the_stable_time()
        {
            LinkHealth health = new LinkHealth(3, 1000, 60000, 0);
            health.Connected(500);

            Assert.AreEqual(60500L, health.NextDueMs());
            Assert.IsFalse(health.BecameStable(60499));
            Assert.IsTrue(health.BecameStable(60500));
            Assert.IsFalse(health.BecameStable(70000));
            Assert.AreEqual(long.MaxValue, health.NextDueMs());
        }

        [TestMethod]
        public void Self_heal_is_due_after_the_configured_time_without_any_ack_and_restarts_when_forgotten()
        {
            LinkHealth health = new LinkHealth(3, 100000, 0, 5000);
            health.Connected(0);
            Assert.IsTrue(health.BecameStable(0));
            health.Track(1, false, 200);

            Assert.AreEqual(5200L, health.NextDueMs());
            Assert.IsFalse(health.SelfHealDue(5199));
            Assert.IsTrue(health.SelfHealDue(5200));
            Assert.AreEqual(5000L, health.UnackedForMs(5200));
            health.ForgetUnacked();
            Assert.IsFalse(health.SelfHealDue(99999));
        }

        [TestMethod]
        public void Self_heal_never_fires_when_it_is_disabled()
        {
            LinkHealth health = new LinkHealth(3, 100000, 0, 0);
            health.Connected(0);
            health.Track(1, false, 0);

            Assert.IsFalse(health.SelfHealDue(10000000));
        }
    }
}
