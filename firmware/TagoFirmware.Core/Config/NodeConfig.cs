namespace TagoFirmware.Config
{
    /// <summary>The whole device configuration (a new instance holds every default); secrets are plain text here and on flash, <see cref="Summary"/> never shows them.</summary>
    public sealed class NodeConfig : ConfigValues
    {
        /// <summary>Where the firmware reads its config: the internal flash drive.</summary>
        public const string DevicePath = "I:\\tagofirmware.json";

        /// <summary>Largest config or CA file accepted, 16 KB: room for several PEM certificates, small enough to read into RAM once.</summary>
        public const int MaxFileBytes = 16384;

        /// <summary><c>transport</c> value: TagoTiP frames over MQTT, in short sessions (every TagoIO account).</summary>
        public const string TransportTagoTip = "tagotip";

        /// <summary><c>transport</c> value: TagoIO's legacy MQTT broker with JSON payloads (older US Starter/Scale accounts only).</summary>
        public const string TransportMqttJson = "tago-mqtt-json";

        /// <summary>Plain MQTT's port (IANA "mqtt"): the default only when <c>tls</c> is explicitly false.</summary>
        public const int PlainPort = 1883;

        private const string ClientIdPlaceholder = "{client_id}";

        /// <summary><c>transport</c>; when the file does not say, a config with a <c>token</c> keeps the legacy transport it was written for, any other is TagoTiP.</summary>
        public string Transport => Text(ConfigKeys.Transport) ?? ((Text(ConfigKeys.Token) ?? string.Empty).Length > 0 ? TransportMqttJson : TransportTagoTip);

        /// <summary>True when <see cref="Transport"/> is TagoTiP.</summary>
        public bool UsesTagoTip => Transport == TransportTagoTip;

        /// <summary><c>mqtt.host</c>, or unset the transport's endpoint (<c>mqtt.tip.{region}.tago.io</c>, TagoIO's TagoTiP endpoints page, or the legacy <c>mqtt.tago.io</c>).</summary>
        public string MqttHost => Text(ConfigKeys.MqttHost) ?? (UsesTagoTip ? "mqtt.tip." + Text(ConfigKeys.TagoTipRegion) + ".tago.io" : "mqtt.tago.io");

        /// <summary><c>mqtt.ca_certificates</c>: PEM texts or PEM file names; empty = the platform's store.</summary>
        public string[] CaCertificates { get => (string[])Value(ConfigKeys.MqttCaCertificates); set => Set(ConfigKeys.MqttCaCertificates, value); }

        /// <summary>The client id to use: the serial with TagoTiP (its MQTT binding names the device by it), else <c>mqtt.client_id</c>, else <paramref name="macDerivedClientId"/>.</summary>
        public string EffectiveClientId(string macDerivedClientId)
        {
            string id = Text(ConfigKeys.MqttClientId);
            return (UsesTagoTip ? Text(ConfigKeys.TagoTipSerial) : null) ?? (id != null && id.Length > 0 ? id : macDerivedClientId);
        }

        /// <summary>Replaces every <c>{client_id}</c> in <paramref name="template"/> (null gives null); nanoFramework has no string.Replace.</summary>
        public static string ExpandTopic(string template, string clientId)
        {
            int at = template == null ? -1 : template.IndexOf(ClientIdPlaceholder);
            return at < 0 ? template : template.Substring(0, at) + clientId + ExpandTopic(template.Substring(at + ClientIdPlaceholder.Length), clientId);
        }

        /// <summary>The <c>sensors</c> array.</summary>
        public SensorConfig[] Sensors { get => (SensorConfig[])Value(ConfigKeys.Sensors); set => Set(ConfigKeys.Sensors, value); }

        /// <summary>The effective configuration as <c>config:</c> log lines in table order (one per group and sensor, root keys together); secrets show only whether they are set.</summary>
        public string[] Summary(string clientId)
        {
            SensorConfig[] sensors = Sensors;
            System.Collections.ArrayList lines = new System.Collections.ArrayList();
            bool rootLine = false;
            for (ConfigKey key = ConfigKeys.FirstIn(null); key != null; key = key.Next)
            {
                bool opens = key.First != null; // a group or the sensor list
                for (int s = 0; key.Type == ConfigKey.SensorList && s < sensors.Length; s++)
                {
                    lines.Add(Line("config: sensors[" + s + "]", sensors[s], key.First, null));
                }

                if (key.Type != ConfigKey.SensorList && (opens || !rootLine))
                {
                    lines.Add(Line(opens ? "config: " + key.Name : "config:", this, opens ? key.First : key, clientId));
                }

                rootLine = !opens;
            }

            lines.Add("config: secrets stored in plain text on flash");
            return (string[])lines.ToArray(typeof(string));
        }

        /// <summary>The keys from <paramref name="first"/> to the next group, as the summary shows them: derived values (transport, host, client id) as the node uses them.</summary>
        private string Line(string line, ConfigValues values, ConfigKey first, string clientId)
        {
            for (ConfigKey key = first; key != null && key.First == null; key = key.Next)
            {
                line += key.Label + (values != this || key.Type != ConfigKey.Text ? values.Show(key)
                    : key == ConfigKeys.Transport ? Transport
                    : key == ConfigKeys.MqttHost ? MqttHost
                    : key == ConfigKeys.MqttClientId && UsesTagoTip ? Text(ConfigKeys.TagoTipSerial) + " (the serial)"
                    : key == ConfigKeys.MqttClientId && Text(key) == null && clientId != null ? clientId + " (from MAC)" : Show(key));
            }

            return line;
        }
    }
}
