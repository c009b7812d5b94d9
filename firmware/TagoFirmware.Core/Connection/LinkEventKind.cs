namespace TagoFirmware.Connection
{
    /// <summary>The facts an <see cref="IMqttLink"/> reports through its inbox; <see cref="MqttConnection"/> relies on the order (connect outcomes, then PUBACK results, then the rest).</summary>
    public enum LinkEventKind
    {
        /// <summary>No event (a cleared <see cref="LinkEvent"/>).</summary>
        None = 0,

        /// <summary>The connect attempt ended with CONNACK 0.</summary>
        ConnectSucceeded = 1,

        /// <summary>The broker refused the CONNECT; ReasonCode is its code (MQTT 3.1.1 §3.2.2.3: 1..5; MQTT 5 §3.2.2.2: 0x80..0xA2).</summary>
        ConnectRefused = 2,

        /// <summary>The attempt failed without a clean refusal: Failure says how; ReasonCode is the CONNACK code seen, or -1.</summary>
        ConnectFailed = 3,

        /// <summary>A QoS 1 publish was acknowledged (PUBACK); MessageId says which.</summary>
        PublishAcked = 4,

        /// <summary>A QoS 1 publish was given up by the client library (M2Mqtt: <c>IsPublished = false</c>).</summary>
        PublishFailed = 5,

        /// <summary>A message arrived on a subscribed topic (Topic, Payload).</summary>
        MessageReceived = 6,

        /// <summary>The established connection was lost or closed by the broker.</summary>
        Closed = 7,

        /// <summary>A SUBACK: MessageId is the SUBSCRIBE's, ReasonCode the granted QoS, 0x80 or more a refusal (§3.9.3).</summary>
        Subscribed = 8,

        /// <summary>Received messages were dropped unparsed (oversized, over the rate, lane full); ReasonCode counts them.</summary>
        CommandsDropped = 9,

        /// <summary>The IP link went down (ESP32: <c>NetworkChange.NetworkAvailabilityChanged</c>); online, the network is checked only then.</summary>
        NetworkLost = 10,
    }
}
