namespace System.Net.NetworkInformation
{
    /// <summary>Network interface kinds.</summary>
    public enum NetworkInterfaceType
    {
        /// <summary>Unknown.</summary>
        Unknown = 1,

        /// <summary>Ethernet.</summary>
        Ethernet = 6,

        /// <summary>Wi-Fi station.</summary>
        Wireless80211 = 71,

        /// <summary>Wi-Fi access point.</summary>
        WirelessAP = 72,
    }
}
