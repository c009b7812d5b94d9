using TagoFirmware.Diagnostics;

namespace TagoFirmware.Platform
{
    /// <summary>Facts about the platform the node runs on, read when diagnostics are built (never per reading).</summary>
    /// <remarks>Quick, never throws, main loop only. nanoFramework has no API for the connected AP's RSSI.</remarks>
    public interface IPlatformInfo
    {
        /// <summary>Free managed heap in bytes, or -1 when unknown.</summary>
        int HeapFreeBytes();

        /// <summary>Why this boot happened (power-on, deep-sleep wake cause, command or watchdog reboot).</summary>
        BootReason BootReason { get; }

        /// <summary>The WiFi signal strength, when the platform measured one.</summary>
        bool TryGetRssi(out int dbm);

        /// <summary>The firmware version string published as <c>fw_version</c> (printable ASCII, at most 64 characters).</summary>
        string FirmwareVersion { get; }
    }
}
