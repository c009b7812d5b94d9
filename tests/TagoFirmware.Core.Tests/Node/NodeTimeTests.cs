using nanoFramework.TestFramework;

namespace TagoFirmware.Tests.Node
{
    /// <summary>Readings taken before the clock was valid: filled-in times after the sync, dropped and counted otherwise.</summary>
    [TestClass]
    public class NodeTimeTests
    {
        [TestMethod]
        public void Readings_taken_before_the_first_clock_sync_are_published_with_filled_in_times()
        {
            NodeRig rig = new NodeRig();
            rig.WallValid = false;
            rig.Build();
            rig.Run(20000);
            Assert.AreEqual(4, rig.Node.Queue.UntimedCount);
            Assert.AreEqual(0, rig.DataPayloads().Count);

            // SNTP sets the clock: the wall clock now reads WallAtZero + monotonic.
            rig.WallValid = true;
            rig.Run(60000);

            string all = NodeRig.Join(rig.DataPayloads());
            Assert.AreEqual(2, NodeRig.Count(all, "\"time\":\"" + rig.IsoAt(100) + "\""));
            Assert.AreEqual(2, NodeRig.Count(all, "\"time\":\"" + rig.IsoAt(15000) + "\""));
            Assert.AreEqual(-1, all.IndexOf("1970"));
            Assert.AreEqual(0, rig.Node.Queue.UntimedCount);
            Assert.AreEqual(1, rig.Log.CountContaining("readings taken before the sync got their time"));
        }

        [TestMethod]
        public void Readings_of_a_boot_that_never_synced_are_dropped_and_reported_as_untimed_readings()
        {
            NodeRig rig = new NodeRig();
            rig.WallValid = false;
            rig.Build();
            rig.Run(40000);
            Assert.AreEqual(6, rig.Node.Queue.UntimedCount);

            // Power loss before any sync; the next boot has a clock.
            rig.WallValid = true;
            rig.Build();
            Assert.AreEqual(6, rig.Node.Queue.UntimedReadings);
            rig.Run(60000);

            string all = NodeRig.Join(rig.DataPayloads());
            Assert.AreEqual(1, NodeRig.Count(all, "{\"variable\":\"untimed_readings\",\"value\":6}"));
            Assert.AreEqual(-1, all.IndexOf("1970"));
            Assert.AreEqual(0, rig.Node.Queue.UnreportedUntimedReadings);
            Assert.AreEqual(1, NodeRig.Count(rig.DiagnosticsPayloads(), "{\"variable\":\"untimed_readings\",\"value\":6"));
        }
    }
}
