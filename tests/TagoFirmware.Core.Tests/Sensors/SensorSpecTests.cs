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
    }
}
