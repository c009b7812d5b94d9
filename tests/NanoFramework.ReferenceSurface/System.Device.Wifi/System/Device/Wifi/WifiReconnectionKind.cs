namespace System.Device.Wifi
{
    /// <summary>Reconnection policy.</summary>
    public enum WifiReconnectionKind
    {
        /// <summary>The platform reconnects by itself.</summary>
        Automatic,

        /// <summary>The application reconnects.</summary>
        Manual,
    }
}
