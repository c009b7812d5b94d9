namespace TagoFirmware.Config
{
    /// <summary>The config table: every key of the config file, once, in file order; parsing, validation, defaults, <c>config:</c> lines, <c>--check-config</c>
    /// and docs/configuration.md come from these rows. 60 s keepalive, "10 readings or 30 s" batching and QoS 1 follow TagoIO's MQTT device guide.</summary>
    public static class ConfigKeys
    {
        private const int R = ConfigKey.Required;
        private const int S = ConfigKey.Secret;
        private const int N = ConfigKey.Nullable;
        private const int Top = ConfigKey.Top;
        private const int Own = ConfigKey.OwnRule;

        /// <summary>A pin key's value when null: no status LED, no switched sensor supply.</summary>
        public const int NoPin = -1;

        /// <summary>Every row, in order; <see cref="ConfigKey.Id"/> is the index.</summary>
        public static readonly ConfigKey[] Rows = new ConfigKey[60]; // one slot per row below: a wrong count fails the static constructor or every config load

        internal static readonly ConfigKey Wifi = Group("wifi");
        /// <summary><c>wifi.ssid</c>: 1-32 bytes (IEEE 802.11).</summary>
        public static readonly ConfigKey WifiSsid = Text("ssid", null, R);
        /// <summary><c>wifi.password</c>: WPA2 passphrase or empty for an open network.</summary>
        public static readonly ConfigKey WifiPassword = Text("password", string.Empty, S | N);
        /// <summary><c>token</c>: the TagoIO device token of the legacy transport.</summary>
        public static readonly ConfigKey Token = Text("token", null, S | N | Top);
        /// <summary><c>transport</c>: <c>tagotip</c> or <c>tago-mqtt-json</c>; see <see cref="NodeConfig.Transport"/>.</summary>
        public static readonly ConfigKey Transport = Text("transport", null, N);
        internal static readonly ConfigKey Mqtt = Group("mqtt");
        /// <summary><c>mqtt.host</c>: broker host or IP; see <see cref="NodeConfig.MqttHost"/>.</summary>
        public static readonly ConfigKey MqttHost = Text("host", null, N);
        /// <summary><c>mqtt.port</c>.</summary>
        public static readonly ConfigKey MqttPort = Int("port", 1, 65535, 8883, null, 0);
        /// <summary><c>mqtt.tls</c>: TLS 1.2 with the broker certificate validated.</summary>
        public static readonly ConfigKey MqttTls = Bool("tls", true);
        internal static readonly ConfigKey MqttCaCertificates = new ConfigKey("ca_certificates", ConfigKey.TextList, N, 0, 0, 0, null, null, null, null);
        /// <summary><c>mqtt.client_id</c>: null derives <c>tago-</c> + the MAC.</summary>
        public static readonly ConfigKey MqttClientId = Text("client_id", null, N);
        /// <summary><c>mqtt.data_topic</c>.</summary>
        public static readonly ConfigKey MqttDataTopic = Text("data_topic", "sensors/{client_id}/data", 0);
        /// <summary><c>mqtt.status_topic</c>: online/offline and the last will.</summary>
        public static readonly ConfigKey MqttStatusTopic = Text("status_topic", "device/status/{client_id}", 0);
        /// <summary><c>mqtt.command_topic</c>: a subscription filter.</summary>
        public static readonly ConfigKey MqttCommandTopic = Text("command_topic", "commands/{client_id}/+", 0);
        /// <summary><c>mqtt.qos</c>: 0 or 1.</summary>
        public static readonly ConfigKey MqttQos = Int("qos", 0, 1, 1, " (TagoIO does not support QoS 2)", 0);
        /// <summary><c>mqtt.keepalive_s</c>.</summary>
        public static readonly ConfigKey MqttKeepAlive = Seconds("keepalive_s", 2, 1200, 60);
        /// <summary><c>mqtt.protocol</c>: <c>auto</c> (0) or a pinned version, stored as MQTT's protocol level (3 = 3.1, 4 = 3.1.1, 5 = 5).</summary>
        public static readonly ConfigKey MqttProtocol = Choice("protocol", 0, "auto 3.1.1 5 3.1", new int[] { 0, 4, 5, 3 });
        internal static readonly ConfigKey TagoTip = Group("tagotip");
        /// <summary><c>tagotip.region</c>: <c>us-e1</c> or <c>eu-w1</c>, the TagoIO account's region.</summary>
        public static readonly ConfigKey TagoTipRegion = Choice("region", 0, "us-e1 eu-w1", new int[] { 0, 1 });
        /// <summary><c>tagotip.serial</c>: the device's serial, also the MQTT client id.</summary>
        public static readonly ConfigKey TagoTipSerial = Text("serial", null, N);
        /// <summary><c>tagotip.auth_hash</c>: the 16-hex authorization hash (secret).</summary>
        public static readonly ConfigKey TagoTipAuthHash = Text("auth_hash", null, S | N);
        /// <summary><c>tagotip.ttl_s</c>: the connection lifetime, 10 or 15 s.</summary>
        public static readonly ConfigKey TagoTipTtl = Int("ttl_s", 10, 15, 10, " s (10 or 15)", Own);
        /// <summary><c>tagotip.min_session_s</c>: the shortest time between two session starts.</summary>
        public static readonly ConfigKey TagoTipMinSession = Seconds("min_session_s", 1, 86400, 60);
        internal static readonly ConfigKey Sampling = Group("sampling");
        /// <summary><c>sampling.interval_s</c>: seconds between sampling cycles.</summary>
        public static readonly ConfigKey SamplingInterval = Int("interval_s", 6, 86400, 60, " s", Own);
        /// <summary><c>sampling.batch</c>: readings per payload.</summary>
        public static readonly ConfigKey SamplingBatch = Int("batch", 1, 100, 10, " readings", 0);
        /// <summary><c>sampling.batch_interval_s</c>: publish once the oldest unsent reading is this old.</summary>
        public static readonly ConfigKey SamplingBatchInterval = Seconds("batch_interval_s", 1, 3600, 30);
        /// <summary><c>sampling.payload_buffer_bytes</c>: size of the fixed JSON payload buffer.</summary>
        public static readonly ConfigKey SamplingPayloadBuffer = Int("payload_buffer_bytes", 512, 16384, 4096, " bytes", 0);
        internal static readonly ConfigKey Queue = Group("queue");
        /// <summary><c>queue.capacity</c>.</summary>
        public static readonly ConfigKey QueueCapacity = Int("capacity", 16, 8192, 1024, " readings", 0);
        /// <summary><c>queue.persist</c>: keep the queue in a flash file.</summary>
        public static readonly ConfigKey QueuePersist = Bool("persist", true);
        /// <summary><c>queue.path</c>: the file of the persisted queue.</summary>
        public static readonly ConfigKey QueuePath = Text("path", "I:\\tagofirmware.queue", 0);
        internal static readonly ConfigKey Sleep = Group("sleep");
        /// <summary><c>sleep.mode</c>: <c>deep</c> (1, battery mode: wake on a timer, sample, publish every Nth wake) or <c>off</c> (0).</summary>
        public static readonly ConfigKey DeepSleep = Choice("mode", 0, "off deep", new int[] { 0, 1 });
        /// <summary><c>sleep.wake_interval_s</c>.</summary>
        public static readonly ConfigKey SleepWakeInterval = Seconds("wake_interval_s", 10, 86400, 300);
        /// <summary><c>sleep.publish_every</c>: connect and publish on every Nth wake.</summary>
        public static readonly ConfigKey SleepPublishEvery = Int("publish_every", 1, 1000, 6, " wakes", 0);
        /// <summary><c>sleep.backlog_threshold</c>: also publish when this many readings are unsent.</summary>
        public static readonly ConfigKey SleepBacklogThreshold = Int("backlog_threshold", 1, 8192, 60, " readings (at most queue.capacity)", Own);
        /// <summary><c>sleep.publish_deadline_s</c>: stop waiting for acknowledgements and sleep after this long.</summary>
        public static readonly ConfigKey SleepPublishDeadline = Seconds("publish_deadline_s", 5, 300, 30);
        internal static readonly ConfigKey Sensors = new ConfigKey("sensors", ConfigKey.SensorList, R, 1, 4, 0, null, " sensors", null, null);
        internal static readonly ConfigKey SensorModelKey = Choice("model", R, "dht11 dht21 am2301 dht22 am2302", new int[] { 11, 21, 21, 22, 22 });
        /// <summary><c>echo_pin</c>: the GPIO receiving the sensor's reply (RMT).</summary>
        public static readonly ConfigKey SensorEchoPin = Int("echo_pin", 0, 39, -1, null, R | Own);
        /// <summary><c>trigger_pin</c>: the GPIO sending the start pulse.</summary>
        public static readonly ConfigKey SensorTriggerPin = Int("trigger_pin", 0, 39, -1, null, R | Own);
        /// <summary><c>power_pin</c>: GPIO switching the sensor's supply, or <see cref="NoPin"/>.</summary>
        public static readonly ConfigKey SensorPowerPin = Int("power_pin", 0, 39, -1, null, N | Own);
        /// <summary><c>name</c>: the sensor's label in logs.</summary>
        public static readonly ConfigKey SensorName = Text("name", null, 0);
        /// <summary><c>suffix</c>: appended to each variable name.</summary>
        public static readonly ConfigKey SensorSuffix = Text("suffix", null, 0);
        internal static readonly ConfigKey SensorTemperatureVariable = Text("temperature_variable", "temperature", 0);
        internal static readonly ConfigKey SensorHumidityVariable = Text("humidity_variable", "humidity", 0);
        internal static readonly ConfigKey SensorDewPointVariable = Text("dew_point_variable", "dew_point", 0);
        // ±10 °C and ±20 %RH cover the datasheet accuracy (DHT22 ±0.5 °C / ±2 %RH, DHT11 ±2 °C / ±5 %RH) many times over.
        /// <summary><c>temperature_offset</c> in tenths of °C.</summary>
        public static readonly ConfigKey SensorTemperatureOffset = new ConfigKey("temperature_offset", ConfigKey.Tenths, 0, -100, 100, 0, null, " (°C)", null, null);
        /// <summary><c>humidity_offset</c> in tenths of %RH.</summary>
        public static readonly ConfigKey SensorHumidityOffset = new ConfigKey("humidity_offset", ConfigKey.Tenths, 0, -200, 200, 0, null, " (%RH)", null, null);
        /// <summary><c>dew_point</c>: also publish the dew point.</summary>
        public static readonly ConfigKey SensorDewPoint = Bool("dew_point", false);
        /// <summary><c>led_pin</c>: GPIO of the status LED, or <see cref="NoPin"/>.</summary>
        public static readonly ConfigKey LedPin = Int("led_pin", 0, 39, 2, null, N | Top | Own);
        /// <summary><c>led_active_low</c>: the LED lights when the pin is low.</summary>
        public static readonly ConfigKey LedActiveLow = Bool("led_active_low", false);
        internal static readonly ConfigKey Timeouts = Group("timeouts");
        /// <summary><c>timeouts.wifi_connect_s</c>: deadline of one WiFi join.</summary>
        public static readonly ConfigKey TimeoutWifiConnect = Seconds("wifi_connect_s", 5, 300, 30);
        /// <summary><c>timeouts.ack_s</c>: QoS 1 acknowledgement timeout.</summary>
        public static readonly ConfigKey TimeoutAck = Seconds("ack_s", 2, 120, 15);
        /// <summary><c>timeouts.auth_retry_s</c>: retry interval after the broker refused the credentials.</summary>
        public static readonly ConfigKey TimeoutAuthRetry = Seconds("auth_retry_s", 30, 86400, 300);
        /// <summary><c>timeouts.reboot_after_s</c>: self-heal reboot after this long without acknowledgements; 0 = off.</summary>
        public static readonly ConfigKey TimeoutRebootAfter = Int("reboot_after_s", 300, 604800, 1800,
            " s (or 0: off)", ConfigKey.ZeroOff);
        internal static readonly ConfigKey Diagnostics = Group("diagnostics");
        /// <summary><c>diagnostics.every_payloads</c>: diagnostics with every Nth data payload; 0 = only on request.</summary>
        public static readonly ConfigKey DiagnosticsEvery = Int("every_payloads", 0, 100000, 60, " (0 = only on request)", 0);

        internal static ConfigKey FirstIn(ConfigKey group) => group == null ? Rows[0] : group.First;

        private static ConfigKey Group(string name) => new ConfigKey(name, ConfigKey.Group, 0, 0, 0, 0, null, null, null, null);

        private static ConfigKey Text(string name, string value, int flags) => new ConfigKey(name, ConfigKey.Text, flags, 0, 0, 0, value, null, null, null);

        private static ConfigKey Int(string name, int min, int max, int value, string unit, int flags)
            => new ConfigKey(name, ConfigKey.Int, flags, min, max, value, null, unit, null, null);

        private static ConfigKey Seconds(string name, int min, int max, int value) => Int(name, min, max, value, " s", 0);

        private static ConfigKey Choice(string name, int flags, string names, int[] values)
            => new ConfigKey(name, ConfigKey.Choice, flags, 0, 0, 0, flags == R ? null : names.Substring(0, names.IndexOf(' ')), null, names.Split(' '), values);

        private static ConfigKey Bool(string name, bool value) => new ConfigKey(name, ConfigKey.Bool, 0, 0, 1, value ? 1 : 0, null, null, null, null);
    }
}
