namespace TagoFirmware.Connection
{
    /// <summary>
    /// Everything an <see cref="IMqttLink"/> needs for one CONNECT. The supervisor builds it once from
    /// <see cref="SessionOptions"/> and the transport and passes the same instance to every attempt (only
    /// <see cref="ProtocolLevel"/> changes, between attempts).
    /// </summary>
    /// <remarks>
    /// <see cref="Password"/> is the device token: an implementation must never log it, print it, put it in an
    /// exception message, or keep it anywhere but the client library's CONNECT.
    /// </remarks>
    public sealed class MqttConnectRequest
    {
        /// <summary>Broker host name (default mqtt.tago.io). M2Mqtt resolves it in its constructor.</summary>
        public string Host;

        /// <summary>Broker TCP port: 8883 with TLS, 1883 without.</summary>
        public int Port;

        /// <summary>
        /// True for TLS 1.2 (M2Mqtt <c>MqttSslProtocols.TLSv1_2</c>; <c>None</c> would mean TLS 1.3 only), validating
        /// the broker against <see cref="CaCertificatesPem"/>. Never disable certificate validation.
        /// </summary>
        public bool UseTls;

        /// <summary>PEM text of the CA certificate(s) that sign the broker certificate; null = the device's stored bundle.</summary>
        public string CaCertificatesPem;

        /// <summary>MQTT client identifier (stable across reboots).</summary>
        public string ClientId;

        /// <summary>MQTT user name; TagoIO's legacy broker wants the literal "Token".</summary>
        public string Username;

        /// <summary>MQTT password: the device token. Secret.</summary>
        public string Password;

        /// <summary>MQTT protocol level of the CONNECT: 3 (3.1), 4 (3.1.1) or 5. The supervisor changes it between
        /// attempts while it looks for a version the broker accepts.</summary>
        public int ProtocolLevel = 4;

        /// <summary>Keep-alive in seconds (60: TagoIO guide; a silent link is noticed after about 2 × this).</summary>
        public int KeepAliveSeconds;

        /// <summary>Clean session (true): subscriptions are made again after every connect.</summary>
        public bool CleanSession;

        /// <summary>Last-will topic, or null for no will.</summary>
        public string WillTopic;

        /// <summary>Last-will payload as text (M2Mqtt's Connect takes a string).</summary>
        public string WillMessage;

        /// <summary>The same last-will payload as UTF-8 bytes (MQTTnet takes bytes).</summary>
        public byte[] WillPayload;

        /// <summary>Last-will QoS: 1.</summary>
        public int WillQos;

        /// <summary>Last-will retain flag: always false (TagoIO does not support retain; a broker that forbids it refuses the CONNECT).</summary>
        public bool WillRetain;

        /// <summary>
        /// Upper bound in milliseconds for the whole attempt (DNS + TCP + TLS + CONNACK). The adapter reports
        /// <see cref="ConnectFailure.Timeout"/> when it can enforce it; the supervisor gives up a little later anyway.
        /// </summary>
        public int TimeoutMs;

        /// <summary>Whether received messages count against the command rate (<see cref="LinkEventQueue.Admit"/>):
        /// true for the legacy command topic, false for TagoTiP's ack topic, whose receipts the queue waits for.</summary>
        public bool LimitMessageRate = true;
    }
}
