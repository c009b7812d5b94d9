namespace System.Device.Wifi
{
    /// <summary>Result of a scan.</summary>
    public class WifiNetworkReport
    {
        internal WifiNetworkReport()
        {
        }

        /// <summary>The networks found.</summary>
        public WifiAvailableNetwork[] AvailableNetworks => throw null;
    }
}
