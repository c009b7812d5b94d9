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

        /// <summary><c>mqtt.host</c>: broker host name or IP address.</summary>
        public string Host
        {
            get { return _v.Text(ConfigKeys.MqttHost); }
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

        /// <summary>The client id to use: <see cref="ClientId"/> when set, else <paramref name="macDerivedClientId"/>.</summary>
        /// <param name="macDerivedClientId">The id derived from the board's MAC address.</param>
        /// <returns>The effective client id.</returns>
        public string EffectiveClientId(string macDerivedClientId)
        {
            return ClientId != null && ClientId.Length > 0 ? ClientId : macDerivedClientId;
        }

        /// <summary>The data topic with <c>{client_id}</c> replaced.</summary>
        /// <param name="clientId">The effective client id.</param>
        /// <returns>The topic.</returns>
        public string DataTopicFor(string clientId)
        {
            return ExpandTopic(DataTopic, clientId);
        }

        /// <summary>The status topic with <c>{client_id}</c> replaced.</summary>
        /// <param name="clientId">The effective client id.</param>
        /// <returns>The topic.</returns>
        public string StatusTopicFor(string clientId)
        {
            return ExpandTopic(StatusTopic, clientId);
        }

        /// <summary>The command filter with <c>{client_id}</c> replaced.</summary>
        /// <param name="clientId">The effective client id.</param>
        /// <returns>The filter.</returns>
        public string CommandTopicFor(string clientId)
        {
            return ExpandTopic(CommandTopic, clientId);
        }

        /// <summary>Replaces every <c>{client_id}</c> in <paramref name="template"/>; runs once per connect.</summary>
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
