namespace TagoFirmware.Config
{
    /// <summary>
    /// The whole device configuration, read from one JSON file (<see cref="DevicePath"/> on the device,
    /// <c>--config FILE</c> on the host twin) by <see cref="NodeConfigParser"/>. A new instance holds every documented
    /// default; the parser overwrites what the file sets. Property comments give the JSON key, range and default.
    /// </summary>
    /// <remarks>Secrets (<see cref="Token"/>, <see cref="WifiConfig.Password"/>) are kept in plain text here and in the
    /// file on the device's flash; <see cref="Summary"/> never shows them.</remarks>
    public sealed class NodeConfig
    {
        /// <summary>Where the firmware reads its config: the internal flash drive.</summary>
        public const string DevicePath = "I:\\tagofirmware.json";

        /// <summary>Largest config file accepted, 16 KB: room for several PEM certificates, small enough to read into
        /// RAM once at boot.</summary>
        public const int MaxFileBytes = 16384;

        /// <summary>Value of <see cref="LedPin"/> for "no status LED".</summary>
        public const int NoLed = -1;

        /// <summary>Default status LED pin: GPIO2 (the on-board LED of the DOIT DevKit V1 and FireBeetle; an external
        /// LED on the DevKitC, see hardware/README.md).</summary>
        public const int DefaultLedPin = 2;

        /// <summary>The <c>wifi</c> group.</summary>
        public WifiConfig Wifi { get; set; } = new WifiConfig();

        /// <summary><c>token</c>: the TagoIO device token (the MQTT password; the username is always <c>Token</c>).
        /// 32 hex digits, usually written as a UUID (8-4-4-4-12). Required on the device. A secret: never logged.</summary>
        public string Token { get; set; }

        /// <summary>The <c>mqtt</c> group.</summary>
        public MqttConfig Mqtt { get; set; } = new MqttConfig();

        /// <summary>The <c>sampling</c> group.</summary>
        public SamplingConfig Sampling { get; set; } = new SamplingConfig();

        /// <summary>The <c>queue</c> group.</summary>
        public QueueConfig Queue { get; set; } = new QueueConfig();

        /// <summary>The <c>sleep</c> group.</summary>
        public SleepConfig Sleep { get; set; } = new SleepConfig();

        /// <summary>The <c>sensors</c> array: 1…4 sensors. Required.</summary>
        public SensorConfig[] Sensors { get; set; } = new SensorConfig[0];

        /// <summary><c>led_pin</c>: GPIO of the status LED, or null (<see cref="NoLed"/>) for none. Default 2.</summary>
        public int LedPin { get; set; } = DefaultLedPin;

        /// <summary><c>led_active_low</c>: the LED lights when the pin is low (e.g. LOLIN D32 on GPIO5). Default false.</summary>
        public bool LedActiveLow { get; set; }

        /// <summary>The <c>timeouts</c> group.</summary>
        public TimeoutConfig Timeouts { get; set; } = new TimeoutConfig();

        /// <summary>The <c>diagnostics</c> group.</summary>
        public DiagnosticsConfig Diagnostics { get; set; } = new DiagnosticsConfig();

