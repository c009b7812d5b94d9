using System;
using System.Reflection;
using TagoFirmware.Diagnostics;
using TagoFirmware.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// Platform facts for the diagnostics payload on the host twin: free heap from the .NET GC, a simulated boot
    /// reason (first start = power-on, a reboot command or self-heal restart = reboot, a <c>--sleep</c> wake = timer
    /// wake from deep sleep), no RSSI (a PC has no WiFi signal the twin could honestly report), and the firmware
    /// version from the assembly's informational version.
    /// </summary>
    public sealed class HostPlatformInfo : IPlatformInfo
    {
        private static readonly string s_version = ReadVersion();

        /// <summary>Creates the adapter.</summary>
        /// <param name="bootReason">How this simulated boot came about.</param>
        public HostPlatformInfo(BootReason bootReason)
        {
            BootReason = bootReason;
        }

        /// <summary>How this simulated boot came about.</summary>
        public BootReason BootReason { get; }

        /// <summary>The twin's version (informational version of the host assembly, without the source-link hash).</summary>
        public string FirmwareVersion => s_version;

        /// <summary>
        /// Free managed heap after a collection: bytes the GC has committed for the heap but not filled with live
        /// objects (<see cref="GCMemoryInfo.TotalCommittedBytes"/> minus <see cref="GC.GetTotalMemory(bool)"/>). Like
        /// nanoFramework's <c>nanoFramework.Runtime.Native.GC.Run(false)</c>, which the device adapter calls, it runs
        /// a collection first, so the figure is comparable between calls; diagnostics are rare, so the cost is too.
        /// </summary>
        /// <returns>Bytes, clamped to int.</returns>
        public int HeapFreeBytes()
        {
            long used = GC.GetTotalMemory(true);
            GCMemoryInfo info = GC.GetGCMemoryInfo();
            long free = info.TotalCommittedBytes - used;
            return free < 0 ? 0 : free > int.MaxValue ? int.MaxValue : (int)free;
        }

        /// <summary>A PC has no WiFi RSSI the twin could report: always false, and the diagnostics payload leaves
        /// <c>rssi</c> out.</summary>
        /// <param name="dbm">0.</param>
        /// <returns>False.</returns>
        public bool TryGetRssi(out int dbm)
        {
            dbm = 0;
            return false;
        }

        private static string ReadVersion()
        {
            Assembly assembly = typeof(HostPlatformInfo).Assembly;
            string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
            int plus = version.IndexOf('+', StringComparison.Ordinal);
            return "twin-" + (plus > 0 ? version.Substring(0, plus) : version);
        }
    }
}
