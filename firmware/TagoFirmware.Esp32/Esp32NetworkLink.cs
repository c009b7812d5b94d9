using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;
using TagoFirmware.Session;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="INetworkLink"/> over WiFi: <c>WifiNetworkHelper.ConnectDhcp(ssid, password,
    /// WifiReconnectionKind.Automatic, requiresDateTime, token: new CancellationTokenSource(deadline).Token)</c> on the
    /// <see cref="BlockingWorker"/>, or <c>WifiNetworkHelper.Reconnect</c> once a join succeeded in this boot; the
    /// outcome is posted to a one-slot inbox that <see cref="TakeConnectResult"/> drains on the main loop.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>ConnectDhcp waits forever with the default token, so every attempt gets its own
    /// <c>CancellationTokenSource(timeoutMs)</c>. It never throws: it returns false and sets
    /// <c>WifiNetworkHelper.Status</c>, which maps to <see cref="NetworkConnectResult"/>.</item>
    /// <item>Reconnect vs ConnectDhcp: with <c>WifiReconnectionKind.Automatic</c> the ESP-IDF driver re-joins by itself
    /// after a drop, and <c>Reconnect</c> sends no credentials — it only waits for the IP. It relies on the helper's
    /// static state of this boot (the working interface is set by a ConnectDhcp), so it is used only after a
    /// ConnectDhcp succeeded since boot, and only for <see cref="ReconnectAttempts"/> attempts in a row; then a full
    /// ConnectDhcp re-joins with the credentials (a changed AP, or a driver that gave up).</item>
    /// <item>requiresDateTime: with true, the helper also waits (within the same deadline) for the RTC to reach 2021,
    /// i.e. for the SNTP sync the firmware starts once it has an IP. If only that wait times out
    /// (<c>TokenExpiredWaitingDateTime</c>) the link <b>is</b> up, so it is reported Connected and the supervisor's
    /// ClockWait layer (which wants 2025) takes over with <see cref="Esp32TimeSync"/>.</item>
    /// <item><see cref="IsUp"/> needs <c>NetworkInterface.GetAllNetworkInterfaces()</c>, which allocates a fresh
    /// snapshot array; it is refreshed at most every <see cref="IsUpRefreshMs"/> so stepping the loop does not
    /// allocate every turn. An IP of 0.0.0.0 (or none) means down.</item>
    /// <item>The password lives only in this object and the helper; nothing here logs.</item>
    /// </list>
    /// </remarks>
    public sealed class Esp32NetworkLink : INetworkLink, IBlockingJob
    {
        /// <summary>How often <see cref="IsUp"/> re-reads the interface table, in ms.</summary>
        public const int IsUpRefreshMs = 1000;

        /// <summary>Consecutive attempts that use Reconnect (no credentials) before a full ConnectDhcp.</summary>
        public const int ReconnectAttempts = 2;

        private const int StateIdle = 0;
        private const int StatePending = 1;
        private const int StateDone = 2;

        private readonly object _sync = new object();
        private readonly BlockingWorker _worker;
        private readonly string _ssid;
        private readonly string _password;
        private readonly bool _requiresDateTime;

        // Written by the main thread before posting, read by the job.
        private int _timeoutMs;
        private bool _useReconnect;

        // Shared with the worker under _sync.
        private int _state;
        private NetworkConnectResult _outcome;
        private bool _joinedThisBoot;

        // Main thread only.
        private int _reconnectsInARow;
        private long _isUpCheckedMs = long.MinValue;
        private bool _isUp;

        /// <summary>Creates the link; nothing happens until <see cref="BeginConnect"/>.</summary>
        /// <param name="worker">The app's blocking-operation thread.</param>
        /// <param name="ssid">WiFi network name.</param>
        /// <param name="password">WiFi password (empty for an open network). Secret: never logged.</param>
        /// <param name="requiresDateTime">Pass true to let ConnectDhcp also wait for the first SNTP time (see remarks).</param>
        public Esp32NetworkLink(BlockingWorker worker, string ssid, string password, bool requiresDateTime)
        {
            _worker = worker;
            _ssid = ssid;
            _password = password == null ? string.Empty : password;
            _requiresDateTime = requiresDateTime;
        }

        /// <inheritdoc />
        public bool IsUp
        {
            get
            {
                long now = Environment.TickCount64;
                if (now - _isUpCheckedMs >= IsUpRefreshMs)
                {
                    _isUpCheckedMs = now;
                    _isUp = ReadHasAddress();
                }

                return _isUp;
            }
        }

        /// <inheritdoc />
        public bool BeginConnect(int timeoutMs)
        {
            lock (_sync)
            {
                if (_state != StateIdle)
                {
                    return false;
                }

                _timeoutMs = timeoutMs < 1000 ? 1000 : timeoutMs;
                _useReconnect = _joinedThisBoot && _reconnectsInARow < ReconnectAttempts;
                _state = StatePending;
            }

            _reconnectsInARow = _useReconnect ? _reconnectsInARow + 1 : 0;
            if (!_worker.Post(this))
            {
                lock (_sync)
                {
                    _state = StateIdle;
                }

                return false;
            }

            return true;
        }

        /// <inheritdoc />
        public NetworkConnectResult TakeConnectResult()
        {
            lock (_sync)
            {
                if (_state == StatePending)
                {
                    return NetworkConnectResult.Pending;
                }

                if (_state == StateDone)
                {
                    _state = StateIdle;
                    NetworkConnectResult outcome = _outcome;
                    if (outcome == NetworkConnectResult.Connected)
                    {
                        _reconnectsInARow = 0;
                        _isUp = true;
                        _isUpCheckedMs = Environment.TickCount64;
                    }

                    return outcome;
                }

                return NetworkConnectResult.None;
            }
        }

        /// <summary>Runs one bring-up on the worker thread (the <see cref="IBlockingJob"/> side; not for callers).</summary>
        public void Run()
        {
            NetworkConnectResult outcome;
            try
            {
                // One token source per attempt: a cancelled source cannot be reused.
                CancellationTokenSource deadline = new CancellationTokenSource(_timeoutMs);
                bool ok = _useReconnect
                    ? WifiNetworkHelper.Reconnect(_requiresDateTime, 0, deadline.Token)
                    : WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, _requiresDateTime, 0, deadline.Token);
                outcome = Classify(ok, WifiNetworkHelper.Status);
                deadline.Dispose();
            }
            catch (Exception)
            {
                outcome = NetworkConnectResult.Failed;
            }

            lock (_sync)
            {
                if (outcome == NetworkConnectResult.Connected && !_useReconnect)
                {
                    _joinedThisBoot = true;
                }

                _outcome = outcome;
                _state = StateDone;
            }
        }

        /// <summary>Maps the helper's return value and status to the core's result (pure; no I/O).</summary>
        /// <param name="ok">What ConnectDhcp/Reconnect returned.</param>
        /// <param name="status">WifiNetworkHelper.Status afterwards.</param>
        /// <returns>The result for the supervisor.</returns>
        public static NetworkConnectResult Classify(bool ok, NetworkHelperStatus status)
        {
            if (ok)
            {
                return NetworkConnectResult.Connected;
            }

            switch (status)
            {
                case NetworkHelperStatus.NetworkIsReady:
                case NetworkHelperStatus.TokenExpiredWaitingDateTime:
                    // The IP is there; only the RTC wait ran out. The supervisor's ClockWait layer handles time.
                    return NetworkConnectResult.Connected;
                case NetworkHelperStatus.TokenExpiredWaitingIPAddress:
                    return NetworkConnectResult.TimedOut;
                default:
                    return NetworkConnectResult.Failed;
            }
        }

        private static bool ReadHasAddress()
        {
            try
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length; i++)
                {
                    if (interfaces[i].NetworkInterfaceType != NetworkInterfaceType.Wireless80211)
                    {
                        continue;
                    }

                    string ip = interfaces[i].IPv4Address;
                    return ip != null && ip.Length > 0 && ip != "0.0.0.0";
                }
            }
            catch (Exception)
            {
                // Treated as down; the next refresh tries again.
            }

            return false;
        }
    }
}
