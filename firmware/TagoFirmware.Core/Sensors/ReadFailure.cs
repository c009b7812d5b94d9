namespace TagoFirmware.Sensors
{
    /// <summary>Why a sample (or the last raw read of it) was rejected. Stable values: they appear in log lines.</summary>
    public enum ReadFailure
    {
        /// <summary>No failure.</summary>
        None = 0,

        /// <summary>The adapter reported a failed bus transaction (no response, timeout, bad checksum, all-zero frame).</summary>
        ReadFailed = 1,

        /// <summary>The adapter returned NaN or an infinity.</summary>
        NotFinite = 2,

        /// <summary>Temperature or humidity outside the model's measuring range (e.g. a DHT22 humidity above 100 %).</summary>
        OutOfRange = 3,

        /// <summary>A frame known to be garbage although its checksum passed (0 °C with 1 or 2 %RH, 0.1 °C with 1 %RH).</summary>
        GarbageFrame = 4,

        /// <summary>The median changed faster than the configured rate against the last accepted value.</summary>
        RateLimited = 5,

        /// <summary>The sensor returned the identical frame too many reads in a row (cached or frozen frame).</summary>
        StuckSensor = 6,
    }
}
