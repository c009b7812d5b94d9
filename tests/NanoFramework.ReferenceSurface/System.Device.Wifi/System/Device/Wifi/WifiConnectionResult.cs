namespace System.Device.Wifi
{
    /// <summary>Result of <see cref="WifiAdapter.Connect(string, WifiReconnectionKind, string)"/>.</summary>
    public class WifiConnectionResult
    {
        internal WifiConnectionResult()
        {
        }

        /// <summary>The outcome.</summary>
        public WifiConnectionStatus ConnectionStatus => throw null;
    }
}
