namespace TagoFirmware.Connection
{
    /// <summary>A TagoIO ingestion protocol's topics, credentials, status payloads and delivery rule:
    /// <see cref="TagoMqttJsonTransport"/> (legacy <c>mqtt.tago.io</c>) or <see cref="TagoTipTransport"/> (short sessions).</summary>
    /// <remarks>Every member returns values computed at construction (read-only arrays, final topics), so the publish
    /// path allocates nothing; never throws after construction.</remarks>
    public interface IUplinkTransport
    {
        /// <summary>Short name for logs ("tago-mqtt-json").</summary>
        string Name { get; }

        /// <summary>Topic for data payloads.</summary>
        string DataTopic { get; }

        /// <summary>Topic for the online status and the last will, or null when the transport has none.</summary>
        string StatusTopic { get; }

        /// <summary>Pre-encoded "online" status payload published (QoS 1, not retained) after every connect, or null.</summary>
        byte[] OnlinePayload { get; }

        /// <summary>Pre-encoded "offline" status payload: the will, and the last publish of an orderly stop; or null.</summary>
        byte[] OfflinePayload { get; }

        /// <summary>Topic filter subscribed (QoS 1) after every connect for downlink commands.</summary>
        string CommandTopicFilter { get; }

        /// <summary>Fills the protocol-specific parts of a CONNECT: user name, password (derived from the token in
        /// <see cref="SessionOptions.Password"/>) and the last will (QoS 1, retain false).</summary>
        void PrepareConnect(SessionOptions options);
    }
}
