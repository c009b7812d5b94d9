namespace TagoFirmware.Connection
{
    /// <summary>How a connect attempt failed when the broker did not refuse it cleanly; an adapter's <c>Describe</c> names it, <see cref="MqttConnection.Classify"/> refines it.</summary>
    public enum ConnectFailure
    {
        /// <summary>Not a failure.</summary>
        None = 0,

        /// <summary>DNS lookup of the broker host failed (M2Mqtt: the MqttClient constructor threw).</summary>
        Dns = 1,

        /// <summary>A socket error while opening the channel; the adapter passes its code, and a negative mbedTLS code makes it <see cref="Tls"/>.</summary>
        Network = 2,

        /// <summary>The TLS handshake failed: CA, host name, expiry or unset clock, TLS below 1.2, a plaintext port.</summary>
        Tls = 3,

        /// <summary>No CONNACK in time (M2Mqtt waits 30 s and throws, or the adapter's own bound).</summary>
        Timeout = 4,

        /// <summary>The CONNECT was sent, then the connection broke (M2Mqtt: MqttCommunicationException; on a reconnect often stale, so retried once at once).</summary>
        Communication = 5,

        /// <summary>Bad arguments or an unexpected exception inside the client library (a bug, out of memory).</summary>
        Internal = 6,

        /// <summary>A setting the library or broker cannot use (malformed CONNACK, unsupported version or TLS setting).</summary>
        Protocol = 7,

        /// <summary>Closed after CONNECT without a CONNACK several times in a row: most likely a refused token (TagoIO's self-hostable broker does this); handled as a refusal.</summary>
        ProbableAuthRefusal = 8,
    }
}
