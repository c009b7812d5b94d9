namespace TagoFirmware.Config
{
    /// <summary>The <c>mqtt</c> group: broker, TLS, identity and topics.</summary>
    public sealed class MqttConfig
    {
        /// <summary>Plain MQTT's port (IANA "mqtt"): the default only when <c>tls</c> is explicitly false.</summary>
        public const int PlainPort = 1883;

        /// <summary>Placeholder replaced by the client id in every topic.</summary>
        public const string ClientIdPlaceholder = "{client_id}";

        private readonly ConfigValues _v;

        internal MqttConfig(ConfigValues values)
        {
            _v = values;
        }

        /// <summary>The legacy transport's broker.</summary>
        public const string LegacyHost = "mqtt.tago.io";

        /// <summary>
        /// <c>mqtt.host</c>: broker host name or IP address; when not set, the transport's endpoint
        /// (<see cref="TagoTipConfig.DefaultHost"/> or <see cref="LegacyHost"/>).
        /// </summary>
        public string Host
        {
            get
            {
                string host = _v.Text(ConfigKeys.MqttHost);
                if (host != null)
                {
                    return host;
                }

                NodeConfig node = _v as NodeConfig;
                return node != null && node.Transport == TransportNames.TagoTip ? node.TagoTip.DefaultHost : LegacyHost;
            }

            set { _v.SetValue(ConfigKeys.MqttHost, value); }
        }

        /// <summary><c>mqtt.port</c>.</summary>
        public int Port
        {
            get { return _v.Number(ConfigKeys.MqttPort); }
            set { _v.SetNumber(ConfigKeys.MqttPort, value); }
        }

        /// <summary><c>mqtt.tls</c>: TLS 1.2 with the broker certificate validated.</summary>
        public bool Tls
        {
            get { return _v.Number(ConfigKeys.MqttTls) != 0; }
            set { _v.SetNumber(ConfigKeys.MqttTls, value ? 1 : 0); }
        }

        /// <summary><c>mqtt.ca_certificates</c>: PEM texts or PEM file names; empty = the platform's store.</summary>
        public string[] CaCertificates
        {
            get { return (string[])_v.Value(ConfigKeys.MqttCaCertificates); }
            set { _v.SetValue(ConfigKeys.MqttCaCertificates, value == null ? new string[0] : value); }
        }

        /// <summary><c>mqtt.client_id</c>: null derives <c>tago-</c> + the MAC.</summary>
        public string ClientId
        {
            get { return _v.Text(ConfigKeys.MqttClientId); }
            set { _v.SetValue(ConfigKeys.MqttClientId, value); }
        }

        /// <summary><c>mqtt.data_topic</c>.</summary>
        public string DataTopic
        {
            get { return _v.Text(ConfigKeys.MqttDataTopic); }
            set { _v.SetValue(ConfigKeys.MqttDataTopic, value); }
        }

        /// <summary><c>mqtt.status_topic</c>: online/offline and the last will.</summary>
        public string StatusTopic
        {
            get { return _v.Text(ConfigKeys.MqttStatusTopic); }
            set { _v.SetValue(ConfigKeys.MqttStatusTopic, value); }
        }

        /// <summary><c>mqtt.command_topic</c>: a subscription filter.</summary>
        public string CommandTopic
        {
            get { return _v.Text(ConfigKeys.MqttCommandTopic); }
            set { _v.SetValue(ConfigKeys.MqttCommandTopic, value); }
        }

        /// <summary><c>mqtt.qos</c>: 0 or 1.</summary>
        public int Qos
        {
            get { return _v.Number(ConfigKeys.MqttQos); }
            set { _v.SetNumber(ConfigKeys.MqttQos, value); }
        }

        /// <summary><c>mqtt.keepalive_s</c>.</summary>
        public int KeepAliveSeconds
        {
            get { return _v.Number(ConfigKeys.MqttKeepAlive); }
            set { _v.SetNumber(ConfigKeys.MqttKeepAlive, value); }
        }

        /// <summary><c>mqtt.protocol</c>: <c>auto</c>, <c>3.1.1</c>, <c>5</c> or <c>3.1</c>; another value makes the config invalid.</summary>
        public string Protocol
        {
            get { return ConfigValues.ChoiceName(ConfigKeys.MqttProtocol, _v.Number(ConfigKeys.MqttProtocol)); }
            set { _v.SetNumber(ConfigKeys.MqttProtocol, ConfigValues.ChoiceNumber(ConfigKeys.MqttProtocol, value)); }
        }

        /// <summary>The pinned MQTT protocol level (3 = 3.1, 4 = 3.1.1, 5 = 5), or 0 for <c>auto</c>.</summary>
        public int ProtocolLevel
        {
            get { return _v.Number(ConfigKeys.MqttProtocol); }
        }

        /// <summary>
        /// The client id to use: the serial with TagoTiP (its MQTT binding identifies the device by it), else
        /// <see cref="ClientId"/> when set, else <paramref name="macDerivedClientId"/>.
        /// </summary>
        /// <param name="macDerivedClientId">The id derived from the board's MAC address.</param>
        /// <returns>The effective client id.</returns>
        public string EffectiveClientId(string macDerivedClientId)
        {
            NodeConfig node = _v as NodeConfig;
            if (node != null && node.UsesTagoTip && node.TagoTip.Serial != null)
            {
                return node.TagoTip.Serial;
            }

            return ClientId != null && ClientId.Length > 0 ? ClientId : macDerivedClientId;
        }

        /// <summary>Replaces every <c>{client_id}</c> in <paramref name="template"/> (the one topic expansion: config checks
        /// and the legacy transport); runs once per boot. nanoFramework's mscorlib has no string.Replace.</summary>
        /// <param name="template">A topic template; null gives null.</param>
        /// <param name="clientId">The client id; null counts as empty.</param>
        /// <returns>The expanded topic.</returns>
        public static string ExpandTopic(string template, string clientId)
        {
            if (template == null)
            {
                return null;
            }

            string result = string.Empty;
            string rest = template;
            int at = rest.IndexOf(ClientIdPlaceholder);
            while (at >= 0)
            {
                result = result + rest.Substring(0, at) + clientId;
                rest = rest.Substring(at + ClientIdPlaceholder.Length);
                at = rest.IndexOf(ClientIdPlaceholder);
            }

            return result + rest;
        }
    }
}
