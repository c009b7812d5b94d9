using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class StatusPatternsTests
    {
        // Slot i of 100 ms is bit i; the 2 s cycle has 20 slots.
        [TestMethod]
        [DataRow((int)NodeStatus.Starting, 0xFFFFF)]
        [DataRow((int)NodeStatus.NoWifi, 0x003FF)]
        [DataRow((int)NodeStatus.NoClock, 0x00005)]
        [DataRow((int)NodeStatus.NoBroker, 0x00015)]
        [DataRow((int)NodeStatus.CredentialsRefused, 0x55555)]
        [DataRow((int)NodeStatus.Online, 0x00001)]
        [DataRow((int)NodeStatus.ConfigInvalid, 0x00CFF)]
        public void Each_status_has_its_own_pattern(int status, int mask)
        {
            Assert.AreEqual(mask, StatusPatterns.Mask((NodeStatus)status));
        }

        [TestMethod]
        public void No_two_statuses_blink_alike_and_every_pattern_fits_the_cycle()
        {
            for (int a = 0; a <= (int)NodeStatus.ConfigInvalid; a++)
            {
                Assert.AreEqual(0, StatusPatterns.Mask((NodeStatus)a) >> StatusPatterns.Slots);
                for (int b = a + 1; b <= (int)NodeStatus.ConfigInvalid; b++)
                {
                    Assert.AreNotEqual(StatusPatterns.Mask((NodeStatus)a), StatusPatterns.Mask((NodeStatus)b));
                }
            }
        }
    }
}
