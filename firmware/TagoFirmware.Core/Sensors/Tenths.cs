namespace TagoFirmware.Sensors
{
    /// <summary>
    /// Conversions between doubles and the scaled integers (value × 10) in which readings travel through the
    /// firmware: one decimal is what the DHT family resolves (0.1 °C / 0.1 %RH for DHT21/DHT22), and integers
    /// cannot produce NaN, "-0", exponent notation or culture-dependent separators downstream.
    /// </summary>
    public static class Tenths
    {
        /// <summary>Rounds <paramref name="value"/> to one decimal, half away from zero, and returns it scaled by ten (21.35 → 214, −0.05 → −1).</summary>
        public static bool TryFromDouble(double value, out int tenths)
        {
            tenths = 0;
            // NaN fails both comparisons, infinities fail one of them.
            if (!(value > -1000000.0 && value < 1000000.0))
            {
                return false;
            }

            double scaled = value * 10.0;
            tenths = (int)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
            return true;
        }
    }
}
