namespace TagoFirmware.Connection
{
    /// <summary>Everything an <see cref="IMqttLink"/> needs for one CONNECT; built once, passed to every attempt. Always a
    /// clean session (subscriptions are made again after every connect) with a QoS 1 will. The
    /// <see cref="Password"/> is secret: never logged, printed, put in an exception or kept beyond the CONNECT.</summary>
    public sealed class MqttConnectRequest
    {
        /// <summary>Broker host name (default mqtt.tago.io). M2Mqtt resolves it in its constructor.</summary>
        public string Host;

        /// <summary>Broker TCP port: 8883 with TLS, 1883 without.</summary>
        public int Port;

        /// <summary>TLS 1.2 validating the broker against <see cref="CaCertificatesPem"/> (never without validation).</summary>
        public bool UseTls;

        /// <summary>PEM text of the CA certificate(s) that sign the broker certificate; null = the device's stored bundle.</summary>
        public string CaCertificatesPem;

        /// <summary>MQTT client identifier (stable across reboots).</summary>
        public string ClientId;

        /// <summary>MQTT user name; TagoIO's legacy broker wants the literal "Token".</summary>
        public string Username;

        /// <summary>MQTT password: the device token. Secret.</summary>
        public string Password;

        /// <summary>MQTT protocol level: 3 (3.1), 4 (3.1.1) or 5; changes between attempts while looking for one that works.</summary>
        public int ProtocolLevel = 4;

        /// <summary>Keep-alive in seconds (60: TagoIO guide; a silent link is noticed after about 2 × this).</summary>
        public int KeepAliveSeconds;

        /// <summary>Last-will topic, or null for no will.</summary>
        public string WillTopic;

        /// <summary>Last-will payload as text (M2Mqtt's Connect takes a string).</summary>
        public string WillMessage;

        /// <summary>Bound for the whole attempt (DNS, TCP, TLS, CONNACK) where the adapter can enforce one.</summary>
        public int TimeoutMs;

        /// <summary>Whether received messages count against the command rate (<see cref="LinkEventQueue.Admit"/>):
        /// true for the legacy command topic, false for TagoTiP's ack topic, whose receipts the queue waits for.</summary>
        public bool LimitMessageRate = true;
    }
}
