namespace TagoFirmware.Platform
{
    /// <summary>Where the core writes its log lines (stable markers, README "How the node behaves").</summary>
    /// <remarks>Returns quickly, never throws, may drop lines. Thread-safe (on the device the watchdog thread, device
    /// control and flush hook write too). The core never passes secrets; an implementation must not add any.</remarks>
    public interface ILog
    {
        /// <summary>Writes one line.</summary>
        void Write(LogLevel level, string message);
    }
}
