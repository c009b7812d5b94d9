namespace TagoFirmware.Platform
{
    /// <summary>Network time sync, asked for in ClockWait every <see cref="Connection.ConnectionStates.ClockResyncMs"/>; non-blocking (device: <c>Sntp.Start()</c>, <c>Sntp.UpdateNow()</c>), never throws.</summary>
    public interface ITimeSync
    {
        /// <summary>Starts time synchronisation, or asks for an immediate update if it is already running.</summary>
        bool RequestSync();
    }
}
