using System;
using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>The WiFi bring-up behind <see cref="INetworkLink"/>, on the worker; the driver re-joins by itself, so after a drop the first attempts only wait for the address.</summary>
    public abstract class WifiConnection : INetworkLink, IBlockingJob
    {
        /// <summary>How often <see cref="IsUp"/> asks the adapter, in ms (reading the interface table allocates).</summary>
        public const int IsUpRefreshMs = 1000;

        /// <summary>Consecutive attempts that only wait for the driver's own re-join before a full join.</summary>
        public const int ReconnectAttempts = 2;

        private readonly object _sync = new object();
        private readonly IWorker _worker;
        private readonly IClock _clock;

        // Guarded by _sync (the worker writes the outcome).
        private bool _pending;
        private NetworkConnectResult _outcome;
        private bool _joined;

        // Main thread, read by the job while it runs.
        private int _timeoutMs;
        private bool _reconnect;
        private int _reconnectsInARow;
        private long _isUpCheckedMs = -IsUpRefreshMs; // monotonic time starts at 0: the first read is due at once
        private bool _isUp;
        private bool _changed;

        /// <summary>Creates the link; nothing happens until <see cref="BeginConnect"/>.</summary>
        protected WifiConnection(IWorker worker, IClock clock)
        {
            _worker = worker;
            _clock = clock;
        }

        /// <inheritdoc />
        public bool IsUp
        {
            get
            {
                long now = _clock.MonotonicMs;
                if (_changed || now - _isUpCheckedMs >= IsUpRefreshMs)
                {
                    _changed = false;
                    _isUpCheckedMs = now;
                    _isUp = HasAddress();
                }

                return _isUp;
            }
        }

        /// <inheritdoc />
        public bool BeginConnect(int timeoutMs)
        {
            lock (_sync)
            {
                if (_pending || _outcome != NetworkConnectResult.None)
                {
                    return false;
                }

                _pending = true;
                _reconnect = _joined && _reconnectsInARow < ReconnectAttempts;
            }

            _timeoutMs = timeoutMs;
            _reconnectsInARow = _reconnect ? _reconnectsInARow + 1 : 0;
            _worker.Post(this);
            return true;
        }

        /// <inheritdoc />
        public NetworkConnectResult TakeConnectResult()
        {
            lock (_sync)
            {
                if (_pending)
                {
                    return NetworkConnectResult.Pending;
                }

                NetworkConnectResult outcome = _outcome;
                _outcome = NetworkConnectResult.None;
                if (outcome == NetworkConnectResult.Connected)
                {
                    _reconnectsInARow = 0;
                    _isUp = true;
                    _isUpCheckedMs = _clock.MonotonicMs;
                }

                return outcome;
            }
        }

        /// <summary>Runs one bring-up on the worker thread (the <see cref="IBlockingJob"/> side; not for callers).</summary>
        public void Run()
        {
            NetworkConnectResult outcome;
            try
            {
                outcome = Join(_reconnect, _timeoutMs);
            }
            catch (Exception)
            {
                outcome = NetworkConnectResult.Failed;
            }

            lock (_sync)
            {
                if (outcome == NetworkConnectResult.Connected && !_reconnect)
                {
                    _joined = true;
                }

                _outcome = outcome;
                _pending = false;
            }
        }

        /// <summary>Any thread: the platform reported an availability change; the next <see cref="IsUp"/> asks again.</summary>
        protected void AvailabilityChanged() => _changed = true;

        /// <summary>Worker thread: joins the network, or only waits for the address when <paramref name="reconnect"/>: Connected, TimedOut or Failed.</summary>
        protected abstract NetworkConnectResult Join(bool reconnect, int timeoutMs);

        /// <summary>True when the WiFi interface has an IPv4 address other than 0.0.0.0; must not throw.</summary>
        protected abstract bool HasAddress();
    }
}
