using System;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Sensors;

namespace TagoFirmware.Host.Tests.Sensors
{
    /// <summary>The core's dew point (its own logarithm) against System.Math on the host.</summary>
    [TestClass]
    public class DewPointOracleTests
    {
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
