namespace System.Device.Wifi
{
    /// <summary>Surface of System.Device.Wifi's <c>WifiAdapter</c>.</summary>
    public sealed class WifiAdapter : IDisposable
    {
        internal WifiAdapter()
        {
        }

        /// <summary>Raised when a scan completes; read <see cref="NetworkReport"/>.</summary>
        public event AvailableNetworksChangedEventHandler AvailableNetworksChanged { add => throw null; remove => throw null; }

        /// <summary>Network interface index of this adapter.</summary>
        public int NetworkInterface => throw null;

        /// <summary>Networks found by the last scan.</summary>
        public WifiNetworkReport NetworkReport => throw null;

        /// <summary>All Wi-Fi adapters.</summary>
        public static WifiAdapter[] FindAllAdapters() => throw null;

        /// <summary>Connects to a scanned network.</summary>
        public WifiConnectionResult Connect(WifiAvailableNetwork availableNetwork, WifiReconnectionKind reconnectionKind, string passwordCredential) => throw null;

        /// <summary>Connects to an SSID.</summary>
        public WifiConnectionResult Connect(string ssid, WifiReconnectionKind reconnectionKind, string passwordCredential) => throw null;

        /// <summary>Disconnects.</summary>
        public void Disconnect() => throw null;

        /// <summary>Starts a scan.</summary>
        public void ScanAsync() => throw null;

        /// <summary>Releases the adapter.</summary>
        public void Dispose() => throw null;
    }
}
