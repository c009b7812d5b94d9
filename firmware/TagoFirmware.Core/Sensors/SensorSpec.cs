namespace TagoFirmware.Sensors
{
    /// <summary>
    /// What a sensor model can measure and how often it may be read, as data. Values are in tenths (°C × 10,
    /// %RH × 10) so the pipeline compares integers. One shared immutable instance per model.
    /// </summary>
    /// <remarks>
    /// Sources:
    /// DHT22/AM2302 — Aosong "Digital-output relative humidity &amp; temperature sensor/module DHT22 (AM2302)":
    /// operating range −40…80 °C and 0…100 %RH, "sensing period average 2 s" (collecting period), resolution 0.1.
    /// DHT21/AM2301 — Aosong "AM2301 Temperature and humidity module" datasheet: the same ranges (−40…80 °C,
    /// 0…100 %RH) and the same 2 s collecting period, so it is handled exactly like the DHT22.
    /// DHT11 — Aosong/D-Robotics "DHT11 Humidity &amp; Temperature Sensor" datasheet: measurement range 20…90 %RH and
    /// 0…50 °C; its sampling period must be at least 1 s (the nanoFramework Dhtxx binding's 1 s frame cache agrees).
    /// </remarks>
    public sealed class SensorSpec
    {
        private static readonly SensorSpec s_dht11 = new SensorSpec("DHT11", 1000, 0, 500, 200, 900);
        private static readonly SensorSpec s_dht21 = new SensorSpec("DHT21", 2000, -400, 800, 0, 1000);
        private static readonly SensorSpec s_dht22 = new SensorSpec("DHT22", 2000, -400, 800, 0, 1000);

        private SensorSpec(string name, int minReadIntervalMs, int minTenthsCelsius, int maxTenthsCelsius,
            int minTenthsPercent, int maxTenthsPercent)
        {
            Name = name;
            MinReadIntervalMs = minReadIntervalMs;
            MinTenthsCelsius = minTenthsCelsius;
            MaxTenthsCelsius = maxTenthsCelsius;
            MinTenthsPercent = minTenthsPercent;
            MaxTenthsPercent = maxTenthsPercent;
        }

        /// <summary>Canonical name used in logs and configuration ("DHT11", "DHT21", "DHT22").</summary>
        public string Name { get; }

        /// <summary>Smallest allowed gap between two raw reads, in milliseconds (datasheet sampling period).</summary>
        public int MinReadIntervalMs { get; }

        /// <summary>Lowest temperature the model can measure, in tenths of a degree Celsius.</summary>
        public int MinTenthsCelsius { get; }

        /// <summary>Highest temperature the model can measure, in tenths of a degree Celsius.</summary>
        public int MaxTenthsCelsius { get; }

        /// <summary>Lowest relative humidity the model can measure, in tenths of a percent.</summary>
        public int MinTenthsPercent { get; }

        /// <summary>Highest relative humidity the model can measure, in tenths of a percent.</summary>
        public int MaxTenthsPercent { get; }

        /// <summary>The specification of <paramref name="model"/>, or null for <see cref="SensorModel.None"/> or an unknown value.</summary>
        public static SensorSpec ForModel(SensorModel model)
        {
            switch (model)
            {
                case SensorModel.Dht11:
                    return s_dht11;
                case SensorModel.Dht21:
                    return s_dht21;
                case SensorModel.Dht22:
                    return s_dht22;
                default:
                    return null;
            }
        }
    }
}
