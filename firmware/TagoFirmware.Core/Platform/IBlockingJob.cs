namespace TagoFirmware.Platform
{
    /// <summary>One blocking operation for an <see cref="IWorker"/> (WiFi bring-up, MQTT connect), allocated once, posted for every attempt.</summary>
    public interface IBlockingJob
    {
        /// <summary>Runs on the worker thread; may block; records its own outcome; must not throw.</summary>
        void Run();
    }
}
