namespace TagoFirmware.Connection
{
    /// <summary>A TagoIO ingestion protocol's topics, credentials, status payloads and delivery rule, all computed at construction (the publish path allocates nothing).</summary>
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

        /// <summary>Fills the protocol's parts of a CONNECT: user name, password (from the token in <see cref="SessionOptions.Password"/>) and the will.</summary>
        void PrepareConnect(SessionOptions options);
    }
}
