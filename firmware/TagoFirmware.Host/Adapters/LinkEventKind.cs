namespace TagoFirmware.Host.Adapters
{
    /// <summary>What a <see cref="MqttNetConnection"/> reports through its inbox.</summary>
    public enum LinkEventKind
    {
        /// <summary>CONNACK 0: the session is up.</summary>
        Connected,

        /// <summary>The broker refused the credentials (MQTT 3.1.1 CONNACK 4/5, MQTT 5 0x86/0x87).</summary>
        Refused,

        /// <summary>The TLS handshake failed (certificate from another CA, wrong host name, protocol mismatch).</summary>
        TlsFailed,

        /// <summary>Socket-level failure or timeout while connecting (broker down, DNS, reset).</summary>
        NetworkFailed,

        /// <summary>The broker answered CONNACK with another non-zero code (server unavailable, busy...).</summary>
        ConnectRejected,

        /// <summary>An established session ended (broker gone, kicked, keepalive timeout).</summary>
        Closed,

        /// <summary>A QoS 1 PUBACK arrived for the message id in the event (at QoS 0: the packet was written).</summary>
        PublishAcked,

        /// <summary>A publish could not be sent or was answered with a failure reason.</summary>
        PublishFailed,

        /// <summary>A message arrived on a subscribed topic.</summary>
        MessageReceived,
    }
}
