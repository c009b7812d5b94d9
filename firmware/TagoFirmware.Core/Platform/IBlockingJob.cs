namespace TagoFirmware.Platform
{
    /// <summary>
    /// One blocking operation handed to an <see cref="IWorker"/>: a WiFi bring-up, an MQTT connect, a signal probe.
    /// Job objects are allocated once and posted again for every attempt, so a retry allocates nothing.
    /// </summary>
    public interface IBlockingJob
    {
        /// <summary>
        /// Runs the operation on the worker thread. May block as long as the operation needs; records its own outcome
        /// and must not throw (the worker catches anyway so one bad job cannot end the thread).
        /// </summary>
        void Run();
    }
}
