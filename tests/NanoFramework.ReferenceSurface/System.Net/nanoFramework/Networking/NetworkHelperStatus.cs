namespace nanoFramework.Networking
{
    /// <summary>Status of the network helpers (the misspelt member is the real name).</summary>
    public enum NetworkHelperStatus
    {
        /// <summary>Not started.</summary>
        None,

        /// <summary>Started.</summary>
        Started,

        /// <summary>Network ready.</summary>
        NetworkIsReady,

        /// <summary>No network interface.</summary>
        FailedNoNetworkInterface,

        /// <summary>Token expired while waiting for an IP address.</summary>
        TokenExpiredWaitingIPAddress,

        /// <summary>Token expired while waiting for a valid date and time.</summary>
        TokenExpiredWaitingDateTime,

        /// <summary>Error connecting while scanning.</summary>
        ErrorConnetingToWiFiWhileScanning,

        /// <summary>An exception occurred (see HelperException).</summary>
        ExceptionOccurred,

        /// <summary>Reconnecting after the IP was lost (appended after ExceptionOccurred, so the older values keep their numbers).</summary>
        Reconnecting,
    }
}
