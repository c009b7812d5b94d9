namespace TagoFirmware.Config
{
    /// <summary>
    /// The config table: every key of the config file, declared once, in file order. Parsing, validation, defaults, the
    /// <c>config:</c> log lines, the twin's <c>--check-config</c> and docs/configuration.md all come from these rows.
    /// 60 s keepalive, "10 readings or 30 s" batching and QoS 1 follow TagoIO's MQTT device guide.
    /// </summary>
    public static class ConfigKeys
    {
        private const int R = ConfigKey.Required;
        private const int S = ConfigKey.Secret;
        private const int N = ConfigKey.Nullable;

        private static ConfigKey[] s_all = new ConfigKey[64];
        private static int s_count;
        private static ConfigKey s_firstRoot;

        /// <summary><c>wifi</c>.</summary>
        public static readonly ConfigKey Wifi = Group(null, "wifi");
        /// <summary><c>wifi.ssid</c>: 1-32 bytes (IEEE 802.11).</summary>
        public static readonly ConfigKey WifiSsid = Text(Wifi, "ssid", null, R);
        /// <summary><c>wifi.password</c>: WPA2 passphrase or empty for an open network.</summary>
        public static readonly ConfigKey WifiPassword = Text(Wifi, "password", string.Empty, S | N);
        /// <summary><c>token</c>: the TagoIO device token of the legacy transport.</summary>
        public static readonly ConfigKey Token = Text(null, "token", null, S | N);
        /// <summary><c>transport</c>: <see cref="TransportNames"/>; null picks by <c>token</c> (see <see cref="NodeConfig.Transport"/>).</summary>
        public static readonly ConfigKey Transport = Text(null, "transport", null, N);
        /// <summary><c>mqtt</c>.</summary>
        public static readonly ConfigKey Mqtt = Group(null, "mqtt");
        /// <summary><c>mqtt.host</c>: null derives it from the transport (<see cref="MqttConfig.Host"/>).</summary>
        public static readonly ConfigKey MqttHost = Text(Mqtt, "host", null, N);
        /// <summary><c>mqtt.port</c>: 8883 (MQTT over TLS), or 1883 when <c>tls</c> is false and no port is given.</summary>
        public static readonly ConfigKey MqttPort = Int(Mqtt, "port", 1, 65535, 8883, string.Empty, 0);
        /// <summary><c>mqtt.tls</c>.</summary>
        public static readonly ConfigKey MqttTls = Bool(Mqtt, "tls", true);
        /// <summary><c>mqtt.ca_certificates</c>: PEM texts or file names.</summary>
        public static readonly ConfigKey MqttCaCertificates = Add(Mqtt, "ca_certificates", ConfigType.TextList, N, 0, 0, 0, null, null, null, null);
        /// <summary><c>mqtt.client_id</c>: null derives <c>tago-</c> + the MAC.</summary>
        public static readonly ConfigKey MqttClientId = Text(Mqtt, "client_id", null, N);
        /// <summary><c>mqtt.data_topic</c>.</summary>
        public static readonly ConfigKey MqttDataTopic = Text(Mqtt, "data_topic", "sensors/{client_id}/data", 0);
        /// <summary><c>mqtt.status_topic</c>.</summary>
        public static readonly ConfigKey MqttStatusTopic = Text(Mqtt, "status_topic", "device/status/{client_id}", 0);
        /// <summary><c>mqtt.command_topic</c>: a subscription filter.</summary>
        public static readonly ConfigKey MqttCommandTopic = Text(Mqtt, "command_topic", "commands/{client_id}/+", 0);
        /// <summary><c>mqtt.qos</c>: 0 or 1 (TagoIO has no QoS 2).</summary>
        public static readonly ConfigKey MqttQos = Int(Mqtt, "qos", 0, 1, 1, string.Empty, 0);
        /// <summary><c>mqtt.keepalive_s</c>.</summary>
        public static readonly ConfigKey MqttKeepAlive = Int(Mqtt, "keepalive_s", 2, 1200, 60, " s", 0);
        /// <summary><c>mqtt.protocol</c>: auto or a pinned version; the numbers are MQTT's protocol levels.</summary>
        public static readonly ConfigKey MqttProtocol = Add(Mqtt, "protocol", ConfigType.Choice, 0, 0, 0, 0, null, null,
            new string[] { "auto", "3.1.1", "5", "3.1" }, new int[] { 0, 4, 5, 3 });
        /// <summary><c>tagotip</c>.</summary>
        public static readonly ConfigKey TagoTip = Group(null, "tagotip");
        /// <summary><c>tagotip.region</c>: picks the default broker host.</summary>
        public static readonly ConfigKey TagoTipRegion = Add(TagoTip, "region", ConfigType.Choice, 0, 0, 0, 0, null, null,
            new string[] { "us-e1", "eu-w1" }, new int[] { 0, 1 });
        /// <summary><c>tagotip.serial</c>: the device's serial, also the MQTT client id.</summary>
        public static readonly ConfigKey TagoTipSerial = Text(TagoTip, "serial", null, N);
        /// <summary><c>tagotip.auth_hash</c>: the 16-hex authorization hash (secret).</summary>
        public static readonly ConfigKey TagoTipAuthHash = Text(TagoTip, "auth_hash", null, S | N);
        /// <summary><c>tagotip.ttl_s</c>: the connection lifetime TagoIO grants, 10 or 15 s.</summary>
        public static readonly ConfigKey TagoTipTtl = Int(TagoTip, "ttl_s", 10, 15, 10, " s (10 or 15)", 0);
        /// <summary><c>tagotip.min_session_s</c>: the shortest time between two session starts.</summary>
        public static readonly ConfigKey TagoTipMinSession = Int(TagoTip, "min_session_s", 1, 86400, 60, " s", 0);
        /// <summary><c>sampling</c>.</summary>
        public static readonly ConfigKey Sampling = Group(null, "sampling");
        /// <summary><c>sampling.interval_s</c>: the minimum comes from the sensors' read pipelines.</summary>
        public static readonly ConfigKey SamplingInterval = Int(Sampling, "interval_s", 6, 86400, 60, " s", 0);
        /// <summary><c>sampling.batch</c>.</summary>
        public static readonly ConfigKey SamplingBatch = Int(Sampling, "batch", 1, 100, 10, " readings", 0);
        /// <summary><c>sampling.batch_interval_s</c>.</summary>
        public static readonly ConfigKey SamplingBatchInterval = Int(Sampling, "batch_interval_s", 1, 3600, 30, " s", 0);
        /// <summary><c>sampling.payload_buffer_bytes</c>.</summary>
        public static readonly ConfigKey SamplingPayloadBuffer = Int(Sampling, "payload_buffer_bytes", 512, 16384, 4096, " bytes", 0);
        /// <summary><c>queue</c>.</summary>
        public static readonly ConfigKey Queue = Group(null, "queue");
        /// <summary><c>queue.capacity</c>.</summary>
        public static readonly ConfigKey QueueCapacity = Int(Queue, "capacity", 16, 8192, 1024, " readings", 0);
        /// <summary><c>queue.persist</c>.</summary>
        public static readonly ConfigKey QueuePersist = Bool(Queue, "persist", true);
        /// <summary><c>queue.path</c>.</summary>
        public static readonly ConfigKey QueuePath = Text(Queue, "path", "I:\\tagofirmware.queue", 0);
        /// <summary><c>sleep</c>.</summary>
        public static readonly ConfigKey Sleep = Group(null, "sleep");
        /// <summary><c>sleep.mode</c>: off or deep (<see cref="SleepMode"/>).</summary>
        public static readonly ConfigKey SleepModeKey = Add(Sleep, "mode", ConfigType.Choice, 0, 0, 0, 0, null, null,
            new string[] { "off", "deep" }, new int[] { 0, 1 });
        /// <summary><c>sleep.wake_interval_s</c>.</summary>
        public static readonly ConfigKey SleepWakeInterval = Int(Sleep, "wake_interval_s", 10, 86400, 300, " s", 0);
        /// <summary><c>sleep.publish_every</c>.</summary>
        public static readonly ConfigKey SleepPublishEvery = Int(Sleep, "publish_every", 1, 1000, 6, " wakes", 0);
        /// <summary><c>sleep.backlog_threshold</c>: at most <c>queue.capacity</c>.</summary>
        public static readonly ConfigKey SleepBacklogThreshold = Int(Sleep, "backlog_threshold", 1, 8192, 60, " readings (at most queue.capacity)", 0);
        /// <summary><c>sleep.publish_deadline_s</c>.</summary>
        public static readonly ConfigKey SleepPublishDeadline = Int(Sleep, "publish_deadline_s", 5, 300, 30, " s", 0);
        /// <summary><c>sensors</c>: 1-4 sensor objects.</summary>
        public static readonly ConfigKey Sensors = Add(null, "sensors", ConfigType.SensorList, R, 1, 4, 0, null, null, null, null);
        /// <summary><c>sensors[].model</c> (<see cref="TagoFirmware.Sensors.SensorModel"/>).</summary>
        public static readonly ConfigKey SensorModelKey = Add(Sensors, "model", ConfigType.Choice, R, 0, 0, 0, null, null,
            new string[] { "dht11", "dht21", "am2301", "dht22", "am2302" }, new int[] { 11, 21, 21, 22, 22 });
        /// <summary><c>sensors[].echo_pin</c>.</summary>
        public static readonly ConfigKey SensorEchoPin = Int(Sensors, "echo_pin", 0, 39, -1, string.Empty, R);
        /// <summary><c>sensors[].trigger_pin</c>.</summary>
        public static readonly ConfigKey SensorTriggerPin = Int(Sensors, "trigger_pin", 0, 39, -1, string.Empty, R);
        /// <summary><c>sensors[].power_pin</c>: null for none.</summary>
        public static readonly ConfigKey SensorPowerPin = Int(Sensors, "power_pin", 0, 39, -1, string.Empty, N);
        /// <summary><c>sensors[].name</c>: default the model (plus the number with several sensors).</summary>
        public static readonly ConfigKey SensorName = Text(Sensors, "name", null, 0);
        /// <summary><c>sensors[].suffix</c>: default empty with one sensor, <c>_1</c>, <c>_2</c>… with several.</summary>
        public static readonly ConfigKey SensorSuffix = Text(Sensors, "suffix", null, 0);
        /// <summary><c>sensors[].temperature_variable</c>.</summary>
        public static readonly ConfigKey SensorTemperatureVariable = Text(Sensors, "temperature_variable", "temperature", 0);
        /// <summary><c>sensors[].humidity_variable</c>.</summary>
        public static readonly ConfigKey SensorHumidityVariable = Text(Sensors, "humidity_variable", "humidity", 0);
        /// <summary><c>sensors[].dew_point_variable</c>.</summary>
        public static readonly ConfigKey SensorDewPointVariable = Text(Sensors, "dew_point_variable", "dew_point", 0);
        /// <summary><c>sensors[].temperature_offset</c> in °C (stored in tenths).</summary>
        public static readonly ConfigKey SensorTemperatureOffset = Add(Sensors, "temperature_offset", ConfigType.Tenths, 0, -100, 100, 0, null, " (°C)", null, null);
        /// <summary><c>sensors[].humidity_offset</c> in %RH (stored in tenths).</summary>
        public static readonly ConfigKey SensorHumidityOffset = Add(Sensors, "humidity_offset", ConfigType.Tenths, 0, -200, 200, 0, null, " (%RH)", null, null);
        /// <summary><c>sensors[].dew_point</c>.</summary>
        public static readonly ConfigKey SensorDewPoint = Bool(Sensors, "dew_point", false);
        /// <summary><c>led_pin</c>: null for none.</summary>
        public static readonly ConfigKey LedPin = Int(null, "led_pin", 0, 39, 2, string.Empty, N);
        /// <summary><c>led_active_low</c>.</summary>
        public static readonly ConfigKey LedActiveLow = Bool(null, "led_active_low", false);
        /// <summary><c>timeouts</c>.</summary>
        public static readonly ConfigKey Timeouts = Group(null, "timeouts");
        /// <summary><c>timeouts.wifi_connect_s</c>.</summary>
        public static readonly ConfigKey TimeoutWifiConnect = Int(Timeouts, "wifi_connect_s", 5, 300, 30, " s", 0);
        /// <summary><c>timeouts.ack_s</c>.</summary>
        public static readonly ConfigKey TimeoutAck = Int(Timeouts, "ack_s", 2, 120, 15, " s", 0);
        /// <summary><c>timeouts.auth_retry_s</c>.</summary>
        public static readonly ConfigKey TimeoutAuthRetry = Int(Timeouts, "auth_retry_s", 30, 86400, 300, " s", 0);
        /// <summary><c>timeouts.reboot_after_s</c>: 0 disables the self-heal reboot.</summary>
        public static readonly ConfigKey TimeoutRebootAfter = Int(Timeouts, "reboot_after_s", 300, 604800, 1800,
            " s (or 0: off)", ConfigKey.ZeroOff);
        /// <summary><c>diagnostics</c>.</summary>
        public static readonly ConfigKey Diagnostics = Group(null, "diagnostics");
        /// <summary><c>diagnostics.every_payloads</c>: 0 = only on request.</summary>
        public static readonly ConfigKey DiagnosticsEvery = Int(Diagnostics, "every_payloads", 0, 100000, 60, " (0 = only on request)", 0);

        /// <summary>Every row, in order (the array itself: loops over the table avoid a call per row).</summary>
        internal static readonly ConfigKey[] Rows = Trim();

        /// <summary>The defaults of the root keys, copied into every new <see cref="NodeConfig"/>.</summary>
        internal static readonly ConfigValues RootDefaults = new ConfigValues(false, Rows);

        /// <summary>The defaults of a sensor's keys, copied into every new <see cref="SensorConfig"/>.</summary>
        internal static readonly ConfigValues SensorDefaults = new ConfigValues(true, Rows);

        /// <summary>Number of rows.</summary>
        public static int Count => s_count;

        /// <summary>The row with this <see cref="ConfigKey.Id"/>.</summary>
        public static ConfigKey At(int id) => Rows[id];

        /// <summary>The first key of <paramref name="group"/> (null: the root), to walk with <see cref="ConfigKey.Next"/>.</summary>
        internal static ConfigKey FirstIn(ConfigKey group) => group == null ? s_firstRoot : group.First;

        private static ConfigKey[] Trim()
        {
            ConfigKey[] rows = new ConfigKey[s_count];
            System.Array.Copy(s_all, rows, s_count);
            return rows;
        }

        private static ConfigKey Group(ConfigKey group, string name) => Add(group, name, ConfigType.Group, 0, 0, 0, 0, null, null, null, null);

        private static ConfigKey Text(ConfigKey group, string name, string value, int flags) => Add(group, name, ConfigType.Text, flags, 0, 0, 0, value, null, null, null);

        private static ConfigKey Int(ConfigKey group, string name, int min, int max, int value, string unit, int flags)
            => Add(group, name, ConfigType.Int, flags, min, max, value, null, unit, null, null);

        private static ConfigKey Bool(ConfigKey group, string name, bool value) => Add(group, name, ConfigType.Bool, 0, 0, 1, value ? 1 : 0, null, null, null, null);

        private static ConfigKey Add(ConfigKey group, string name, ConfigType type, int flags, int min, int max, int number, string text,
            string unit, string[] choices, int[] values)
        {
            ConfigKey key = new ConfigKey(s_count, group, name, type, flags, min, max, number, text, unit, choices, values);
            s_all[s_count++] = key;
            ConfigKey last = FirstIn(group);
            while (last != null && last.Next != null)
            {
                last = last.Next;
            }

            if (last != null)
            {
                last.Next = key;
            }
            else if (group == null)
            {
                s_firstRoot = key;
            }
            else
            {
                group.First = key;
            }

            return key;
        }
    }
}
