namespace TagoFirmware.Config
{
    /// <summary>The <c>sampling</c> group: how often sensors are read and how readings are batched.</summary>
    public sealed class SamplingConfig
    {
        private readonly ConfigValues _v;

        internal SamplingConfig(ConfigValues values) => _v = values;

        /// <summary><c>sampling.interval_s</c>: seconds between sampling cycles.</summary>
        public int IntervalSeconds { get => _v.Number(ConfigKeys.SamplingInterval); set => _v.SetNumber(ConfigKeys.SamplingInterval, value); }

        /// <summary><c>sampling.batch</c>: readings per payload.</summary>
        public int Batch { get => _v.Number(ConfigKeys.SamplingBatch); set => _v.SetNumber(ConfigKeys.SamplingBatch, value); }

        /// <summary><c>sampling.batch_interval_s</c>: publish once the oldest unsent reading is this old.</summary>
        public int BatchIntervalSeconds { get => _v.Number(ConfigKeys.SamplingBatchInterval); set => _v.SetNumber(ConfigKeys.SamplingBatchInterval, value); }

        /// <summary><c>sampling.payload_buffer_bytes</c>: size of the fixed JSON payload buffer.</summary>
        public int PayloadBufferBytes { get => _v.Number(ConfigKeys.SamplingPayloadBuffer); set => _v.SetNumber(ConfigKeys.SamplingPayloadBuffer, value); }
    }
}
