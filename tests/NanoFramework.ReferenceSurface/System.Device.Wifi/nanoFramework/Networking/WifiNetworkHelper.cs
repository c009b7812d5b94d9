using System;
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    /// <summary>Surface of System.Device.Wifi's <c>WifiNetworkHelper</c>. The Connect methods never throw; they return false and set <see cref="Status"/>.</summary>
    public static class WifiNetworkHelper
    {
        /// <summary>Signalled when the network is ready (event mode).</summary>
        public static ManualResetEvent NetworkReady => throw null;

        /// <summary>Helper status.</summary>
        public static NetworkHelperStatus Status => throw null;

        /// <summary>Exception behind a failure.</summary>
        public static Exception HelperException => throw null;

        /// <summary>The adapter in use.</summary>
        public static WifiAdapter WifiAdapter => throw null;

        /// <summary>Event mode with the stored profile.</summary>
        public static void SetupNetworkHelper(bool requiresDateTime = false) => throw null;

        /// <summary>Event mode with a static IP.</summary>
        public static void SetupNetworkHelper(IPConfiguration ipConfiguration, bool requiresDateTime = false) => throw null;

        /// <summary>Event mode with credentials.</summary>
        public static void SetupNetworkHelper(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false) => throw null;

        /// <summary>Disconnects and disposes the adapter.</summary>
        public static void Disconnect() => throw null;

        /// <summary>Joins with DHCP; waits until an IP (and, if asked, a valid date) or the token expires.</summary>
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw null;

        /// <summary>Joins with a static IP.</summary>
        public static bool ConnectFixAddress(string ssid, string password, IPConfiguration ipConfiguration, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int WifiAdapter = 0, CancellationToken token = default) => throw null;

        /// <summary>Scans, then joins with DHCP.</summary>
        public static bool ScanAndConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int WifiAdapter = 0, CancellationToken token = default) => throw null;

        /// <summary>Waits for the platform's reconnect with the stored profile to give an IP.</summary>
        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw null;

        /// <summary>Resets the helper.</summary>
        public static void Reset() => throw null;
    }
}
