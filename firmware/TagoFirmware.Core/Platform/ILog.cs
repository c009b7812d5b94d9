namespace TagoFirmware.Platform
{
    /// <summary>Where the core writes its log lines (stable markers, README "How the node behaves").</summary>
    /// <remarks>Quick, never throws, may drop lines; thread-safe (the watchdog thread writes too). The core passes no secrets; an implementation must add none.</remarks>
    public interface ILog
    {
        /// <summary>Writes one line.</summary>
        void Write(LogLevel level, string message);
    }
}
