namespace TagoFirmware.Platform
{
    /// <summary>Runs <see cref="IBlockingJob"/>s away from the main loop (a <see cref="BlockingWorker"/>, or a fake in tests).</summary>
    public interface IWorker
    {
        /// <summary>Queues a job; returns at once. A job posts itself only while idle.</summary>
        void Post(IBlockingJob job);
    }
}
