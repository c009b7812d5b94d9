namespace TagoFirmware.Connection
{
    /// <summary>One inbox fact; the supervisor reuses one instance for <see cref="IMqttLink.TryTakeEvent"/> (no allocation).</summary>
    public sealed class LinkEvent
    {
        /// <summary>What happened.</summary>
        public LinkEventKind Kind;

        /// <summary>ConnectRefused/ConnectFailed: the CONNACK code (or -1); Subscribed: the granted QoS (0x80 = refused); CommandsDropped: the count. Else -1.</summary>
        public int ReasonCode;

        /// <summary>For ConnectFailed: the failure class. Else <see cref="ConnectFailure.None"/>.</summary>
        public ConnectFailure Failure;

        /// <summary>PublishAcked, PublishFailed, Subscribed: the id <see cref="IMqttLink.Publish"/> or <see cref="IMqttLink.Subscribe"/> returned. Else 0.</summary>
        public int MessageId;

        /// <summary>For MessageReceived: the topic. For a failed connect: the adapter's detail for the log, or null. Else null.</summary>
        public string Topic;

        /// <summary>For MessageReceived: the payload bytes (owned by the receiver from now on). Else null.</summary>
        public byte[] Payload;

        /// <summary>Sets every field.</summary>
        public void Set(LinkEventKind kind, int reasonCode, ConnectFailure failure, int messageId, string topic, byte[] payload)
        {
            Kind = kind;
            ReasonCode = reasonCode;
            Failure = failure;
            MessageId = messageId;
            Topic = topic;
            Payload = payload;
        }
    }
}
