namespace TagoFirmware.Host.Adapters
{
    /// <summary>One fact recorded by the MQTT worker for the node loop to drain (the inbox pattern of issue 3 §1).</summary>
    public sealed class LinkEvent
    {
        /// <summary>Creates an event.</summary>
        /// <param name="kind">What happened.</param>
        /// <param name="code">Broker reason code (CONNACK/PUBACK/DISCONNECT), 0 when none.</param>
        /// <param name="messageId">Message id of a publish event, 0 otherwise.</param>
        /// <param name="reason">Human-readable reason for logs; never contains secrets.</param>
        public LinkEvent(LinkEventKind kind, int code, int messageId, string reason)
        {
            Kind = kind;
            Code = code;
            MessageId = messageId;
            Reason = reason;
        }

        /// <summary>What happened.</summary>
        public LinkEventKind Kind { get; }

        /// <summary>Broker reason code, 0 when none.</summary>
        public int Code { get; }

        /// <summary>Message id of a publish event.</summary>
        public int MessageId { get; }

        /// <summary>Reason for logs.</summary>
        public string Reason { get; }

        /// <summary>Topic of a received message.</summary>
        public string Topic { get; init; }

        /// <summary>Payload of a received message.</summary>
        public byte[] Payload { get; init; }

        /// <summary>Milliseconds from publish to acknowledgement (publish events only).</summary>
        public double LatencyMilliseconds { get; init; }
    }
}
