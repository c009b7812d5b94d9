namespace TagoFirmware.Config
{
    /// <summary>The <c>sampling</c> group: how often sensors are read and how readings are batched into payloads.</summary>
    public sealed class SamplingConfig
    {
        /// <summary>Default sampling interval: one sample a minute.</summary>
        public const int DefaultIntervalSeconds = 60;

        /// <summary>Longest sampling interval: one day (the same limit as the <c>interval</c> command).</summary>
        public const int MaxIntervalSeconds = 86400;

        /// <summary>Default batch: 10 readings, the guide's "10 readings or 30 seconds".</summary>
        public const int DefaultBatch = 10;

        /// <summary>Largest batch (the same limit as the <c>batch</c> command).</summary>
        public const int MaxBatch = 100;

        /// <summary>Default batch interval: 30 s, the guide's "10 readings or 30 seconds".</summary>
        public const int DefaultBatchIntervalSeconds = 30;

        /// <summary>Default payload buffer: 4 KB.</summary>
        public const int DefaultPayloadBufferBytes = 4096;

        /// <summary>Smallest payload buffer: room for the status and diagnostics payloads.</summary>
        public const int MinPayloadBufferBytes = 512;

        /// <summary>Largest payload buffer: 16 KB, TagoIO's largest accepted frame, and as much contiguous RAM as an ESP32
        /// without PSRAM can spare next to two 16.7 KB mbedTLS record buffers.</summary>
        public const int MaxPayloadBufferBytes = 16384;

        /// <summary><c>sampling.interval_s</c>: seconds between sampling cycles; from the read pipeline's minimum up to
        /// 86400. Default 60. In deep-sleep mode <c>sleep.wake_interval_s</c> takes its place.</summary>
        public int IntervalSeconds { get; set; } = DefaultIntervalSeconds;

        /// <summary><c>sampling.batch</c>: readings per payload, 1…100. Default 10.</summary>
        public int Batch { get; set; } = DefaultBatch;

        /// <summary><c>sampling.batch_interval_s</c>: publish whatever is queued once the oldest unsent reading is this
        /// old, 1…3600 s. Default 30.</summary>
        public int BatchIntervalSeconds { get; set; } = DefaultBatchIntervalSeconds;

        /// <summary><c>sampling.payload_buffer_bytes</c>: size of the fixed JSON payload buffer, 512…16384. Default 4096.</summary>
        public int PayloadBufferBytes { get; set; } = DefaultPayloadBufferBytes;
    }
}
