using nanoFramework.TestFramework;
using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    [TestClass]
    public class DhtCacheGuardTests
    {
        // The last good frame was read at monotonic 10 000 ms and wall 50 000 ms.
        [TestMethod]
        [DataRow(12000, 52000, DhtCacheGuard.Read)]
        [DataRow(11000, 51000, DhtCacheGuard.Read)]
        [DataRow(10999, 50999, DhtCacheGuard.TooEarly)]
        [DataRow(10500, 50500, DhtCacheGuard.TooEarly)]
        [DataRow(12000, 50999, DhtCacheGuard.ClockStepped)]
        [DataRow(11000, 50500, DhtCacheGuard.TooEarly)]
        [DataRow(12000, 51000, DhtCacheGuard.Read)]
        [DataRow(11500, 50400, DhtCacheGuard.ClockStepped)]
        [DataRow(12000, 48000, DhtCacheGuard.ClockStepped)]
        [DataRow(60000, 20000, DhtCacheGuard.ClockStepped)]
        [DataRow(10800, 49900, DhtCacheGuard.TooEarly)]
        public void A_read_is_allowed_only_when_the_binding_cannot_serve_its_cached_frame(int monotonicMs, int wallMs, int expected)
        {
            DhtCacheGuard guard = new DhtCacheGuard();
            guard.Good(10000, 50000);
            Assert.AreEqual(expected, guard.Check(monotonicMs, wallMs));
        }

        [TestMethod]
        public void Without_a_good_frame_every_read_is_allowed()
        {
            DhtCacheGuard guard = new DhtCacheGuard();
            Assert.AreEqual(DhtCacheGuard.Read, guard.Check(0, 0));
            guard.Good(10000, 50000);
            guard.Forget();
            Assert.AreEqual(DhtCacheGuard.Read, guard.Check(10001, 50001));
        }
    }
}
