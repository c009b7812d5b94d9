namespace TagoFirmware.Sensors
{
    /// <summary>The first problem <see cref="ReadPipelineSettings.Validate"/> found. Stable values: they appear in log lines.</summary>
    public enum ReadPipelineSettingsError
    {
        /// <summary>The settings are usable.</summary>
        None = 0,

        /// <summary>The model is <see cref="SensorModel.None"/> or unknown.</summary>
        UnknownModel = 1,

        /// <summary><see cref="ReadPipelineSettings.ReadsPerSample"/> is not 1, 3 or 5.</summary>
        ReadsPerSampleOutOfRange = 2,

        /// <summary><see cref="ReadPipelineSettings.RetriesPerSample"/> is outside 0…5.</summary>
        RetriesOutOfRange = 3,

        /// <summary>A rate limit is negative, NaN or infinite.</summary>
        RateOutOfRange = 4,

        /// <summary><see cref="ReadPipelineSettings.MaxConsecutiveRateRejections"/> is outside 0…100.</summary>
        RateRejectionsOutOfRange = 5,

        /// <summary>A calibration offset is outside ±20.0 (±200 tenths).</summary>
        OffsetOutOfRange = 6,

        /// <summary><see cref="ReadPipelineSettings.StuckReadLimit"/> is neither 0 nor within 3…10000.</summary>
        StuckLimitOutOfRange = 7,

        /// <summary><see cref="ReadPipelineSettings.PowerCycleAfterFailures"/> is outside 0…1000.</summary>
        PowerCycleOutOfRange = 8,

        /// <summary><see cref="ReadPipelineSettings.PowerOffMs"/> is outside 100…60000.</summary>
        PowerOffTimeOutOfRange = 9,
    }
}
