namespace TagoFirmware.Connection
{
    /// <summary>One inbox fact; the supervisor reuses one instance for <see cref="IMqttLink.TryTakeEvent"/> (no allocation).</summary>
    public sealed class LinkEvent
    {
        /// <summary>What happened.</summary>
        public LinkEventKind Kind;

        /// <summary>For ConnectRefused: the CONNACK code. For ConnectFailed: the CONNACK code seen, or -1. For Subscribed:
        /// the granted QoS (0x80 = refused). For CommandsDropped: the number dropped. Else -1.</summary>
        public int ReasonCode;

        /// <summary>For ConnectFailed: the failure class. Else <see cref="ConnectFailure.None"/>.</summary>
        public ConnectFailure Failure;

        /// <summary>For PublishAcked and PublishFailed: the id returned by <see cref="IMqttLink.Publish"/>; for Subscribed, by
        /// <see cref="IMqttLink.Subscribe"/>. Else 0.</summary>
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
