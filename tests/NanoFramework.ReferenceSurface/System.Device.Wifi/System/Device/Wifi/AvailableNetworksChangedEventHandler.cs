namespace System.Device.Wifi
{
    /// <summary>Raised when a scan completes.</summary>
    public delegate void AvailableNetworksChangedEventHandler(WifiAdapter sender, object e);
}
