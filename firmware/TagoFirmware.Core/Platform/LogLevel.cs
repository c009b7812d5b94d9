namespace TagoFirmware.Platform
{
    /// <summary>Severity of a log line.</summary>
    public enum LogLevel
    {
        /// <summary>Detail for development.</summary>
        Debug = 0,

        /// <summary>Normal state transitions.</summary>
        Info = 1,

        /// <summary>Recoverable trouble (connect failed, dead link, backoff).</summary>
        Warning = 2,

        /// <summary>Needs a human (credentials refused, invalid config, reboot).</summary>
        Error = 3,
    }
}
