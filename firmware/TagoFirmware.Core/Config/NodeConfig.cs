namespace TagoFirmware.Config
{
    /// <summary>
    /// The whole device configuration, read from one JSON file (<see cref="DevicePath"/> on the device, <c>--config</c>
    /// on the host twin) by <see cref="NodeConfigParser"/>. A new instance holds every default of <see cref="ConfigKeys"/>.
    /// </summary>
    /// <remarks>Secrets (<see cref="Token"/>, <see cref="TagoTipConfig.AuthHash"/>, <see cref="WifiConfig.Password"/>) are plain text here and in the file on
    /// the device's flash; <see cref="Summary"/> never shows them.</remarks>
    public sealed class NodeConfig : ConfigValues
    {
        /// <summary>Where the firmware reads its config: the internal flash drive.</summary>
        public const string DevicePath = "I:\\tagofirmware.json";

        /// <summary>Largest config file accepted, 16 KB: room for several PEM certificates, small enough to read into
        /// RAM once at boot.</summary>
        public const int MaxFileBytes = 16384;

        /// <summary>Value of <see cref="LedPin"/> for "no status LED".</summary>
        public const int NoLed = -1;

        /// <summary>Creates a configuration holding every default.</summary>
        public NodeConfig()
            : base(false)
        {
            Wifi = new WifiConfig(this);
            Mqtt = new MqttConfig(this);
            TagoTip = new TagoTipConfig(this);
            Sampling = new SamplingConfig(this);
            Queue = new QueueConfig(this);
            Sleep = new SleepConfig(this);
            Timeouts = new TimeoutConfig(this);
            Diagnostics = new DiagnosticsConfig(this);
            Sensors = new SensorConfig[0];
        }

        /// <summary>The <c>wifi</c> group.</summary>
        public WifiConfig Wifi { get; private set; }

        /// <summary><c>token</c>: the TagoIO device token (the MQTT password; the username is <c>Token</c>). A secret.</summary>
        public string Token
        {
            get { return Text(ConfigKeys.Token); }
            set { SetValue(ConfigKeys.Token, value); }
        }

        /// <summary>
        /// <c>transport</c>: <see cref="TransportNames.TagoTip"/> or <see cref="TransportNames.TagoMqttJson"/>. When the
        /// file does not say, a config with a <c>token</c> keeps the legacy transport it was written for; any other is TagoTiP.
        /// </summary>
        public string Transport
        {
            get
            {
                string transport = Text(ConfigKeys.Transport);
                if (transport != null)
                {
                    return transport;
                }

                string token = Token;
                return token != null && token.Length > 0 ? TransportNames.TagoMqttJson : TransportNames.TagoTip;
            }

            set { SetValue(ConfigKeys.Transport, value); }
        }

        /// <summary>True when <see cref="Transport"/> is TagoTiP.</summary>
        public bool UsesTagoTip
        {
            get { return Transport == TransportNames.TagoTip; }
        }

        /// <summary>The <c>tagotip</c> group.</summary>
        public TagoTipConfig TagoTip { get; private set; }

        /// <summary>The <c>mqtt</c> group.</summary>
        public MqttConfig Mqtt { get; private set; }

        /// <summary>The <c>sampling</c> group.</summary>
        public SamplingConfig Sampling { get; private set; }

        /// <summary>The <c>queue</c> group.</summary>
        public QueueConfig Queue { get; private set; }

        /// <summary>The <c>sleep</c> group.</summary>
        public SleepConfig Sleep { get; private set; }

        /// <summary>The <c>sensors</c> array.</summary>
        public SensorConfig[] Sensors
        {
            get { return (SensorConfig[])Value(ConfigKeys.Sensors); }
            set { SetValue(ConfigKeys.Sensors, value); }
        }

        /// <summary><c>led_pin</c>: GPIO of the status LED, or <see cref="NoLed"/>.</summary>
        public int LedPin
        {
            get { return Number(ConfigKeys.LedPin); }
            set { SetNumber(ConfigKeys.LedPin, value); }
        }

        /// <summary><c>led_active_low</c>: the LED lights when the pin is low.</summary>
        public bool LedActiveLow
        {
            get { return Number(ConfigKeys.LedActiveLow) != 0; }
            set { SetNumber(ConfigKeys.LedActiveLow, value ? 1 : 0); }
        }

        /// <summary>The <c>timeouts</c> group.</summary>
        public TimeoutConfig Timeouts { get; private set; }

        /// <summary>The <c>diagnostics</c> group.</summary>
        public DiagnosticsConfig Diagnostics { get; private set; }

        /// <summary>
        /// The effective configuration as log lines in table order: one per group (<c>config: mqtt host=… port=…</c>),
        /// one per sensor, root keys together; secrets show only whether they are set.
        /// </summary>
        /// <param name="clientId">The MAC-derived client id, shown when <c>mqtt.client_id</c> is null; may be null.</param>
        /// <returns>One string per line, each starting with <c>config:</c>.</returns>
        public string[] Summary(string clientId)
        {
            SensorConfig[] sensors = Sensors;
            string[] lines = new string[ConfigKeys.Count + sensors.Length];
            int n = 0;
            string line = null;
            bool rootLine = false;
            ConfigKey[] all = ConfigKeys.Rows;
            for (int i = 0; i < all.Length; i++)
            {
                ConfigKey key = all[i];
                if (key.InSensor)
                {
                    continue;
                }

                bool group = key.Type == ConfigType.Group || key.Type == ConfigType.SensorList;
                if (key.Group == null && (group || !rootLine))
                {
                    if (line != null)
                    {
                        lines[n++] = line;
                    }

                    line = group ? "config: " + key.Name : "config:";
                    rootLine = !group;
                }

                if (key.Type == ConfigType.SensorList)
                {
                    for (int s = 0; s < sensors.Length; s++)
                    {
                        lines[n++] = sensors[s].Summary("config: sensors[" + s + "]");
                    }

                    line = null;
                }
                else if (!group)
                {
                    line += " " + key.Name + "=" + Effective(key, clientId);
                }
            }

            lines[n++] = line;
            lines[n++] = "config: secrets are stored in plain text on this device's flash";
            string[] result = new string[n];
            System.Array.Copy(lines, result, n);
            return result;
        }

        /// <summary>A value as the summary shows it: derived values (transport, host, client id) as the node uses them.</summary>
        private string Effective(ConfigKey key, string clientId)
        {
            if (key == ConfigKeys.Transport)
            {
                return Transport;
            }

            if (key == ConfigKeys.MqttHost)
            {
                return Mqtt.Host;
            }

            if (key == ConfigKeys.MqttClientId && UsesTagoTip)
            {
                return TagoTip.Serial + " (the serial)";
            }

            return key == ConfigKeys.MqttClientId && Mqtt.ClientId == null && clientId != null ? clientId + " (from MAC)" : Show(key);
        }
    }
}
