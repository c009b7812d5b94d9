namespace TagoFirmware.Connection
{
    /// <summary>What the supervisor is configured with and every CONNECT sends (<c>NodeWiring.CreateSessionOptions</c> fills it from the config); always a clean session. <see cref="Password"/> is secret.</summary>
    public sealed class SessionOptions
    {
        /// <summary>Broker host name; M2Mqtt resolves it in its constructor.</summary>
        public string Host;

        /// <summary>Broker port.</summary>
        public int Port;

        /// <summary>TLS 1.2 validating the broker against <see cref="CaCertificatesPem"/> (never without validation).</summary>
        public bool UseTls;

        /// <summary>PEM CA certificate(s) for the broker; null = the device's stored CA bundle.</summary>
        public string CaCertificatesPem;

        /// <summary>MQTT client id; stable across reboots (see <c>NodeWiring.ClientIdFromMac</c>).</summary>
        public string ClientId;

        /// <summary>MQTT user name, set by <see cref="UplinkTransport.PrepareConnect"/> (TagoIO legacy: the literal "Token").</summary>
        public string Username;

        /// <summary>MQTT password: the device token (TagoTiP: its half of the hash). Secret: never logged or printed.</summary>
        public string Password;

        /// <summary>Last-will topic and payload text (M2Mqtt's Connect takes a string), or null for no will.</summary>
        public string WillTopic, WillMessage;

        /// <summary>QoS for data publishes: 0 or 1 (TagoIO supports no QoS 2).</summary>
        public int Qos;

        /// <summary>MQTT keep-alive in seconds (a silent link is noticed after about 2 × this).</summary>
        public int KeepAliveSeconds;

        /// <summary>MQTT protocol level: 0 = auto (3.1.1, then 5, then 3.1), or 3, 4, 5 pinned; the supervisor keeps the level in use here.</summary>
        public int ProtocolLevel;

        /// <summary>Deadline of one WiFi bring-up (ConnectDhcp's token).</summary>
        public int WifiConnectTimeoutMs;

        /// <summary>Deadline of one MQTT connect attempt. Default 45 000 ms: M2Mqtt's fixed 30 s CONNACK timeout plus DNS and TLS.</summary>
        public int MqttConnectTimeoutMs = 45000;

        /// <summary>After credentials were refused, retry no sooner than this.</summary>
        public int AuthRetryIntervalMs;

        /// <summary>A QoS 1 publish not acknowledged within this time means the link is dead.</summary>
        public int AckTimeoutMs;

        /// <summary>Self-heal: reboot when online at QoS 1 yet no PUBACK came for this long since the first unacked publish; 0 disables.</summary>
        public int NoAckRebootMs;

        /// <summary>Most QoS 1 publishes tracked unacknowledged at once (match M2Mqtt's InflightQueueSize).</summary>
        public int MaxInFlight;

        /// <summary>Short sessions (TagoTiP): connect on <see cref="ConnectionSupervisor.OpenSession"/>, publish after the SUBACK, no backoff on a server close; received messages then skip the command rate.</summary>
        public bool ShortSessions;

        /// <summary>Short sessions: no SUBACK within this time means rate-limited.</summary>
        public int SubscribeTimeoutMs = 5000;
    }
}
