namespace TagoFirmware.Connection
{
    /// <summary>TagoIO's legacy MQTT broker: user <c>Token</c>, password = token, JSON data, status and will topics, commands, delivered = PUBACK (TagoIO MQTT guide, "Last Will and Testament", "Subscribing to Topics").</summary>
    public sealed class TagoMqttJsonTransport : IUplinkTransport
    {
        /// <summary>The last-will payload: published by the broker when the node dies without DISCONNECT.</summary>
        public const string OfflineMessage = StatusPrefix + "offline\"}]";

        /// <summary>The status payload published after every connect.</summary>
        public const string OnlineMessage = StatusPrefix + "online\"}]";

        private const string StatusPrefix = "[{\"variable\":\"device_status\",\"value\":\"";

        /// <summary>Computes every topic and payload once; a null or empty template means the default.</summary>
        public TagoMqttJsonTransport(string clientId, string dataTopicTemplate, string statusTopicTemplate, string commandTopicTemplate)
        {
            DataTopic = Topic(dataTopicTemplate, "sensors/{client_id}/data", clientId);
            StatusTopic = Topic(statusTopicTemplate, "device/status/{client_id}", clientId);
            CommandTopicFilter = Topic(commandTopicTemplate, "commands/{client_id}/+", clientId);
            OnlinePayload = TagoFirmware.Payload.TagoUtf8.GetBytes(OnlineMessage);
            OfflinePayload = TagoFirmware.Payload.TagoUtf8.GetBytes(OfflineMessage);
        }

        /// <inheritdoc/>
        public string Name => "tago-mqtt-json";

        /// <inheritdoc/>
        public string DataTopic { get; }

        /// <inheritdoc/>
        public string StatusTopic { get; }

        /// <inheritdoc/>
        public byte[] OnlinePayload { get; }

        /// <summary>The pre-encoded last-will ("offline") payload.</summary>
        public byte[] OfflinePayload { get; }

        /// <inheritdoc/>
        public string CommandTopicFilter { get; }

        /// <inheritdoc/>
        public void PrepareConnect(SessionOptions options)
        {
            options.Username = "Token";
            options.WillTopic = StatusTopic;
            options.WillMessage = OfflineMessage;
        }

        private static string Topic(string template, string fallback, string clientId)
            => TagoFirmware.Config.NodeConfig.ExpandTopic(template == null || template.Length == 0 ? fallback : template, clientId);
    }
}
