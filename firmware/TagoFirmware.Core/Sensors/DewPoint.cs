namespace TagoFirmware.Sensors
{
    /// <summary>Dew point by the Magnus formula over water, Td = b·γ/(a−γ), γ = ln(RH/100) + a·T/(b+T), a = 17.625,
    /// b = 243.04 °C (Alduchov &amp; Eskridge 1996, J. Appl. Meteor. 35; error below 0.35 °C for −40…50 °C).</summary>
    /// <remarks>Own logarithm: nanoFramework's mscorlib has no <c>System.Math</c>; host tests compare the dew point with <c>System.Math</c>.</remarks>
    public static class DewPoint
    {
        /// <summary>Magnus coefficient a (dimensionless), Alduchov &amp; Eskridge 1996.</summary>
        public const double MagnusA = 17.625;

        /// <summary>Magnus coefficient b in °C, Alduchov &amp; Eskridge 1996.</summary>
        public const double MagnusB = 243.04;

        private const double Ln2 = 0.69314718055994530942;

        /// <summary>Computes the dew point in tenths of a degree Celsius from tenths of °C and tenths of %RH.</summary>
        public static bool TryCompute(int tenthsCelsius, int tenthsPercent, out int dewPointTenths)
        {
            double t = tenthsCelsius / 10.0;
            if (tenthsPercent <= 0 || tenthsPercent > 1000 || t <= -MagnusB + 1.0)
            {
                dewPointTenths = 0;
                return false;
            }

            double gamma = NaturalLog(tenthsPercent / 1000.0) + MagnusA * t / (MagnusB + t);
            double td = MagnusB * gamma / (MagnusA - gamma);
            return ReadPipeline.TryTenths(td, out dewPointTenths);
        }

        // ln x for x = RH in (0, 1]: x = m·2^k, m in [1, 2), ln m = 2·atanh(s) = 2·(s + s³/3 + s⁵/5 + …), s = (m−1)/(m+1) < 1/3,
        // so 20 terms leave an error below 3^-41, under a double's precision.
        private static double NaturalLog(double x)
        {
            int k = 0;
            while (x < 1.0)
            {
                x *= 2.0;
                k--;
            }

            double s = (x - 1.0) / (x + 1.0);
            double s2 = s * s;
            double term = s;
            double sum = 0.0;
            for (int n = 1; n < 40; n += 2)
            {
                sum += term / n;
                term *= s2;
            }

            return 2.0 * sum + k * Ln2;
        }
    }
}
