namespace TagoFirmware.Config
{
    /// <summary>The <c>mqtt</c> group: broker, TLS, identity and topics.</summary>
    public sealed class MqttConfig
    {
        /// <summary>Default broker: TagoIO's MQTT endpoint.</summary>
        public const string DefaultHost = "mqtt.tago.io";

        /// <summary>MQTT over TLS (IANA "secure-mqtt").</summary>
        public const int TlsPort = 8883;

        /// <summary>Plain MQTT (IANA "mqtt"); used by default only when <c>tls</c> is explicitly false.</summary>
        public const int PlainPort = 1883;

        /// <summary>Placeholder replaced by the client id in every topic.</summary>
        public const string ClientIdPlaceholder = "{client_id}";

        /// <summary>Default data topic.</summary>
        public const string DefaultDataTopic = "sensors/{client_id}/data";

        /// <summary>Default status topic (online/offline and the last will).</summary>
        public const string DefaultStatusTopic = "device/status/{client_id}";

        /// <summary>Default command topic filter (one level per command name).</summary>
        public const string DefaultCommandTopic = "commands/{client_id}/+";

        /// <summary>Default keepalive: 60 s, as TagoIO's device guide uses.</summary>
        public const int DefaultKeepAliveSeconds = 60;

        /// <summary>Longest client id accepted: 64 characters. MQTT 3.1.1 §3.1.3.1 only obliges brokers to accept 23;
        /// longer ids get a warning.</summary>
        public const int MaxClientIdLength = 64;

        /// <summary><c>mqtt.host</c>: broker host name or IP address. Default <c>mqtt.tago.io</c>.</summary>
        public string Host { get; set; } = DefaultHost;

        /// <summary><c>mqtt.port</c>: 1…65535. Default 8883, or 1883 when <c>tls</c> is false.</summary>
        public int Port { get; set; } = TlsPort;

        /// <summary><c>mqtt.tls</c>: TLS 1.2 with the broker certificate validated against the CA certificates.
        /// Default true; plain TCP only when the config says <c>false</c> explicitly.</summary>
        public bool Tls { get; set; } = true;

        /// <summary>
        /// <c>mqtt.ca_certificates</c>: each entry is either a PEM text (starting with <c>-----BEGIN CERTIFICATE-----</c>)
        /// or the name of a PEM file (on the device a path on <c>I:\</c>; on the host twin relative to the config
        /// file). Empty (the default) means the platform's own store: on the device the CA bundle deployed with
        /// <c>nanoff --networkdeployment</c>, on the host the operating system's trust store.
        /// </summary>
        public string[] CaCertificates { get; set; } = new string[0];

        /// <summary><c>mqtt.client_id</c>: null (the default) derives <c>tago-</c> + the 12 hex digits of the MAC address.
        /// Otherwise 1…64 characters of <c>A–Z a–z 0–9 - _</c>.</summary>
        public string ClientId { get; set; }

        /// <summary><c>mqtt.data_topic</c>. Default <c>sensors/{client_id}/data</c>.</summary>
        public string DataTopic { get; set; } = DefaultDataTopic;

        /// <summary><c>mqtt.status_topic</c>. Default <c>device/status/{client_id}</c>.</summary>
        public string StatusTopic { get; set; } = DefaultStatusTopic;

        /// <summary><c>mqtt.command_topic</c>: a subscription filter (<c>+</c>/<c>#</c> allowed as whole levels).
        /// Default <c>commands/{client_id}/+</c>.</summary>
        public string CommandTopic { get; set; } = DefaultCommandTopic;

        /// <summary><c>mqtt.qos</c>: 0 or 1 (TagoIO does not support QoS 2). Default 1.</summary>
        public int Qos { get; set; } = 1;

        /// <summary><c>mqtt.keepalive_s</c>: 15…1200 s. Default 60.</summary>
        public int KeepAliveSeconds { get; set; } = DefaultKeepAliveSeconds;

        /// <summary>The client id to use: <see cref="ClientId"/> when set, else <paramref name="macDerivedClientId"/>.</summary>
        /// <param name="macDerivedClientId">The id derived from the board's MAC address.</param>
        /// <returns>The effective client id.</returns>
        public string EffectiveClientId(string macDerivedClientId)
        {
            return ClientId != null && ClientId.Length > 0 ? ClientId : macDerivedClientId;
        }

        /// <summary>The data topic with <c>{client_id}</c> replaced.</summary>
        /// <param name="clientId">The effective client id.</param>
        /// <returns>The topic to publish data on.</returns>
        public string DataTopicFor(string clientId)
        {
            return ExpandTopic(DataTopic, clientId);
        }

        /// <summary>The status topic with <c>{client_id}</c> replaced.</summary>
        /// <param name="clientId">The effective client id.</param>
        /// <returns>The topic of the online status and the last will.</returns>
        public string StatusTopicFor(string clientId)
        {
            return ExpandTopic(StatusTopic, clientId);
        }

        /// <summary>The command topic filter with <c>{client_id}</c> replaced.</summary>
        /// <param name="clientId">The effective client id.</param>
        /// <returns>The filter to subscribe to.</returns>
        public string CommandTopicFor(string clientId)
        {
            return ExpandTopic(CommandTopic, clientId);
        }

        /// <summary>Replaces every <c>{client_id}</c> in <paramref name="template"/> with <paramref name="clientId"/>.
        /// Runs once per connect, not per reading, so the allocation is acceptable.</summary>
        /// <param name="template">A topic template; null gives null.</param>
        /// <param name="clientId">The client id; null is treated as empty.</param>
        /// <returns>The expanded topic.</returns>
        public static string ExpandTopic(string template, string clientId)
        {
            if (template == null)
            {
                return null;
            }

            if (clientId == null)
            {
                clientId = string.Empty;
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
