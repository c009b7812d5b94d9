namespace TagoFirmware.Connection
{
    /// <summary>What <see cref="INetworkLink.TakeConnectResult"/> reports about the last bring-up attempt.</summary>
    public enum NetworkConnectResult
    {
        /// <summary>No attempt is running and no unreported outcome is waiting.</summary>
        None = 0,

        /// <summary>The attempt is still running.</summary>
        Pending = 1,

        /// <summary>The link came up with an IP address.</summary>
        Connected = 2,

        /// <summary>The attempt ended without an IP address (wrong password, no AP, DHCP).</summary>
        Failed = 3,

        /// <summary>The deadline passed (ConnectDhcp's cancellation token expired).</summary>
        TimedOut = 4,
    }
}
