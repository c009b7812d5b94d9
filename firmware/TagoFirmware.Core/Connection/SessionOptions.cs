namespace TagoFirmware.Connection
{
    /// <summary>What the supervisor is configured with and every CONNECT sends (defaults: TagoIO's MQTT guide); always a clean session. <see cref="Password"/> is secret.</summary>
    public sealed class SessionOptions
    {
        /// <summary>Broker host name. Default <c>mqtt.tago.io</c> (TagoIO legacy MQTT); M2Mqtt resolves it in its constructor.</summary>
        public string Host = "mqtt.tago.io";

        /// <summary>Broker port. Default 8883 (MQTT over TLS, IANA).</summary>
        public int Port = 8883;

        /// <summary>TLS 1.2 validating the broker against <see cref="CaCertificatesPem"/> (never without validation). Default true.</summary>
        public bool UseTls = true;

        /// <summary>PEM CA certificate(s) for the broker; null = the device's stored CA bundle.</summary>
        public string CaCertificatesPem;

        /// <summary>MQTT client id; stable across reboots (see <see cref="ClientIdentity.FromMac"/>).</summary>
        public string ClientId;

        /// <summary>MQTT user name, set by <see cref="UplinkTransport.PrepareConnect"/> (TagoIO legacy: the literal "Token").</summary>
        public string Username;

        /// <summary>MQTT password: the device token (TagoTiP: its half of the hash). Secret: never logged or printed.</summary>
        public string Password;

        /// <summary>Last-will topic and payload text (M2Mqtt's Connect takes a string), or null for no will.</summary>
        public string WillTopic, WillMessage;

        /// <summary>QoS for data publishes: 0 or 1 (TagoIO supports no QoS 2). Default 1.</summary>
        public int Qos = 1;

        /// <summary>MQTT keep-alive in seconds. Default 60 (TagoIO guide; a silent link is noticed after about 2 × this).</summary>
        public int KeepAliveSeconds = 60;

        /// <summary>MQTT protocol level: 0 = auto (3.1.1, then 5, then 3.1), or 3, 4, 5 pinned; the supervisor keeps the level in use here.</summary>
        public int ProtocolLevel;

        /// <summary>Deadline of one WiFi bring-up (ConnectDhcp's token). Default 30 000 ms.</summary>
        public int WifiConnectTimeoutMs = 30000;

        /// <summary>Deadline of one MQTT connect attempt. Default 45 000 ms: M2Mqtt's fixed 30 s CONNACK timeout plus DNS and TLS.</summary>
        public int MqttConnectTimeoutMs = 45000;

        /// <summary>After credentials were refused, retry no sooner than this. Default 300 000 ms (5 min).</summary>
        public int AuthRetryIntervalMs = 300000;

        /// <summary>A QoS 1 publish not acknowledged within this time means the link is dead. Default 15 000 ms.</summary>
        public int AckTimeoutMs = 15000;

        /// <summary>Self-heal: reboot when online at QoS 1 yet no PUBACK came for this long since the first unacked publish. Default 30 min; 0 disables.</summary>
        public int NoAckRebootMs = 1800000;

        /// <summary>Most QoS 1 publishes tracked unacknowledged at once (match M2Mqtt's InflightQueueSize). Default 8.</summary>
        public int MaxInFlight = 8;

        /// <summary>Short sessions (TagoTiP): connect on <see cref="ConnectionSupervisor.OpenSession"/>, publish after the SUBACK, no backoff on a server close; received messages then skip the command rate.</summary>
        public bool ShortSessions;

        /// <summary>Short sessions: no SUBACK within this time means rate-limited.</summary>
        public int SubscribeTimeoutMs = 5000;
    }
}
