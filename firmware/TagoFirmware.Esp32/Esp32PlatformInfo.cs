using TagoFirmware.Diagnostics;
using TagoFirmware.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Platform facts for the diagnostics payload: free managed heap, boot reason and firmware version. No RSSI:
    /// nanoFramework has no call for the signal of the joined access point, only a WiFi scan, which hops the radio
    /// across channels for seconds while associated.
    /// </summary>
    /// <remarks>Main loop thread only; nothing here throws (the heap read runs one GC, so the node asks for it only
    /// when a diagnostics payload is built).</remarks>
    public sealed class Esp32PlatformInfo : IPlatformInfo
    {
        /// <summary>Creates the platform facts.</summary>
        /// <param name="bootReason">From <see cref="BootInfo.Determine"/>, taken once at boot.</param>
        /// <param name="firmwareVersion">The version published as <c>fw_version</c>.</param>
        public Esp32PlatformInfo(BootReason bootReason, string firmwareVersion)
        {
            BootReason = bootReason;
            FirmwareVersion = firmwareVersion;
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

        /// <summary>Always false: see the class remarks.</summary>
        /// <param name="dbm">0.</param>
        /// <returns>False.</returns>
        public bool TryGetRssi(out int dbm)
        {
            dbm = 0;
            return false;
        }
    }
}
