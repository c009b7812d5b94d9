using System;
using System.Threading;

namespace TagoFirmware.Platform
{
    /// <summary>The one worker thread for blocking calls (<c>ConnectDhcp</c>, M2Mqtt's DNS and <c>Connect</c>): the layers
    /// connect in order and each thread costs a stack. A post to its full ring is refused; the supervisor retries.</summary>
    public sealed class BlockingWorker : IWorker
    {
        private const int Capacity = 4; // one WiFi and one MQTT job, plus slack

        private readonly object _sync = new object();
        private readonly IBlockingJob[] _jobs = new IBlockingJob[Capacity];
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private int _head;
        private int _count;

        /// <summary>Creates the worker and starts its thread.</summary>
        public BlockingWorker() => new Thread(new ThreadStart(Loop)).Start();

        /// <inheritdoc />
        public bool Post(IBlockingJob job)
        {
            lock (_sync)
            {
                // Each job posts itself only while idle (its own pending flag), so no job is queued twice.
                if (_count == Capacity)
                    return false;
                _jobs[(_head + _count++) % Capacity] = job;
            }

            _wake.Set();
            return true;
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
