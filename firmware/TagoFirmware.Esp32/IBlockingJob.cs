namespace TagoFirmware.Esp32
{
    /// <summary>
    /// One blocking operation handed to the <see cref="BlockingWorker"/>: a WiFi bring-up or an MQTT connect. The
    /// job objects are allocated once by their adapter and re-posted for every attempt, so a retry allocates nothing.
    /// </summary>
    public interface IBlockingJob
    {
        /// <summary>
        /// Runs the operation on the worker thread. May block for as long as the operation needs (ConnectDhcp until its
        /// token expires, M2Mqtt's Connect up to 30 s or longer); must record its own outcome and must not throw (the
        /// worker catches anyway so one bad job cannot kill the thread).
        /// </summary>
        void Run();
    }
}
