namespace TagoFirmware.Sensors
{
    /// <summary>Tunables of one <see cref="ReadPipeline"/> (copied at its construction); model, offsets and dew point come
    /// from the configuration, the rest are the presets below.</summary>
    public sealed class ReadPipelineSettings
    {
        /// <summary>Power-on settle time in ms: the DHT22/AM2302 and DHT11 datasheets ask the host to send no start
        /// signal within 1 s of power-on ("to pass the unstable status").</summary>
        public const int PowerOnSettleMs = 1000;

        /// <summary>Creates settings with the standard (mains-powered) defaults for <paramref name="model"/>.</summary>
        public ReadPipelineSettings(SensorModel model)
        {
            Model = model;
            ReadsPerSample = 3;
            RetriesPerSample = 2;
            MaxTemperatureRateCelsiusPerSecond = 0.5;
            MaxHumidityRatePercentPerSecond = 2.0;
            MaxConsecutiveRateRejections = 2;
            StuckReadLimit = 20;
            PowerCycleAfterFailures = 3;
            PowerOffMs = 1000;
        }

        /// <summary>A copy, for a pipeline to keep (later changes to this object must not reach it).</summary>
        public ReadPipelineSettings Copy() => (ReadPipelineSettings)MemberwiseClone();

        /// <summary>Standard pipeline: discard after power-up, median of 3, 2 retries, rate and stuck checks.</summary>
        public static ReadPipelineSettings Standard(SensorModel model) => new ReadPipelineSettings(model);

        /// <summary>Light pipeline for deep-sleeping battery nodes: one read, one retry, no stuck detection (its state would not survive deep sleep).</summary>
        public static ReadPipelineSettings Battery(SensorModel model)
        {
            ReadPipelineSettings s = new ReadPipelineSettings(model);
            s.ReadsPerSample = 1;
            s.RetriesPerSample = 1;
            s.StuckReadLimit = 0;
            return s;
        }

        /// <summary>The sensor model; decides the read gap and the range check.</summary>
        public SensorModel Model;

        /// <summary>Good raw reads whose median makes one sample: 1, 3 or 5 (default 3).</summary>
        public int ReadsPerSample;

        /// <summary>Extra raw reads allowed per sample when reads fail or are rejected: 0…5 (default 2).</summary>
        public int RetriesPerSample;

        /// <summary>Largest accepted temperature change against the last accepted value, in °C per second of elapsed
        /// time (at least one second is assumed); 0 disables. Default 0.5.</summary>
        public double MaxTemperatureRateCelsiusPerSecond;

        /// <summary>Largest accepted humidity change against the last accepted value, in %RH per second (at least one
        /// second is assumed); 0 disables. Default 2.0.</summary>
        public double MaxHumidityRatePercentPerSecond;

        /// <summary>Rate rejections in a row before the next sample is the new baseline (a real step cannot lock the sensor
        /// out); 0…100, default 2.</summary>
        public int MaxConsecutiveRateRejections;

        /// <summary>Calibration offset added to the median temperature, in tenths of °C (±200).</summary>
        public int TemperatureOffsetTenths;

        /// <summary>Calibration offset added to the median humidity, in tenths of %RH (±200); the result is clamped to 0…100 %.</summary>
        public int HumidityOffsetTenths;

        /// <summary>Identical good reads in a row that mean a stuck sensor; 0 disables, else 3…10000, default 20.</summary>
        public int StuckReadLimit;

        /// <summary>Consecutive failed samples after which the sensor is power-cycled (needs an <see cref="IPowerSwitch"/>); 0 disables. Default 3.</summary>
        public int PowerCycleAfterFailures;

        /// <summary>How long the supply stays off during a power cycle, in ms (100…60000, default 1000).</summary>
        public int PowerOffMs;

        /// <summary>Whether accepted samples also carry a dew point (Magnus formula). Default false.</summary>
        public bool ComputeDewPoint;

        /// <summary>Smallest sampling interval in whole seconds: (discard + reads + retries) × the model's gap, e.g. DHT22
        /// standard (1+3+2)×2 s = 12 s (a rare power cycle just delays a sample); 0 for an unknown model.</summary>
        public int MinSamplingIntervalSeconds
        {
            get
            {
                SensorSpec spec = SensorSpec.ForModel(Model);
                if (spec == null)
                {
                    return 0;
                }

                long ms = (long)(1 + ReadsPerSample + RetriesPerSample) * spec.MinReadIntervalMs;
                return (int)((ms + 999) / 1000);
            }
        }

        /// <summary>Completes "interval must be at least N s because …" for the config error and the command refusal.</summary>
        public string MinSamplingIntervalReason
        {
            get
            {
                SensorSpec spec = SensorSpec.ForModel(Model);
                if (spec == null)
                {
                    return "the sensor model is unknown";
                }

                return "a " + spec.Name + " sample may need " + (1 + ReadsPerSample + RetriesPerSample).ToString() + " reads "
                    + (spec.MinReadIntervalMs / 1000).ToString() + " s apart";
            }
        }
    }
}
