using System;
using System.Threading;

namespace TagoFirmware.Platform
{
    /// <summary>The one worker thread for blocking calls (<c>ConnectDhcp</c>, M2Mqtt's DNS and <c>Connect</c>): the layers connect in order and each thread costs a stack.</summary>
    public sealed class BlockingWorker : IWorker
    {
        // Each job posts itself only while idle, and there are two (WiFi and MQTT): the ring never fills.
        private const int Capacity = 4;

        private readonly object _sync = new object();
        private readonly IBlockingJob[] _jobs = new IBlockingJob[Capacity];
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private int _head;
        private int _count;

        /// <summary>Creates the worker and starts its thread.</summary>
        public BlockingWorker() => new Thread(new ThreadStart(Loop)).Start();

        /// <inheritdoc />
        public void Post(IBlockingJob job)
        {
            lock (_sync)
                _jobs[(_head + _count++) % Capacity] = job;
            _wake.Set();
        }

        private void Loop()
        {
            while (true)
            {
                IBlockingJob job;
                lock (_sync)
                {
                    job = _count > 0 ? _jobs[_head] : null;
                    if (job != null)
                    {
                        _jobs[_head] = null;
                        _head = (_head + 1) % Capacity;
                        _count--;
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
