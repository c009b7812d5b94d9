using nanoFramework.TestFramework;
using TagoFirmware.Sensors;

namespace TagoFirmware.Tests.Sensors
{
    [TestClass]
    public class TenthsTests
    {
        [TestMethod]
        [DataRow(21.3, 213)]
        [DataRow(21.35, 214)]
        [DataRow(21.34, 213)]
        [DataRow(-0.05, -1)]
        [DataRow(-0.04, 0)]
        [DataRow(0.04, 0)]
        [DataRow(-40.0, -400)]
        [DataRow(-10.25, -103)]
        [DataRow(100.0, 1000)]
        public void Values_round_half_away_from_zero_to_one_decimal(double value, int expected)
        {
            int tenths;
            Assert.IsTrue(ReadPipeline.TryTenths(value, out tenths));
            Assert.AreEqual(expected, tenths);
        }

        [TestMethod]
        public void Non_finite_and_huge_values_are_refused()
        {
            int tenths;
            Assert.IsFalse(ReadPipeline.TryTenths(double.NaN, out tenths));
            Assert.IsFalse(ReadPipeline.TryTenths(double.PositiveInfinity, out tenths));
            Assert.IsFalse(ReadPipeline.TryTenths(double.NegativeInfinity, out tenths));
            Assert.IsFalse(ReadPipeline.TryTenths(1e7, out tenths));
            Assert.AreEqual(0, tenths);
        }
    }
}
