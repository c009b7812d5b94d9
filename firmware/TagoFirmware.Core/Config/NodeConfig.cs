namespace TagoFirmware.Config
{
    /// <summary>The whole device configuration (a new instance holds every default); secrets are plain text here and on flash, <see cref="Summary"/> never shows them.</summary>
    public sealed class NodeConfig : ConfigValues
    {
        /// <summary>Where the firmware reads its config: the internal flash drive.</summary>
        public const string DevicePath = "I:\\tagofirmware.json";

        /// <summary>Largest config file accepted, 16 KB: room for several PEM certificates, small enough to read into RAM once.</summary>
        public const int MaxFileBytes = 16384;

        /// <summary><c>transport</c> value: TagoTiP frames over MQTT, in short sessions (every TagoIO account).</summary>
        public const string TransportTagoTip = "tagotip";

        /// <summary><c>transport</c> value: TagoIO's legacy MQTT broker with JSON payloads (older US Starter/Scale accounts only).</summary>
        public const string TransportMqttJson = "tago-mqtt-json";

        /// <summary>Plain MQTT's port (IANA "mqtt"): the default only when <c>tls</c> is explicitly false.</summary>
        public const int PlainPort = 1883;

        private const string ClientIdPlaceholder = "{client_id}";

        /// <summary>Value of <see cref="LedPin"/> for "no status LED".</summary>
        public const int NoLed = -1;

        /// <summary><c>wifi.ssid</c>: the network name.</summary>
        public string WifiSsid { get => Text(ConfigKeys.WifiSsid); set => SetValue(ConfigKeys.WifiSsid, value); }

        /// <summary><c>wifi.password</c>: empty for an open network. A secret.</summary>
        public string WifiPassword { get => Text(ConfigKeys.WifiPassword); set => SetValue(ConfigKeys.WifiPassword, value); }

        /// <summary><c>token</c>: the TagoIO device token (the MQTT password; the username is <c>Token</c>). A secret.</summary>
        public string Token { get => Text(ConfigKeys.Token); set => SetValue(ConfigKeys.Token, value); }

        /// <summary><c>transport</c>; when the file does not say, a config with a <c>token</c> keeps the legacy transport it was written for, any other is TagoTiP.</summary>
        public string Transport
        {
            get => Text(ConfigKeys.Transport) ?? (Token != null && Token.Length > 0 ? TransportMqttJson : TransportTagoTip);
            set => SetValue(ConfigKeys.Transport, value);
        }

        /// <summary>True when <see cref="Transport"/> is TagoTiP.</summary>
        public bool UsesTagoTip => Transport == TransportTagoTip;

        /// <summary><c>tagotip.region</c>: <c>us-e1</c> or <c>eu-w1</c>; another value makes the config invalid.</summary>
        public string TagoTipRegion
        {
            get => ChoiceName(ConfigKeys.TagoTipRegion, Number(ConfigKeys.TagoTipRegion));
            set => SetNumber(ConfigKeys.TagoTipRegion, ChoiceNumber(ConfigKeys.TagoTipRegion, value));
        }

        /// <summary><c>tagotip.serial</c>: the device's serial in TagoIO; also the MQTT client id.</summary>
        public string TagoTipSerial { get => Text(ConfigKeys.TagoTipSerial); set => SetValue(ConfigKeys.TagoTipSerial, value); }

        /// <summary><c>tagotip.auth_hash</c>: the profile Authorization's 16-hex hash. A secret.</summary>
        public string TagoTipAuthHash { get => Text(ConfigKeys.TagoTipAuthHash); set => SetValue(ConfigKeys.TagoTipAuthHash, value); }

        /// <summary><c>tagotip.ttl_s</c>: the connection lifetime, 10 or 15 s.</summary>
        public int TagoTipTtlSeconds { get => Number(ConfigKeys.TagoTipTtl); set => SetNumber(ConfigKeys.TagoTipTtl, value); }

        /// <summary><c>tagotip.min_session_s</c>: the shortest time between two session starts.</summary>
        public int TagoTipMinSessionSeconds { get => Number(ConfigKeys.TagoTipMinSession); set => SetNumber(ConfigKeys.TagoTipMinSession, value); }

        /// <summary><c>mqtt.host</c>: broker host or IP; unset, the transport's endpoint (<c>mqtt.tip.{region}.tago.io</c>, TagoIO's TagoTiP endpoints page, or the legacy <c>mqtt.tago.io</c>).</summary>
        public string MqttHost
        {
            get => Text(ConfigKeys.MqttHost) ?? (UsesTagoTip ? "mqtt.tip." + TagoTipRegion + ".tago.io" : "mqtt.tago.io");
            set => SetValue(ConfigKeys.MqttHost, value);
        }

        /// <summary><c>mqtt.port</c>.</summary>
        public int MqttPort { get => Number(ConfigKeys.MqttPort); set => SetNumber(ConfigKeys.MqttPort, value); }

        /// <summary><c>mqtt.tls</c>: TLS 1.2 with the broker certificate validated.</summary>
        public bool Tls { get => Number(ConfigKeys.MqttTls) != 0; set => SetNumber(ConfigKeys.MqttTls, value ? 1 : 0); }

        /// <summary><c>mqtt.ca_certificates</c>: PEM texts or PEM file names; empty = the platform's store.</summary>
        public string[] CaCertificates
        {
            get => (string[])Value(ConfigKeys.MqttCaCertificates);
            set => SetValue(ConfigKeys.MqttCaCertificates, value == null ? new string[0] : value);
        }

        /// <summary><c>mqtt.client_id</c>: null derives <c>tago-</c> + the MAC.</summary>
        public string ClientId { get => Text(ConfigKeys.MqttClientId); set => SetValue(ConfigKeys.MqttClientId, value); }

        /// <summary><c>mqtt.data_topic</c>.</summary>
        public string DataTopic { get => Text(ConfigKeys.MqttDataTopic); set => SetValue(ConfigKeys.MqttDataTopic, value); }

        /// <summary><c>mqtt.status_topic</c>: online/offline and the last will.</summary>
        public string StatusTopic { get => Text(ConfigKeys.MqttStatusTopic); set => SetValue(ConfigKeys.MqttStatusTopic, value); }

        /// <summary><c>mqtt.command_topic</c>: a subscription filter.</summary>
        public string CommandTopic { get => Text(ConfigKeys.MqttCommandTopic); set => SetValue(ConfigKeys.MqttCommandTopic, value); }

        /// <summary><c>mqtt.qos</c>: 0 or 1.</summary>
        public int Qos { get => Number(ConfigKeys.MqttQos); set => SetNumber(ConfigKeys.MqttQos, value); }

        /// <summary><c>mqtt.keepalive_s</c>.</summary>
        public int KeepAliveSeconds { get => Number(ConfigKeys.MqttKeepAlive); set => SetNumber(ConfigKeys.MqttKeepAlive, value); }

        /// <summary><c>mqtt.protocol</c>: the pinned MQTT protocol level (3 = 3.1, 4 = 3.1.1, 5 = 5), or 0 for <c>auto</c>.</summary>
        public int ProtocolLevel => Number(ConfigKeys.MqttProtocol);

        /// <summary>The client id to use: the serial with TagoTiP (its MQTT binding names the device by it), else <see cref="ClientId"/>, else <paramref name="macDerivedClientId"/>.</summary>
        public string EffectiveClientId(string macDerivedClientId)
            => (UsesTagoTip ? TagoTipSerial : null) ?? (ClientId != null && ClientId.Length > 0 ? ClientId : macDerivedClientId);

        /// <summary>Replaces every <c>{client_id}</c> in <paramref name="template"/> (null gives null); nanoFramework has no string.Replace.</summary>
        public static string ExpandTopic(string template, string clientId)
        {
            int at = template == null ? -1 : template.IndexOf(ClientIdPlaceholder);
            return at < 0 ? template : template.Substring(0, at) + clientId + ExpandTopic(template.Substring(at + ClientIdPlaceholder.Length), clientId);
        }

        /// <summary><c>sampling.interval_s</c>: seconds between sampling cycles.</summary>
        public int SamplingIntervalSeconds { get => Number(ConfigKeys.SamplingInterval); set => SetNumber(ConfigKeys.SamplingInterval, value); }

        /// <summary><c>sampling.batch</c>: readings per payload.</summary>
        public int SamplingBatch { get => Number(ConfigKeys.SamplingBatch); set => SetNumber(ConfigKeys.SamplingBatch, value); }

        /// <summary><c>sampling.batch_interval_s</c>: publish once the oldest unsent reading is this old.</summary>
        public int BatchIntervalSeconds { get => Number(ConfigKeys.SamplingBatchInterval); set => SetNumber(ConfigKeys.SamplingBatchInterval, value); }

        /// <summary><c>sampling.payload_buffer_bytes</c>: size of the fixed JSON payload buffer.</summary>
        public int PayloadBufferBytes { get => Number(ConfigKeys.SamplingPayloadBuffer); set => SetNumber(ConfigKeys.SamplingPayloadBuffer, value); }

        /// <summary><c>queue.capacity</c>: readings held before the oldest are dropped.</summary>
        public int QueueCapacity { get => Number(ConfigKeys.QueueCapacity); set => SetNumber(ConfigKeys.QueueCapacity, value); }

        /// <summary><c>queue.persist</c>: keep the queue in a flash file.</summary>
        public bool QueuePersist { get => Number(ConfigKeys.QueuePersist) != 0; set => SetNumber(ConfigKeys.QueuePersist, value ? 1 : 0); }

        /// <summary><c>queue.path</c>: the file of the persisted queue.</summary>
        public string QueuePath => Text(ConfigKeys.QueuePath);

        /// <summary><c>sleep.mode</c> is <c>deep</c>: battery mode; wake on a timer, sample, publish every Nth wake, deep sleep.</summary>
        public bool DeepSleep { get => Number(ConfigKeys.SleepModeKey) != 0; set => SetNumber(ConfigKeys.SleepModeKey, value ? 1 : 0); }

        /// <summary><c>sleep.wake_interval_s</c>: seconds of deep sleep between wakes.</summary>
        public int WakeIntervalSeconds { get => Number(ConfigKeys.SleepWakeInterval); set => SetNumber(ConfigKeys.SleepWakeInterval, value); }

        /// <summary><c>sleep.publish_every</c>: connect and publish on every Nth wake.</summary>
        public int PublishEvery { get => Number(ConfigKeys.SleepPublishEvery); set => SetNumber(ConfigKeys.SleepPublishEvery, value); }

        /// <summary><c>sleep.backlog_threshold</c>: also publish when this many readings are unsent.</summary>
        public int BacklogThreshold { get => Number(ConfigKeys.SleepBacklogThreshold); set => SetNumber(ConfigKeys.SleepBacklogThreshold, value); }

        /// <summary><c>sleep.publish_deadline_s</c>: stop waiting for acknowledgements and sleep after this long.</summary>
        public int PublishDeadlineSeconds { get => Number(ConfigKeys.SleepPublishDeadline); set => SetNumber(ConfigKeys.SleepPublishDeadline, value); }

        /// <summary>The <c>sensors</c> array.</summary>
        public SensorConfig[] Sensors { get => (SensorConfig[])Value(ConfigKeys.Sensors); set => SetValue(ConfigKeys.Sensors, value); }

        /// <summary><c>led_pin</c>: GPIO of the status LED, or <see cref="NoLed"/>.</summary>
        public int LedPin => Number(ConfigKeys.LedPin);

        /// <summary><c>led_active_low</c>: the LED lights when the pin is low.</summary>
        public bool LedActiveLow => Number(ConfigKeys.LedActiveLow) != 0;

        /// <summary><c>timeouts.wifi_connect_s</c>: deadline of one WiFi join.</summary>
        public int WifiConnectSeconds { get => Number(ConfigKeys.TimeoutWifiConnect); set => SetNumber(ConfigKeys.TimeoutWifiConnect, value); }

        /// <summary><c>timeouts.ack_s</c>: QoS 1 acknowledgement timeout.</summary>
        public int AckSeconds { get => Number(ConfigKeys.TimeoutAck); set => SetNumber(ConfigKeys.TimeoutAck, value); }

        /// <summary><c>timeouts.auth_retry_s</c>: retry interval after the broker refused the credentials.</summary>
        public int AuthRetrySeconds { get => Number(ConfigKeys.TimeoutAuthRetry); set => SetNumber(ConfigKeys.TimeoutAuthRetry, value); }

        /// <summary><c>timeouts.reboot_after_s</c>: self-heal reboot after this long without acknowledgements; 0 = off.</summary>
        public int RebootAfterSeconds { get => Number(ConfigKeys.TimeoutRebootAfter); set => SetNumber(ConfigKeys.TimeoutRebootAfter, value); }

        /// <summary><c>diagnostics.every_payloads</c>: diagnostics with every Nth data payload; 0 = only on request.</summary>
        public int DiagnosticsEveryPayloads { get => Number(ConfigKeys.DiagnosticsEvery); set => SetNumber(ConfigKeys.DiagnosticsEvery, value); }

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
                    : key == ConfigKeys.MqttClientId && UsesTagoTip ? TagoTipSerial + " (the serial)"
                    : key == ConfigKeys.MqttClientId && ClientId == null && clientId != null ? clientId + " (from MAC)" : Show(key));
            }

            return line;
        }
    }
}
