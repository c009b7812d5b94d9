using TagoFirmware.Diagnostics;
using TagoFirmware.Node;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Platform facts for the diagnostics payload: free managed heap, boot reason, RSSI (only when a
    /// <see cref="WifiRssiProbe"/> measured one) and the firmware version: the core's <see cref="IPlatformInfo"/>.
    /// </summary>
    /// <remarks>Main loop thread only; every member returns quickly and never throws (the heap read runs one GC, so the
    /// node asks for it only when a diagnostics payload is built).</remarks>
    public sealed class Esp32PlatformInfo : IPlatformInfo
    {
        private readonly WifiRssiProbe _rssi;
        private bool _hasRssi;
        private int _rssiDbm;

        /// <summary>Creates the platform facts.</summary>
        /// <param name="bootReason">From <see cref="BootInfo.Determine"/>, taken once at boot.</param>
        /// <param name="firmwareVersion">The version published as <c>fw_version</c>.</param>
        /// <param name="rssiProbe">The opt-in RSSI probe, or null (the default: no scan, no <c>rssi</c>).</param>
        public Esp32PlatformInfo(BootReason bootReason, string firmwareVersion, WifiRssiProbe rssiProbe)
        {
            BootReason = bootReason;
            FirmwareVersion = firmwareVersion;
            _rssi = rssiProbe;
        }

        /// <summary>Why this boot happened.</summary>
        public BootReason BootReason { get; private set; }

        /// <summary>The firmware version string.</summary>
        public string FirmwareVersion { get; private set; }

        /// <summary>Free managed heap in bytes (<c>GC.Run(false)</c>), or -1 when unknown.</summary>
        /// <returns>Bytes free, or -1.</returns>
        public int HeapFreeBytes()
        {
            long free = DeviceInfo.HeapFree();
            return free < 0 || free > int.MaxValue ? -1 : (int)free;
        }

        /// <summary>The last RSSI the probe measured (the probe runs on the worker; see <see cref="WifiRssiProbe"/>).</summary>
        /// <param name="dbm">Signal strength in dBm when true.</param>
        /// <returns>True when a measurement exists.</returns>
        public bool TryGetRssi(out int dbm)
        {
            if (_rssi != null)
            {
                int fresh;
                if (_rssi.TryTakeResult(out fresh))
                {
                    _hasRssi = true;
                    _rssiDbm = fresh;
                }
            }

            dbm = _rssiDbm;
            return _hasRssi;
        }
    }
}
