namespace TagoFirmware.Sensors
{
    /// <summary>Tunables of one <see cref="ReadPipeline"/> (which keeps them: set them before) and its model's datasheet limits.</summary>
    public sealed class ReadPipelineSettings
    {
        /// <summary>Power-on settle ms: the DHT22/AM2302 and DHT11 datasheets ask for no start signal within 1 s of power-on.</summary>
        public const int PowerOnSettleMs = 1000;

        /// <summary>Consecutive failed samples after which the sensor is power-cycled (needs an <see cref="IPowerSwitch"/>).</summary>
        public const int PowerCycleAfterFailures = 3;

        /// <summary>How long the supply stays off during a power cycle, in ms.</summary>
        public const int PowerOffMs = 1000;

        /// <summary>Rate rejections in a row before the next sample is the new baseline (so a real step cannot lock the sensor out).</summary>
        public const int MaxConsecutiveRateRejections = 2;

        /// <summary>Settings for <paramref name="model"/>: mains-powered a median of 3, 2 retries, rate and stuck checks; <paramref name="battery"/>
        /// (deep sleep) one read, one retry, no stuck detection (its state would not survive deep sleep).</summary>
        public ReadPipelineSettings(SensorModel model, bool battery)
        {
            // Aosong datasheets: DHT22/AM2302 and DHT21/AM2301 −40…80 °C, 0…100 %RH, 2 s period; DHT11 0…50 °C, 20…90 %RH, 1 s.
            bool dht11 = model == SensorModel.Dht11;
            if (dht11 || model == SensorModel.Dht21 || model == SensorModel.Dht22)
            {
                ModelName = "DHT" + ((int)model).ToString();
                MinReadIntervalMs = dht11 ? 1000 : 2000;
                MinTenthsCelsius = dht11 ? 0 : -400;
                MaxTenthsCelsius = dht11 ? 500 : 800;
                MinTenthsPercent = dht11 ? 200 : 0;
                MaxTenthsPercent = dht11 ? 900 : 1000;
            }

            ReadsPerSample = battery ? 1 : 3;
            RetriesPerSample = battery ? 1 : 2;
            MaxTemperatureRateTenthsPerSecond = 5;
            MaxHumidityRateTenthsPerSecond = 20;
            StuckReadLimit = battery ? 0 : 20;
        }

        /// <summary>Canonical model name ("DHT11", "DHT21", "DHT22"); null for an unknown model.</summary>
        public readonly string ModelName;

        /// <summary>Smallest gap between two raw reads in ms (datasheet sampling period); 0 for an unknown model.</summary>
        public readonly int MinReadIntervalMs;

        /// <summary>Lowest temperature the model measures, °C × 10.</summary>
        public readonly int MinTenthsCelsius;

        /// <summary>Highest temperature the model measures, °C × 10.</summary>
        public readonly int MaxTenthsCelsius;

        /// <summary>Lowest relative humidity the model measures, %RH × 10.</summary>
        public readonly int MinTenthsPercent;

        /// <summary>Highest relative humidity the model measures, %RH × 10.</summary>
        public readonly int MaxTenthsPercent;

        /// <summary>Good raw reads whose median makes one sample: 1, 3 or 5 (default 3).</summary>
        public int ReadsPerSample;

        /// <summary>Extra raw reads allowed per sample when reads fail or are rejected: 0…5 (default 2).</summary>
        public int RetriesPerSample;

        /// <summary>Largest accepted temperature change since the last accepted value, °C × 10 per second (at least 1 s); 0 disables. Default 5 (0.5 °C/s).</summary>
        public int MaxTemperatureRateTenthsPerSecond;

        /// <summary>Largest accepted humidity change since the last accepted value, %RH × 10 per second (at least 1 s); 0 disables. Default 20 (2 %RH/s).</summary>
        public int MaxHumidityRateTenthsPerSecond;

        /// <summary>Calibration offset added to the median temperature, in tenths of °C (±200).</summary>
        public int TemperatureOffsetTenths;

        /// <summary>Calibration offset added to the median humidity, in tenths of %RH (±200); the result is clamped to 0…100 %.</summary>
        public int HumidityOffsetTenths;

        /// <summary>Identical good reads in a row that mean a stuck sensor; 0 disables, else 3…10000, default 20.</summary>
        public int StuckReadLimit;


        /// <summary>Whether accepted samples also carry a dew point (Magnus formula). Default false.</summary>
        public bool ComputeDewPoint;

        /// <summary>Smallest sampling interval, whole seconds: (discard + reads + retries) × the model's gap (DHT22: 12 s); 0 for an unknown model.</summary>
        public int MinSamplingIntervalSeconds => (int)(((long)(1 + ReadsPerSample + RetriesPerSample) * MinReadIntervalMs + 999) / 1000);

        /// <summary>Completes "interval must be at least N s because …" for the config error and the command refusal (a known model).</summary>
        public string MinSamplingIntervalReason => "a " + ModelName + " sample may need " + (1 + ReadsPerSample + RetriesPerSample).ToString() + " reads "
                + (MinReadIntervalMs / 1000).ToString() + " s apart";
    }
}
