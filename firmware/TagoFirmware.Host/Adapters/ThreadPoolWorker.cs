using System.Threading;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary><see cref="IWorker"/> on the thread pool (a foreground thread like the device's would keep the process alive).</summary>
    public sealed class ThreadPoolWorker : IWorker
    {
        /// <inheritdoc />
        public void Post(IBlockingJob job) => ThreadPool.UnsafeQueueUserWorkItem(_ => job.Run(), null);
    }
}
