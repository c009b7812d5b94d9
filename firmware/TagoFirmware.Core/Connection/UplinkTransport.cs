using TagoFirmware.Config;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Connection
{
    /// <summary>A TagoIO ingestion protocol's topics, credentials and status payloads, all computed at construction (the publish path allocates nothing).</summary>
    public sealed class UplinkTransport
    {
        /// <summary>The last-will payload of the legacy broker: published by the broker when the node dies without DISCONNECT.</summary>
        public const string OfflineMessage = StatusPrefix + "offline\"}]";

        /// <summary>The legacy status payload published after every connect.</summary>
        public const string OnlineMessage = StatusPrefix + "online\"}]";

        private const string StatusPrefix = "[{\"variable\":\"device_status\",\"value\":\"";

        /// <summary>Short name for logs ("tago-mqtt-json", "tagotip").</summary>
        public readonly string Name;

        /// <summary>Topic for data payloads.</summary>
        public readonly string DataTopic;

        /// <summary>Topic for the online status and the last will, or null (TagoTiP: availability is the last receipted frame).</summary>
        public readonly string StatusTopic;

        /// <summary>Topic filter subscribed (QoS 1) after every connect: commands, or TagoTiP's receipt topic <c>$tip/{serial}/ack</c>.</summary>
        public readonly string CommandTopicFilter;

        /// <summary>Pre-encoded "online" status published (QoS 1, not retained) after every connect, or null.</summary>
        public readonly byte[] OnlinePayload;

        /// <summary>Pre-encoded "offline" status: the will, and the last publish of an orderly stop; or null.</summary>
        public readonly byte[] OfflinePayload;

        private readonly string _userName;
        private readonly string _password; // null: the token in SessionOptions.Password is the password

        private UplinkTransport(string name, string dataTopic, string statusTopic, string commandTopicFilter, string userName, string password)
        {
            Name = name;
            DataTopic = dataTopic;
            StatusTopic = statusTopic;
            CommandTopicFilter = commandTopicFilter;
            _userName = userName;
            _password = password;
            if (statusTopic != null)
            {
                OnlinePayload = TagoFirmware.Payload.TagoUtf8.GetBytes(OnlineMessage);
                OfflinePayload = TagoFirmware.Payload.TagoUtf8.GetBytes(OfflineMessage);
            }
        }

        /// <summary>TagoIO's legacy MQTT broker: user <c>Token</c>, password = token, JSON data, status and will topics, commands, delivered = PUBACK
        /// (TagoIO MQTT guide, "Last Will and Testament", "Subscribing to Topics"); a null or empty template means the default.</summary>
        public static UplinkTransport TagoMqttJson(string clientId, string dataTopicTemplate, string statusTopicTemplate, string commandTopicTemplate)
            => new UplinkTransport("tago-mqtt-json", Topic(dataTopicTemplate, ConfigKeys.MqttDataTopic, clientId),
                Topic(statusTopicTemplate, ConfigKeys.MqttStatusTopic, clientId), Topic(commandTopicTemplate, ConfigKeys.MqttCommandTopic, clientId), "Token", null);

        /// <summary>TagoTiP over MQTT (docs/tagotip/transports/mqtt.md in https://github.com/tago-io/docs): the hash's halves as credentials, no will or status topic, delivery = the <c>OK|n</c> receipt.</summary>
        public static UplinkTransport TagoTip(TagoTipCredentials credentials)
            => new UplinkTransport("tagotip", credentials.PushTopic, null, credentials.AckTopic, credentials.UserName, credentials.Password);

        /// <summary>Fills the protocol's parts of a CONNECT: user name, password (unless the token in <see cref="SessionOptions.Password"/> is it) and the will.</summary>
        public void PrepareConnect(SessionOptions options)
        {
            options.Username = _userName;
            if (_password != null)
            {
                options.Password = _password;
            }

            options.WillTopic = StatusTopic;
            options.WillMessage = StatusTopic != null ? OfflineMessage : null;
        }

        // The config table's row holds the default topic.
        private static string Topic(string template, ConfigKey row, string clientId)
            => NodeConfig.ExpandTopic(template == null || template.Length == 0 ? row.DefaultText : template, clientId);
    }
}
