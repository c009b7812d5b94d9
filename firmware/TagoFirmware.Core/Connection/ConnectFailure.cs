namespace TagoFirmware.Connection
{
    /// <summary>How a connect attempt failed when the broker did not refuse it cleanly.</summary>
    public enum ConnectFailure
    {
        /// <summary>Not a failure.</summary>
        None = 0,

        /// <summary>DNS lookup of the broker host failed (M2Mqtt: the MqttClient constructor threw).</summary>
        Dns = 1,

        /// <summary>TCP could not be established (M2Mqtt: MqttConnectionException with an inner SocketException).</summary>
        Network = 2,

        /// <summary>
        /// The TLS handshake failed: wrong CA, host name not in the certificate, expired certificate or unset clock, a
        /// server that offers only TLS 1.0/1.1, or a plaintext port where TLS was expected (M2Mqtt:
        /// MqttConnectionException with a negative mbedTLS code in its inner SocketException).
        /// </summary>
        Tls = 3,

        /// <summary>No outcome in time (no CONNACK; M2Mqtt waits 30 s and throws, or the adapter's own bound).</summary>
        Timeout = 4,

        /// <summary>
        /// The connection broke during the MQTT exchange (M2Mqtt: MqttCommunicationException). On a reconnect this is
        /// often M2Mqtt's stale exception from the previous connection, so the supervisor retries it once at once.
        /// </summary>
        Communication = 5,

        /// <summary>Bad arguments or an unexpected exception inside the client library.</summary>
        Internal = 6,

        /// <summary>
        /// The broker's answer broke the protocol (malformed CONNACK, unsupported protocol version or TLS protocol
        /// setting; M2Mqtt: MqttConnectionException with an ArgumentException inside).
        /// </summary>
        Protocol = 7,

        /// <summary>
        /// The broker closed the connection after CONNECT without any CONNACK, several attempts in a row: most likely it
        /// refuses the token this way (TagoIO's self-hostable broker does); else it rejects the MQTT protocol version
        /// or limits connections per IP address. The supervisor treats it as a credentials refusal.
        /// </summary>
        ProbableAuthRefusal = 8,
    }
}
