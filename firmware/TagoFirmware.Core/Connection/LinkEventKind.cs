namespace TagoFirmware.Connection
{
    /// <summary>The facts an <see cref="IMqttLink"/> reports through its inbox.</summary>
    public enum LinkEventKind
    {
        /// <summary>No event (a cleared <see cref="LinkEvent"/>).</summary>
        None = 0,

        /// <summary>The connect attempt ended with CONNACK 0: the session is up.</summary>
        ConnectSucceeded = 1,

        /// <summary>
        /// The broker answered the CONNECT with a refusal; <see cref="LinkEvent.ReasonCode"/> holds its code (MQTT 3.1.1
        /// §3.2.2.3: 1..5; MQTT 5 §3.2.2.2: 0x80..0xA2).
        /// </summary>
        ConnectRefused = 2,

        /// <summary>
        /// The connect attempt failed without a clean refusal; <see cref="LinkEvent.Failure"/> says how, and
        /// <see cref="LinkEvent.ReasonCode"/> holds the CONNACK code seen during the attempt (M2Mqtt's
        /// <c>ConnectionOpened</c>) or -1 when none was seen.
        /// </summary>
        ConnectFailed = 3,

        /// <summary>A QoS 1 publish was acknowledged (PUBACK); <see cref="LinkEvent.MessageId"/> says which.</summary>
        PublishAcked = 4,

        /// <summary>A QoS 1 publish was given up by the client library (M2Mqtt: <c>IsPublished = false</c>).</summary>
        PublishFailed = 5,

        /// <summary>A message arrived on a subscribed topic; <see cref="LinkEvent.Topic"/> and <see cref="LinkEvent.Payload"/>.</summary>
        MessageReceived = 6,

        /// <summary>The established connection was lost or closed by the broker.</summary>
        Closed = 7,

        /// <summary>
        /// A SUBACK arrived: <see cref="LinkEvent.MessageId"/> is the SUBSCRIBE's id and <see cref="LinkEvent.ReasonCode"/>
        /// the granted QoS of its one filter, 0x80 or more for a refusal (MQTT 3.1.1 §3.9.3, MQTT 5 §3.9.3).
        /// </summary>
        Subscribed = 8,

        /// <summary>
        /// Received messages were dropped unparsed (oversized, over the command rate, or the command lane full);
        /// <see cref="LinkEvent.ReasonCode"/> holds how many since the previous such event (<see cref="LinkEventQueue"/>).
        /// </summary>
        CommandsDropped = 9,

        /// <summary>The IP link went down (ESP32: <c>NetworkChange.NetworkAvailabilityChanged</c>): while online the
        /// supervisor checks the network only when this arrives.</summary>
        NetworkLost = 10,
    }
}
