using System;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Sensors;

namespace TagoFirmware.Host.Tests.Sensors
{
    /// <summary>The core's own logarithm and dew point against System.Math on the host.</summary>
    [TestClass]
    public class DewPointOracleTests
    {
        [TestMethod]
        public void The_natural_log_matches_math_log_to_1e_minus_14_relative()
        {
            Gen.Double[1e-300, 1e300].Sample(x =>
            {
                double expected = Math.Log(x);
                double actual = DewPoint.NaturalLog(x);
                Assert.IsTrue(Math.Abs(actual - expected) <= 1e-14 * Math.Max(1.0, Math.Abs(expected)), $"ln({x}) = {actual}, Math.Log = {expected}");
            }, iter: 20000);
        }

        [TestMethod]
        public void The_dew_point_matches_the_magnus_formula_computed_with_system_math()
        {
            Gen.Select(Gen.Int[-400, 800], Gen.Int[1, 1000]).Sample((t, h) =>
            {
                double tc = t / 10.0;
                double gamma = Math.Log(h / 1000.0) + 17.625 * tc / (243.04 + tc);
                double td = 243.04 * gamma / (17.625 - gamma);
                double scaled = td * 10.0;
                // Skip exact rounding ties, where 1 ulp decides the direction.
                if (Math.Abs(scaled - Math.Floor(scaled) - 0.5) < 1e-9)
                {
                    return;
                }

                Assert.IsTrue(DewPoint.TryCompute(t, h, out int dew));
                Assert.AreEqual((int)Math.Round(scaled, MidpointRounding.AwayFromZero), dew, $"T={t} RH={h}");
                Assert.IsTrue(dew <= t, "the dew point never exceeds the temperature");
            }, iter: 20000);
        }
    }
}
