namespace TagoFirmware.Platform
{
    /// <summary>Runs <see cref="IBlockingJob"/>s away from the main loop (a <see cref="BlockingWorker"/>, or a fake in tests).</summary>
    public interface IWorker
    {
        /// <summary>Queues a job; returns at once.</summary>
        bool Post(IBlockingJob job);
    }
}
