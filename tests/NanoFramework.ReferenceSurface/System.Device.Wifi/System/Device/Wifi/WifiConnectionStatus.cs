namespace System.Device.Wifi
{
    /// <summary>Connection outcomes.</summary>
    public enum WifiConnectionStatus
    {
        /// <summary>Access revoked.</summary>
        AccessRevoked,

        /// <summary>Bad credentials.</summary>
        InvalidCredential,

        /// <summary>Network not found.</summary>
        NetworkNotAvailable,

        /// <summary>Connected.</summary>
        Success,

        /// <summary>Timed out.</summary>
        Timeout,

        /// <summary>Other failure.</summary>
        UnspecifiedFailure,

        /// <summary>Authentication not supported.</summary>
        UnsupportedAuthenticationProtocol,
    }
}
