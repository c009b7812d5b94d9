namespace TagoFirmware.Config
{
    /// <summary>The <c>mqtt</c> group: broker, TLS, identity and topics.</summary>
    public sealed class MqttConfig
    {
        /// <summary>Plain MQTT's port (IANA "mqtt"): the default only when <c>tls</c> is explicitly false.</summary>
        public const int PlainPort = 1883;

        private const string ClientIdPlaceholder = "{client_id}";

        /// <summary>The legacy transport's broker.</summary>
        public const string LegacyHost = "mqtt.tago.io";

        private readonly ConfigValues _v;

        internal MqttConfig(ConfigValues values) => _v = values;

        /// <summary><c>mqtt.host</c>: broker host or IP; unset, the transport's endpoint (<see cref="NodeConfig.TagoTipHost"/> or <see cref="LegacyHost"/>).</summary>
        public string Host
        {
            get
            {
                string host = _v.Text(ConfigKeys.MqttHost);
                NodeConfig node = _v as NodeConfig;
                return host != null ? host : (node != null && node.UsesTagoTip ? node.TagoTipHost : LegacyHost);
            }

            set => _v.SetValue(ConfigKeys.MqttHost, value);
        }

        /// <summary><c>mqtt.port</c>.</summary>
        public int Port { get => _v.Number(ConfigKeys.MqttPort); set => _v.SetNumber(ConfigKeys.MqttPort, value); }

        /// <summary><c>mqtt.tls</c>: TLS 1.2 with the broker certificate validated.</summary>
        public bool Tls { get => _v.Number(ConfigKeys.MqttTls) != 0; set => _v.SetNumber(ConfigKeys.MqttTls, value ? 1 : 0); }

        /// <summary><c>mqtt.ca_certificates</c>: PEM texts or PEM file names; empty = the platform's store.</summary>
        public string[] CaCertificates
        {
            get => (string[])_v.Value(ConfigKeys.MqttCaCertificates);
            set => _v.SetValue(ConfigKeys.MqttCaCertificates, value == null ? new string[0] : value);
        }

        /// <summary><c>mqtt.client_id</c>: null derives <c>tago-</c> + the MAC.</summary>
        public string ClientId { get => _v.Text(ConfigKeys.MqttClientId); set => _v.SetValue(ConfigKeys.MqttClientId, value); }

        /// <summary><c>mqtt.data_topic</c>.</summary>
        public string DataTopic { get => _v.Text(ConfigKeys.MqttDataTopic); set => _v.SetValue(ConfigKeys.MqttDataTopic, value); }

        /// <summary><c>mqtt.status_topic</c>: online/offline and the last will.</summary>
        public string StatusTopic { get => _v.Text(ConfigKeys.MqttStatusTopic); set => _v.SetValue(ConfigKeys.MqttStatusTopic, value); }

        /// <summary><c>mqtt.command_topic</c>: a subscription filter.</summary>
        public string CommandTopic { get => _v.Text(ConfigKeys.MqttCommandTopic); set => _v.SetValue(ConfigKeys.MqttCommandTopic, value); }

        /// <summary><c>mqtt.qos</c>: 0 or 1.</summary>
        public int Qos { get => _v.Number(ConfigKeys.MqttQos); set => _v.SetNumber(ConfigKeys.MqttQos, value); }

        /// <summary><c>mqtt.keepalive_s</c>.</summary>
        public int KeepAliveSeconds { get => _v.Number(ConfigKeys.MqttKeepAlive); set => _v.SetNumber(ConfigKeys.MqttKeepAlive, value); }

        /// <summary><c>mqtt.protocol</c>: <c>auto</c>, <c>3.1.1</c>, <c>5</c> or <c>3.1</c>; another value makes the config invalid.</summary>
        public string Protocol
        {
            get => ConfigValues.ChoiceName(ConfigKeys.MqttProtocol, _v.Number(ConfigKeys.MqttProtocol));
            set => _v.SetNumber(ConfigKeys.MqttProtocol, ConfigValues.ChoiceNumber(ConfigKeys.MqttProtocol, value));
        }

        /// <summary>The pinned MQTT protocol level (3 = 3.1, 4 = 3.1.1, 5 = 5), or 0 for <c>auto</c>.</summary>
        public int ProtocolLevel => _v.Number(ConfigKeys.MqttProtocol);

        /// <summary>The client id to use: the serial with TagoTiP (its MQTT binding names the device by it), else <see cref="ClientId"/>, else <paramref name="macDerivedClientId"/>.</summary>
        public string EffectiveClientId(string macDerivedClientId)
        {
            NodeConfig node = _v as NodeConfig;
            string id = node != null && node.UsesTagoTip ? node.TagoTipSerial : null;
            return id != null ? id : (ClientId != null && ClientId.Length > 0 ? ClientId : macDerivedClientId);
        }

        /// <summary>Replaces every <c>{client_id}</c> in <paramref name="template"/> (null gives null); nanoFramework has no string.Replace.</summary>
        public static string ExpandTopic(string template, string clientId)
        {
            if (template == null)
            {
                return null;
            }

            string result = string.Empty;
            for (int at = template.IndexOf(ClientIdPlaceholder); at >= 0; at = template.IndexOf(ClientIdPlaceholder))
            {
                result += template.Substring(0, at) + clientId;
                template = template.Substring(at + ClientIdPlaceholder.Length);
            }

            return result + template;
        }
    }
}
