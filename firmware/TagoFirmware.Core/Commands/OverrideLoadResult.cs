namespace TagoFirmware.Commands
{
    /// <summary>What <see cref="CommandOverrides.Load"/> found at boot. Stable values: they appear in log lines.</summary>
    public enum OverrideLoadResult
    {
        /// <summary>No record stored: the configuration's values apply.</summary>
        NoRecord = 0,

        /// <summary>The stored overrides apply.</summary>
        Applied = 1,

        /// <summary>The record is damaged (length, magic, version or CRC): ignored, configuration values apply.</summary>
        Corrupt = 2,

        /// <summary>The record was made against another configuration file: a newly deployed configuration resets the
        /// overrides, so the record was cleared and the configuration's values apply.</summary>
        ConfigChanged = 3,

        /// <summary>The record's values are outside today's limits (e.g. a larger minimum interval): ignored.</summary>
        OutOfRange = 4,
    }
}
