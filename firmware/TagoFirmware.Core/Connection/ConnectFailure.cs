namespace TagoFirmware.Connection
{
    /// <summary>How a connect attempt failed when the broker did not refuse it cleanly.</summary>
    public enum ConnectFailure
    {
        /// <summary>Not a failure.</summary>
        None = 0,

        /// <summary>DNS lookup of the broker host failed (M2Mqtt: the MqttClient constructor threw).</summary>
        Dns = 1,

        /// <summary>TCP could not be established (a SocketException with a positive code).</summary>
        Network = 2,

        /// <summary>The TLS handshake failed: CA, host name, expiry or unset clock, TLS below 1.2, a plaintext port (device: a negative mbedTLS code).</summary>
        Tls = 3,

        /// <summary>No CONNACK in time (M2Mqtt waits 30 s and throws, or the adapter's own bound).</summary>
        Timeout = 4,

        /// <summary>The connection broke during the MQTT exchange (M2Mqtt: MqttCommunicationException; on a reconnect often stale, so retried once at once).</summary>
        Communication = 5,

        /// <summary>Bad arguments or an unexpected exception inside the client library.</summary>
        Internal = 6,

        /// <summary>The broker's answer broke the protocol (malformed CONNACK, unsupported version or TLS setting).</summary>
        Protocol = 7,

        /// <summary>Closed after CONNECT without a CONNACK several times in a row: most likely a refused token (TagoIO's self-hostable broker does this); handled as a refusal.</summary>
        ProbableAuthRefusal = 8,
    }
}
