using System;
using System.Reflection;
using TagoFirmware.Diagnostics;
using TagoFirmware.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// Platform facts on the twin: free heap from the .NET GC, the simulated boot reason, no RSSI (a PC has no WiFi
    /// signal to report honestly), and "twin-" + the assembly's informational version.
    /// </summary>
    public sealed class HostPlatformInfo : IPlatformInfo
    {
        private static readonly string s_version = ReadVersion();

        /// <summary>Creates the adapter.</summary>
        public HostPlatformInfo(BootReason bootReason)
        {
            BootReason = bootReason;
        }

        /// <summary>How this simulated boot came about.</summary>
        public BootReason BootReason { get; }

        /// <summary>The twin's version (without the source-link hash).</summary>
        public string FirmwareVersion => s_version;

        /// <summary>Committed but unused heap after a collection, like the device's <c>GC.Run(false)</c>.</summary>
        public int HeapFreeBytes()
        {
            long used = GC.GetTotalMemory(true);
            return (int)Math.Clamp(GC.GetGCMemoryInfo().TotalCommittedBytes - used, 0, int.MaxValue);
        }

        /// <summary>Always false: the diagnostics payload leaves <c>rssi</c> out.</summary>
        public bool TryGetRssi(out int dbm)
        {
            dbm = 0;
            return false;
        }

        private static string ReadVersion()
        {
            Assembly assembly = typeof(HostPlatformInfo).Assembly;
            string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            return "twin-" + version.Split('+')[0];
        }
    }
}
