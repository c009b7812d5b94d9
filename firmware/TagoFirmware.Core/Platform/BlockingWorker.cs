using System;
using System.Threading;

namespace TagoFirmware.Platform
{
    /// <summary>
    /// The app's one worker thread for operations that block: <c>WifiNetworkHelper.ConnectDhcp</c> (waits until its
    /// cancellation token expires), the <c>MqttClient</c> constructor (DNS) and <c>MqttClient.Connect</c> (up to 30 s,
    /// not tunable, or a hang). The main loop only posts jobs and keeps stepping, so sampling, the LED and every timer
    /// keep running while a connect is stuck.
    /// </summary>
    /// <remarks>
    /// One thread, not one per adapter: the session layers run in order (WiFi, then the clock, then MQTT), so two
    /// connects are never useful at the same time, and every nanoFramework thread costs a stack plus scheduler time
    /// on a 520 KB part. Jobs wait in a tiny fixed ring (no allocation per post); a job posted while the ring is full
    /// is refused and the adapter reports "not started", which the supervisor retries on a later step.
    /// </remarks>
    public sealed class BlockingWorker : IWorker
    {
        /// <summary>Ring capacity: one WiFi and one MQTT job, plus slack.</summary>
        private const int Capacity = 4;

        private readonly object _sync = new object();
        private readonly IBlockingJob[] _jobs = new IBlockingJob[Capacity];
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly Thread _thread;
        private int _head;
        private int _count;
        private IBlockingJob _running;

        /// <summary>Creates the worker and starts its thread.</summary>
        public BlockingWorker()
        {
            _thread = new Thread(new ThreadStart(Loop));
            _thread.Start();
        }

        /// <summary>True while <paramref name="job"/> is queued or running.</summary>
        private bool IsBusy(IBlockingJob job)
        {
            lock (_sync)
            {
                if (_running == job)
                {
                    return true;
                }

                for (int i = 0; i < _count; i++)
                {
                    if (_jobs[(_head + i) % Capacity] == job)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <inheritdoc />
        public bool Post(IBlockingJob job)
        {
            if (job == null || IsBusy(job))
            {
                return false;
            }

            lock (_sync)
            {
                if (_count == Capacity)
                {
                    return false;
                }

                _jobs[(_head + _count) % Capacity] = job;
                _count++;
            }

            _wake.Set();
            return true;
        }

        private void Loop()
        {
            while (true)
            {
                IBlockingJob job = null;
                lock (_sync)
                {
                    if (_count > 0)
                    {
                        job = _jobs[_head];
                        _jobs[_head] = null;
                        _head = (_head + 1) % Capacity;
                        _count--;
                        _running = job;
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

                lock (_sync)
                {
                    _running = null;
                }
            }
        }
    }
}
