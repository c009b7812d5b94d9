namespace TagoFirmware.Platform
{
    /// <summary>
    /// Starts (or nudges) network time synchronisation. The supervisor calls it when it enters ClockWait and again
    /// every <see cref="Connection.SessionOptions.ClockResyncIntervalMs"/> while the clock stays invalid; it learns the result
    /// only through <see cref="IClock.UtcNow"/> becoming valid.
    /// </summary>
    /// <remarks>
    /// Port contract: <see cref="RequestSync"/> is non-blocking (it returns within a few milliseconds: device
    /// <c>Sntp.Start()</c> the first time, <c>Sntp.UpdateNow()</c> afterwards), idempotent, never throws (swallow and
    /// return false), and is called from the main loop thread only. The ESP32 firmware also starts SNTP by itself once
    /// it has an IP; calling this anyway is harmless. A host implementation whose clock is always valid may do
    /// nothing and return true.
    /// </remarks>
    public interface ITimeSync
    {
        /// <summary>Starts time synchronisation, or asks for an immediate update if it is already running.</summary>
        bool RequestSync();
    }
}
