namespace TagoFirmware.Platform
{
    /// <summary>Runs <see cref="IBlockingJob"/>s away from the main loop (a <see cref="BlockingWorker"/>, or a fake in tests).</summary>
    public interface IWorker
    {
        /// <summary>Queues a job; returns at once.</summary>
        /// <param name="job">The job; it must not already be queued or running.</param>
        /// <returns>False when nothing was queued (the job is busy or the queue is full).</returns>
        bool Post(IBlockingJob job);
    }
}
