namespace System.Device.Wifi
{
    /// <summary>Network kinds.</summary>
    public enum WifiNetworkKind
    {
        /// <summary>Any.</summary>
        Any,

        /// <summary>Ad hoc.</summary>
        Adhoc,

        /// <summary>Infrastructure.</summary>
        Infrastructure,
    }
}
