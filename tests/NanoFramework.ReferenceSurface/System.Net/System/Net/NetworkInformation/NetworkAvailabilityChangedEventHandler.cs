namespace System.Net.NetworkInformation
{
    /// <summary>Surface of System.Net's <c>NetworkAvailabilityChangedEventHandler</c>.</summary>
    /// <param name="sender">The interface index that raised it.</param>
    /// <param name="e">Whether the network is available.</param>
    public delegate void NetworkAvailabilityChangedEventHandler(object sender, NetworkAvailabilityEventArgs e);
}
