using System;
using System.Collections;
using System.Threading;

namespace TagoFirmware.Platform
{
    /// <summary>The one worker thread for blocking calls (<c>ConnectDhcp</c>, M2Mqtt's DNS and <c>Connect</c>): the layers connect in order and each thread costs a stack.</summary>
    public sealed class BlockingWorker : IWorker
    {
        // Each job posts itself only while idle, and there are two (WiFi and MQTT): the list stays short.
        private readonly ArrayList _jobs = new ArrayList();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);

        /// <summary>Creates the worker and starts its thread.</summary>
        public BlockingWorker() => new Thread(new ThreadStart(Loop)).Start();

        /// <inheritdoc />
        public void Post(IBlockingJob job)
        {
            lock (_jobs)
            {
                _jobs.Add(job);
            }

            _wake.Set();
        }

        private void Loop()
        {
            while (true)
            {
                IBlockingJob job = null;
                lock (_jobs)
                {
                    if (_jobs.Count > 0)
                    {
                        job = (IBlockingJob)_jobs[0];
                        _jobs.RemoveAt(0);
                    }
                }

                if (job == null)
                {
                    _wake.WaitOne();
                    continue;
                }

                try
                {
                    job.Run();
                }
                catch (Exception)
                {
                    // A job broke its no-throw contract; the supervisor's deadline for that attempt copes.
                }
            }
        }
    }
}
