using System.Threading;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// <see cref="IWorker"/> on the .NET thread pool: the host's stand-in for the device's one worker thread (whose
    /// foreground thread would keep the twin's process alive). The core runs at most one attempt per link anyway.
    /// </summary>
    public sealed class ThreadPoolWorker : IWorker
    {
        /// <inheritdoc />
        public void Post(IBlockingJob job) => ThreadPool.UnsafeQueueUserWorkItem(_ => job.Run(), null);
    }
}
