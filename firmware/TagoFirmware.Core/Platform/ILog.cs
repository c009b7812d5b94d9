namespace TagoFirmware.Platform
{
    /// <summary>
    /// Where the core writes its log lines. Lines start with stable markers (see README "How the node behaves") that
    /// tests and field tools match on.
    /// </summary>
    /// <remarks>
    /// Port contract: <see cref="Write"/> returns quickly (device: <c>Debug.WriteLine</c> or a small ring; host:
    /// console), never throws, and may drop lines under pressure. Implementations must be thread-safe: the core
    /// writes from the main loop thread, but on the device the same instance is also written from other threads (the
    /// watchdog thread's hang line, the device control's reboot line, the flush hook's line when the watchdog calls
    /// <c>SensorNode.FlushForReboot</c>), so a line must come out whole and the sink's state (a ring, a file, a
    /// console) must be guarded. The core never passes secrets (tokens, WiFi passwords); an implementation must not add any either (for example by
    /// dumping a configuration object).
    /// </remarks>
    public interface ILog
    {
        /// <summary>Writes one line.</summary>
        void Write(LogLevel level, string message);
    }
}
