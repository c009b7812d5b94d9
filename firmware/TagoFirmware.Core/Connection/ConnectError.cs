namespace TagoFirmware.Connection
{
    /// <summary>What a client library threw during a connect attempt, for <see cref="MqttFailureClassifier"/>; all before <see cref="Exchange"/> failed before the CONNECT left.</summary>
    public enum ConnectError
    {
        /// <summary>Anything else (a bug in the library or in our wiring, out of memory).</summary>
        Other = 0,

        /// <summary>The client could not be created: the broker's host name did not resolve.</summary>
        Lookup = 1,

        /// <summary>A socket error while opening the channel (TCP or TLS); the adapter passes its error code.</summary>
        Socket = 2,

        /// <summary>The TLS handshake failed without a socket code (certificate, host name, CA file unreadable).</summary>
        Handshake = 3,

        /// <summary>A setting the library or broker cannot use (TLS version, protocol version, malformed CONNACK).</summary>
        Protocol = 4,

        /// <summary>The channel was open and the CONNECT sent, then the connection broke or closed.</summary>
        Exchange = 5,

        /// <summary>The library's own wait for the CONNACK ran out.</summary>
        Timeout = 6,

        /// <summary>The broker's certificate is outside its validity dates: expired, not yet valid, or our clock is wrong.</summary>
        CertificateExpired = 7,

        /// <summary>The broker offers only TLS versions older than 1.2, which the node refuses.</summary>
        TlsVersion = 8,

        /// <summary>TLS was expected, but the server closed or answered the handshake in something else: a plaintext port.</summary>
        NotTls = 9,
    }
}