        /// <summary>
        /// The effective configuration as log lines, logged once at boot. The token and the WiFi password are never
        /// shown, not even in part: only whether they are set.
        /// </summary>
        /// <param name="clientId">The effective client id (see <see cref="MqttConfig.EffectiveClientId"/>), used to show
        /// the expanded topics; null shows the templates.</param>
        /// <returns>One string per line, each starting with <c>config: </c>.</returns>
        public string[] Summary(string clientId)
        {
            int sensors = Sensors == null ? 0 : Sensors.Length;
            string[] lines = new string[11 + sensors];
            int n = 0;
            lines[n++] = "config: wifi ssid=\"" + Wifi.Ssid + "\" password=" + SecretState(Wifi.Password, "(empty: open network)")
                + " connect_timeout=" + Timeouts.WifiConnectSeconds + "s";
            lines[n++] = "config: token=" + SecretState(Token, "(missing)");

            string ca;
            if (!Mqtt.Tls)
            {
                ca = "none (plain TCP)";
            }
            else if (Mqtt.CaCertificates == null || Mqtt.CaCertificates.Length == 0)
            {
                ca = "platform store";
            }
            else
            {
                ca = string.Empty;
                for (int i = 0; i < Mqtt.CaCertificates.Length; i++)
                {
                    string c = Mqtt.CaCertificates[i];
                    ca += (i > 0 ? "," : string.Empty) + (ConfigText.IsPem(c) ? "PEM(" + c.Length + " chars)" : c);
                }
            }

            string id = Mqtt.ClientId != null ? Mqtt.ClientId : (clientId != null ? clientId + " (from MAC)" : "(from MAC)");
            lines[n++] = "config: mqtt " + (Mqtt.Tls ? "mqtts://" : "mqtt://") + Mqtt.Host + ":" + Mqtt.Port + " ca=" + ca
                + " client_id=" + id + " qos=" + Mqtt.Qos + " keepalive=" + Mqtt.KeepAliveSeconds + "s";
            string effective = Mqtt.EffectiveClientId(clientId);
            lines[n++] = "config: topics data=" + (effective == null ? Mqtt.DataTopic : Mqtt.DataTopicFor(effective))
                + " status=" + (effective == null ? Mqtt.StatusTopic : Mqtt.StatusTopicFor(effective))
                + " commands=" + (effective == null ? Mqtt.CommandTopic : Mqtt.CommandTopicFor(effective));
            lines[n++] = "config: sampling interval=" + Sampling.IntervalSeconds + "s batch=" + Sampling.Batch
                + " batch_interval=" + Sampling.BatchIntervalSeconds + "s payload_buffer=" + Sampling.PayloadBufferBytes + "B";
            lines[n++] = "config: queue capacity=" + Queue.Capacity + " persist=" + (Queue.Persist ? "on path=" + Queue.Path : "off");
            lines[n++] = Sleep.Mode == SleepMode.Off
                ? "config: sleep mode=off"
                : "config: sleep mode=deep wake_interval=" + Sleep.WakeIntervalSeconds + "s publish_every=" + Sleep.PublishEvery
                    + " backlog_threshold=" + Sleep.BacklogThreshold + " publish_deadline=" + Sleep.PublishDeadlineSeconds + "s";
            for (int i = 0; i < sensors; i++)
            {
                SensorConfig s = Sensors[i];
                lines[n++] = "config: sensors[" + i + "] " + s.ModelName + " name=" + s.Name + " echo=" + s.EchoPin
                    + " trigger=" + s.TriggerPin + " power=" + (s.PowerPin == SensorConfig.NoPin ? "none" : s.PowerPin.ToString())
                    + " variables=" + s.TemperatureVariableName + "," + s.HumidityVariableName
                    + (s.DewPoint ? "," + s.DewPointVariableName : string.Empty)
                    + " offsets=" + ConfigText.FormatTenths(s.TemperatureOffsetTenths) + "C/" + ConfigText.FormatTenths(s.HumidityOffsetTenths) + "%RH";
            }

            lines[n++] = "config: led " + (LedPin == NoLed ? "none" : "pin=" + LedPin + (LedActiveLow ? " active_low" : " active_high"));
            lines[n++] = "config: timeouts ack=" + Timeouts.AckSeconds + "s auth_retry=" + Timeouts.AuthRetrySeconds
                + "s reboot_after=" + (Timeouts.RebootAfterSeconds == 0 ? "off" : Timeouts.RebootAfterSeconds + "s");
            lines[n++] = "config: diagnostics " + (Diagnostics.EveryPayloads == 0 ? "on request only" : "every " + Diagnostics.EveryPayloads + " payloads");
            lines[n++] = "config: secrets are stored in plain text on this device's flash";
            return lines;
        }

        /// <summary><see cref="Summary"/> joined with line feeds: the effective config with secrets masked.</summary>
        /// <param name="clientId">The effective client id, or null.</param>
        /// <returns>The multi-line summary.</returns>
        public string Redacted(string clientId)
        {
            string[] lines = Summary(clientId);
            string text = string.Empty;
            for (int i = 0; i < lines.Length; i++)
            {
                text += (i > 0 ? "\n" : string.Empty) + lines[i];
            }

            return text;
        }

        private static string SecretState(string secret, string whenEmpty)
        {
            return secret == null || secret.Length == 0 ? whenEmpty : "(set, hidden)";
        }
    }
}
