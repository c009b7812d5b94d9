using TagoFirmware.Diagnostics;

namespace TagoFirmware.Platform
{
    /// <summary>Facts about the platform for diagnostics (never per reading): quick, never throws, main loop only.</summary>
    public interface IPlatformInfo
    {
        /// <summary>Free managed heap in bytes, or -1 when unknown.</summary>
        int HeapFreeBytes();

        /// <summary>Why this boot happened (power-on, deep-sleep wake cause, command or watchdog reboot).</summary>
        BootReason BootReason { get; }

        /// <summary>The WiFi signal strength, when the integration measured one (nanoFramework has no API for the AP's RSSI).</summary>
        bool TryGetRssi(out int dbm);

        /// <summary>The firmware version string published as <c>fw_version</c> (printable ASCII, at most 64 characters).</summary>
        string FirmwareVersion { get; }
    }
}
