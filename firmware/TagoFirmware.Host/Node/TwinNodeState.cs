namespace TagoFirmware.Host.Node
{
    /// <summary>Where the twin's session is.</summary>
    public enum TwinNodeState
    {
        /// <summary>Not connected; waiting for the next attempt (backoff).</summary>
        Offline,

        /// <summary>A connect attempt runs on the worker.</summary>
        Connecting,

        /// <summary>Connected: sampling is published.</summary>
        Online,

        /// <summary>Credentials refused; retrying no more often than the auth retry interval.</summary>
        AuthFailed,

        /// <summary>TLS/certificate failure; retrying with backoff.</summary>
        TlsFailed,
    }
}
