namespace TagoFirmware.Platform
{
    /// <summary>
    /// Starts or nudges network time sync, when the supervisor enters ClockWait and again every
    /// <see cref="Connection.ConnectionStates.ClockResyncMs"/>; the result shows in <see cref="IClock.UtcNow"/>.
    /// Non-blocking (device: <c>Sntp.Start()</c>, then <c>Sntp.UpdateNow()</c>), idempotent, never throws.
    /// </summary>
    public interface ITimeSync
    {
        /// <summary>Starts time synchronisation, or asks for an immediate update if it is already running.</summary>
        bool RequestSync();
    }
}
