using nanoFramework.TestFramework;
using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    [TestClass]
    public class SensorSpecTests
    {
        [TestMethod]
        [DataRow(22, 2000, -400, 800, 0, 1000)]
        [DataRow(21, 2000, -400, 800, 0, 1000)]
        [DataRow(11, 1000, 0, 500, 200, 900)]
        public void Each_model_carries_its_datasheet_limits(int model, int gapMs, int minC, int maxC, int minH, int maxH)
        {
            SensorSpec spec = SensorSpec.ForModel((SensorModel)model);

            Assert.AreEqual(model, (int)spec.Model);
            Assert.AreEqual(gapMs, spec.MinReadIntervalMs);
            Assert.AreEqual(minC, spec.MinTenthsCelsius);
            Assert.AreEqual(maxC, spec.MaxTenthsCelsius);
            Assert.AreEqual(minH, spec.MinTenthsPercent);
            Assert.AreEqual(maxH, spec.MaxTenthsPercent);
        }

        [TestMethod]
        public void No_model_has_no_spec()
        {
            Assert.IsNull(SensorSpec.ForModel(SensorModel.None));
            Assert.IsNull(SensorSpec.ForModel((SensorModel)42));
        }

        [TestMethod]
        [DataRow("DHT22", 22)]
        [DataRow("am2302", 22)]
        [DataRow(" dht21 ", 21)]
        [DataRow("AM2301", 21)]
        [DataRow("Dht11", 11)]
        public void Model_names_parse_case_insensitively_with_their_aliases(string name, int expected)
        {
            SensorModel model;
            Assert.IsTrue(SensorSpec.TryParseModel(name, out model));
            Assert.AreEqual(expected, (int)model);
        }

        [TestMethod]
        [DataRow("DHT33")]
        [DataRow("")]
        [DataRow("22")]
        public void Unknown_model_names_are_refused(string name)
        {
            SensorModel model;
            Assert.IsFalse(SensorSpec.TryParseModel(name, out model));
            Assert.AreEqual(0, (int)model);
            Assert.IsFalse(SensorSpec.TryParseModel(null, out model));
        }
    }
}
