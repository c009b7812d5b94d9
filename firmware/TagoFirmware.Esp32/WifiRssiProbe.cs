using System;
using System.Device.Wifi;
using System.Threading;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Measures the RSSI of the configured network with a WiFi scan: nanoFramework has no API for the RSSI of the
    /// access point the station is connected to (nanoframework-api §2), only <c>WifiAdapter.ScanAsync()</c> followed by
    /// <c>AvailableNetworksChanged</c> and <c>NetworkReport.AvailableNetworks[i].NetworkRssiInDecibelMilliwatts</c>.
    /// </summary>
    /// <remarks>
    /// <b>Off by default.</b> A scan hops the radio across all channels for a few seconds while associated, which can
    /// delay or drop traffic (whether it disturbs the link on ESP-IDF is unconfirmed for nanoFramework), so the node
    /// reports <c>rssi</c> only when this probe is enabled, and then only with diagnostics. <see cref="TryMeasure"/>
    /// blocks until the scan report arrives: from the main loop use <see cref="Begin"/> (runs it on the
    /// <see cref="BlockingWorker"/>) and collect the value later with <see cref="TryTakeResult"/>.
    /// </remarks>
    public sealed class WifiRssiProbe : IBlockingJob
    {
        private readonly AutoResetEvent _done = new AutoResetEvent(false);
        private readonly string _ssid;
        private WifiAdapter _adapter;
        private bool _found;
        private int _dbm;

        /// <summary>How long a background measurement waits for the scan report, in ms.</summary>
        public const int ScanTimeoutMs = 8000;

        private readonly object _sync = new object();
        private bool _pending;
        private bool _hasResult;
        private int _resultDbm;

        /// <summary>Creates the probe for one network name.</summary>
        /// <param name="ssid">The network whose RSSI is wanted.</param>
        public WifiRssiProbe(string ssid)
        {
            _ssid = ssid;
        }

        /// <summary>Scans and returns the RSSI of the configured network; blocks up to <paramref name="timeoutMs"/>.</summary>
        /// <param name="timeoutMs">How long to wait for the scan report.</param>
        /// <param name="dbm">The RSSI in dBm (rounded) when found.</param>
        /// <returns>True when the network was in the report.</returns>
        public bool TryMeasure(int timeoutMs, out int dbm)
        {
            dbm = 0;
            try
            {
                if (_adapter == null)
                {
                    WifiAdapter[] adapters = WifiAdapter.FindAllAdapters();
                    if (adapters == null || adapters.Length == 0)
                    {
                        return false;
                    }

                    _adapter = adapters[0];
                    _adapter.AvailableNetworksChanged += OnScanDone;
                }

                _found = false;
                _done.Reset();
                _adapter.ScanAsync();
                if (!_done.WaitOne(timeoutMs, false) || !_found)
                {
                    return false;
                }

                dbm = _dbm;
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>Starts a measurement on the worker thread; returns at once (main loop).</summary>
        /// <param name="worker">The app's blocking-operation thread.</param>
        /// <returns>False when a measurement is already running or the worker is busy.</returns>
        public bool Begin(BlockingWorker worker)
        {
            lock (_sync)
            {
                if (_pending)
                {
                    return false;
                }

                _pending = true;
            }

            if (!worker.Post(this))
            {
                lock (_sync)
                {
                    _pending = false;
                }

                return false;
            }

            return true;
        }

        /// <summary>Takes the result of the last background measurement, once.</summary>
        /// <param name="dbm">The RSSI in dBm when true.</param>
        /// <returns>True when a measurement finished and found the network since the last call.</returns>
        public bool TryTakeResult(out int dbm)
        {
            lock (_sync)
            {
                dbm = _resultDbm;
                bool had = _hasResult;
                _hasResult = false;
                return had;
            }
        }

        /// <summary>Runs one background measurement (the <see cref="IBlockingJob"/> side; not for callers).</summary>
        public void Run()
        {
            int dbm;
            bool found = TryMeasure(ScanTimeoutMs, out dbm);
            lock (_sync)
            {
                _hasResult = found;
                _resultDbm = dbm;
                _pending = false;
            }
        }

        private void OnScanDone(WifiAdapter sender, object e)
        {
            try
            {
                WifiAvailableNetwork[] networks = sender.NetworkReport.AvailableNetworks;
                for (int i = 0; i < networks.Length; i++)
                {
                    if (networks[i].Ssid == _ssid)
                    {
                        double rssi = networks[i].NetworkRssiInDecibelMilliwatts;
                        _dbm = (int)(rssi < 0 ? rssi - 0.5 : rssi + 0.5);
                        _found = true;
                        break;
                    }
                }
            }
            catch (Exception)
            {
                _found = false;
            }

            _done.Set();
        }
    }
}
