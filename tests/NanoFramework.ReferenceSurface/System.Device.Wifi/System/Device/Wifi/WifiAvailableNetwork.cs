namespace System.Device.Wifi
{
    /// <summary>A network found by a scan.</summary>
    public class WifiAvailableNetwork
    {
        /// <summary>MAC address of the access point.</summary>
        public string Bsid { get => throw null; internal set => throw null; }

        /// <summary>Network name.</summary>
        public string Ssid { get => throw null; internal set => throw null; }

        /// <summary>Network kind.</summary>
        public WifiNetworkKind NetworkKind => throw null;

        /// <summary>Signal strength, dBm.</summary>
        public double NetworkRssiInDecibelMilliwatts => throw null;

        /// <summary>Signal strength as 0-4 bars.</summary>
        public byte SignalBars => throw null;
    }
}
