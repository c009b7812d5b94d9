using TagoFirmware.Config;
using nanoFramework.TestFramework;

namespace TagoFirmware.Tests.Node
{
    /// <summary>A failing sensor publishes nothing for itself and is counted; the others carry on.</summary>
    [TestClass]
    public class NodeSensorTests
    {
        [TestMethod]
        public void A_failing_sensor_publishes_nothing_for_itself_and_counts_one_sensor_error_per_cycle()
        {
            NodeRig rig = new NodeRig(2);
            rig.Sensors[1].Load(SensorScript.Repeat("x", 400));
            rig.Build();
            rig.Run(70000);

            string all = NodeRig.Join(rig.DataPayloads());
            int cycles = rig.Node.Sampler.CyclesCompleted;
            Assert.IsTrue(cycles >= 4);
            Assert.AreEqual(cycles, rig.Node.Diagnostics.SensorErrors);
            Assert.AreEqual(-1, all.IndexOf("temperature_2"));
            Assert.AreEqual(-1, all.IndexOf("humidity_2"));
            Assert.IsTrue(NodeRig.Count(all, "\"variable\":\"temperature_1\"") >= 3);
            Assert.AreEqual(-1, all.IndexOf("NaN"));
            Assert.AreEqual(cycles * 2, rig.Node.Sampler.ReadingsQueued);
            Assert.AreEqual(cycles, rig.Log.CountContaining("sensor dht22-2: sample failed"));
        }

        [TestMethod]
        public void A_cycle_where_every_sensor_fails_queues_nothing()
        {
            NodeRig rig = new NodeRig();
            rig.Sensors[0].Load(SensorScript.Repeat("x", 400));
            rig.Build();
            rig.Run(40000);

            Assert.AreEqual(3, rig.Node.Sampler.CyclesCompleted);
            Assert.AreEqual(0, rig.Node.Sampler.ReadingsQueued);
            Assert.AreEqual(0, rig.DataPayloads().Count);
            Assert.AreEqual(3, rig.Node.Diagnostics.SensorErrors);
        }

        [TestMethod]
        public void Dew_point_is_published_with_its_own_variable_when_configured()
        {
            NodeRig rig = new NodeRig();
            rig.Config.Sensors[0].Set(ConfigKeys.SensorDewPoint, true);
            rig.Config.Set(ConfigKeys.SamplingBatch, 3);
            rig.Build();
            rig.Run(10000);

            string first = (string)rig.DataPayloads()[0];
            Assert.AreEqual(1, NodeRig.Count(first, "\"variable\":\"dew_point\""));
            Assert.AreEqual(3, NodeRig.Count(first, "\"time\":\"" + rig.IsoAt(100) + "\""));
        }
    }
}
