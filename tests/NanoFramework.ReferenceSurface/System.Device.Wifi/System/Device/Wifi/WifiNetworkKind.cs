namespace System.Device.Wifi
{
    /// <summary>Network kinds (declaration order as in System.Device.Wifi: Adhoc = 0, Any = 1, Infrastructure = 2).</summary>
    public enum WifiNetworkKind
    {
        /// <summary>An independent (IBSS) network.</summary>
        Adhoc,

        /// <summary>Either an infrastructure or independent network.</summary>
        Any,

        /// <summary>An infrastructure network.</summary>
        Infrastructure,
    }
}
