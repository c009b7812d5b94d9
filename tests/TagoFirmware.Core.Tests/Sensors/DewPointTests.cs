using nanoFramework.TestFramework;
using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    [TestClass]
    public class DewPointTests
    {
        [TestMethod]
        // Published dew points (Magnus over water, e.g. the NWS/Lawrence 2005 tables), to 0.1 °C.
        [DataRow(200, 500, 93)]
        [DataRow(250, 600, 167)]
        [DataRow(300, 800, 262)]
        [DataRow(100, 900, 84)]
        [DataRow(0, 500, -92)]
        [DataRow(0, 1000, 0)]
        [DataRow(350, 400, 194)]
        [DataRow(-100, 800, -128)]
        public void Dew_point_matches_published_values(int tenthsCelsius, int tenthsPercent, int expected)
        {
            int dew;
            Assert.IsTrue(DewPoint.TryCompute(tenthsCelsius, tenthsPercent, out dew));
            Assert.AreEqual(expected, dew);
        }

        [TestMethod]
        [DataRow(200, 0)]
        [DataRow(200, -5)]
        [DataRow(200, 1001)]
        [DataRow(-2500, 500)]
        public void Dew_point_is_refused_outside_the_formula(int tenthsCelsius, int tenthsPercent)
        {
            int dew;
            Assert.IsFalse(DewPoint.TryCompute(tenthsCelsius, tenthsPercent, out dew));
            Assert.AreEqual(0, dew);
        }

        [TestMethod]
        public void The_magnus_constants_are_alduchov_and_eskridge()
        {
            Assert.AreEqual(17.625, DewPoint.MagnusA);
            Assert.AreEqual(243.04, DewPoint.MagnusB);
        }
    }
}
