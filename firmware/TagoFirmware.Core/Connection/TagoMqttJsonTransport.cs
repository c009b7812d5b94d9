namespace TagoFirmware.Connection
{
    /// <summary>
    /// TagoIO's legacy MQTT broker (<c>mqtt.tago.io</c>): user name <c>Token</c>, password = device token, JSON data
    /// on <c>sensors/{client_id}/data</c> (configurable), status and last will on <c>device/status/{client_id}</c>,
    /// downlink commands on <c>commands/{client_id}/+</c>, delivered = PUBACK (TagoIO MQTT guide, "Last Will and
    /// Testament" and "Subscribing to Topics").
    /// </summary>
    public sealed class TagoMqttJsonTransport : IUplinkTransport
    {
        /// <summary>The MQTT user name TagoIO's legacy broker expects.</summary>
        public const string Username = "Token";

        /// <summary>Template of the status / last-will topic.</summary>
        public const string StatusTopicTemplate = "device/status/{client_id}";

        /// <summary>Template of the downlink command subscription.</summary>
        public const string CommandTopicTemplate = "commands/{client_id}/+";

        /// <summary>The last-will payload: published by the broker when the node dies without DISCONNECT.</summary>
        public static readonly string OfflineMessage = StatusPrefix + "offline\"}]";

        /// <summary>The status payload published after every connect.</summary>
        public static readonly string OnlineMessage = StatusPrefix + "online\"}]";

        private const string StatusPrefix = "[{\"variable\":\"device_status\",\"value\":\"";

        private readonly string _dataTopic;
        private readonly string _statusTopic;
        private readonly string _commandFilter;
        private readonly byte[] _onlinePayload;
        private readonly byte[] _offlinePayload;

        /// <summary>Computes every topic and payload once.</summary>
        public TagoMqttJsonTransport(string clientId, string dataTopicTemplate)
            : this(clientId, dataTopicTemplate, null, null)
        {
        }

        /// <summary>Computes every topic and payload once, with configured status and command topics.</summary>
        public TagoMqttJsonTransport(string clientId, string dataTopicTemplate, string statusTopicTemplate, string commandTopicTemplate)
        {
            if (dataTopicTemplate == null || dataTopicTemplate.Length == 0)
                dataTopicTemplate = "sensors/{client_id}/data";
            if (statusTopicTemplate == null || statusTopicTemplate.Length == 0)
                statusTopicTemplate = StatusTopicTemplate;
            if (commandTopicTemplate == null || commandTopicTemplate.Length == 0)
                commandTopicTemplate = CommandTopicTemplate;
            _dataTopic = TagoFirmware.Config.MqttConfig.ExpandTopic(dataTopicTemplate, clientId);
            _statusTopic = TagoFirmware.Config.MqttConfig.ExpandTopic(statusTopicTemplate, clientId);
            _commandFilter = TagoFirmware.Config.MqttConfig.ExpandTopic(commandTopicTemplate, clientId);
            _onlinePayload = TagoFirmware.Payload.TagoUtf8.GetBytes(OnlineMessage);
            _offlinePayload = TagoFirmware.Payload.TagoUtf8.GetBytes(OfflineMessage);
        }

        /// <inheritdoc/>
        public string Name => "tago-mqtt-json";

        /// <inheritdoc/>
        public string DataTopic => _dataTopic;

        /// <inheritdoc/>
        public string StatusTopic => _statusTopic;

        /// <inheritdoc/>
        public byte[] OnlinePayload => _onlinePayload;

        /// <summary>The pre-encoded last-will ("offline") payload.</summary>
        public byte[] OfflinePayload => _offlinePayload;

        /// <inheritdoc/>
        public string CommandTopicFilter => _commandFilter;

        /// <inheritdoc/>
        public void PrepareConnect(MqttConnectRequest request, string token)
        {
            request.Username = Username;
            request.Password = token;
            request.WillTopic = _statusTopic;
            request.WillMessage = OfflineMessage;
            request.WillPayload = _offlinePayload;
            request.WillQos = 1;
            request.WillRetain = false;
        }
    }
}
