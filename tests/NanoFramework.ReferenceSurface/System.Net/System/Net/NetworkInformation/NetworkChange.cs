namespace System.Net.NetworkInformation
{
    /// <summary>Surface of System.Net's <c>NetworkChange</c>.</summary>
    public static class NetworkChange
    {
        /// <summary>Raised when the availability of the network changes.</summary>
        public static event NetworkAvailabilityChangedEventHandler NetworkAvailabilityChanged { add => throw null; remove => throw null; }
    }
}
