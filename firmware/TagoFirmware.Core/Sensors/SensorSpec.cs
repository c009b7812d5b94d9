namespace TagoFirmware.Sensors
{
    /// <summary>
    /// What a sensor model measures and how often it may be read, in tenths (°C × 10, %RH × 10), from the Aosong
    /// datasheets: DHT22/AM2302 and DHT21/AM2301 −40…80 °C, 0…100 %RH, 2 s period; DHT11 0…50 °C, 20…90 %RH, 1 s.
    /// </summary>
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
