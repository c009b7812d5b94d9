using TagoFirmware.Diagnostics;

namespace TagoFirmware.Platform
{
    /// <summary>Facts about the platform the node runs on, read when diagnostics are built (never per reading).</summary>
    /// <remarks>
    /// Port contract: every member returns quickly, never throws and is called from the main loop thread only.
    /// Device: <c>nanoFramework.Runtime.Native.GC.Run(false)</c> for the heap (it runs a collection, which is why it is
    /// only asked when a diagnostics payload is built), <c>Sleep.GetWakeupCause()</c> plus a reason the firmware
    /// persisted before rebooting itself for <see cref="BootReason"/>. nanoFramework has no API for the RSSI of the
    /// connected access point: <see cref="TryGetRssi"/> returns false unless the integration measured it (a WiFi scan).
    /// </remarks>
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
