namespace TagoFirmware.Platform
{
    /// <summary>Where the core writes its log lines (README "How the node behaves"): quick, never throws, may drop lines, thread-safe; an implementation adds no secrets.</summary>
    public interface ILog
    {
        /// <summary>Writes one line.</summary>
        void Write(LogLevel level, string message);
    }
}
