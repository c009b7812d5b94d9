namespace System.Net.NetworkInformation
{
    /// <summary>Surface of System.Net's <c>NetworkAvailabilityEventArgs</c>.</summary>
    public class NetworkAvailabilityEventArgs : EventArgs
    {
        internal NetworkAvailabilityEventArgs(bool isAvailable) => throw null;

        /// <summary>Whether the network is available now.</summary>
        public bool IsAvailable => throw null;
    }
}
