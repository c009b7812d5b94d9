using System.Collections;
using TagoFirmware.Sensors;

namespace TagoFirmware.Config
{
    /// <summary>
    /// The value rules of the config: the ranges of <see cref="ConfigKeys"/>, and the rules a row cannot say (pins,
    /// names, topics, secrets' shape, relations between keys). The parser runs it on every file; front ends that change
    /// a <see cref="NodeConfig"/> afterwards (the twin's command-line options) run it again through <see cref="Validate"/>.
    /// </summary>
    public static class NodeConfigValidator
    {
        /// <summary>The example file's WiFi name and password: refused, so an unedited copy never reaches a board.</summary>
        private const string ExampleSsid = "example-network";

        private const string ExamplePassword = "example-password-not-real";


        private static readonly ConfigKey[] s_rootRanges = RangeKeys(false);
        private static readonly ConfigKey[] s_sensorRanges = RangeKeys(true);

        /// <summary>Validates a config built or changed in code.</summary>
        /// <param name="config">The configuration; null is reported as an error.</param>
        /// <param name="rules">External validation parameters; null uses the defaults.</param>
        /// <returns>The same config with every issue found.</returns>
        public static ConfigResult Validate(NodeConfig config, ConfigRules rules)
        {
            ArrayList issues = new ArrayList();
            if (config == null)
            {
                issues.Add(new ConfigIssue(ConfigSeverity.Error, "(file)", "no configuration"));
                return new ConfigResult(new NodeConfig(), issues);
            }

            ValidateInto(config, rules == null ? new ConfigRules() : rules, issues);
            return new ConfigResult(config, issues);
        }

        /// <summary>Appends the issues of <paramref name="config"/> to <paramref name="issues"/>.</summary>
        internal static void ValidateInto(NodeConfig config, ConfigRules rules, ArrayList issues)
        {
            ValidateWifi(config, rules, issues);
            TransportValidator.Validate(config, issues);
            ValidateMqtt(config.Mqtt, issues);
            Ranges(config, string.Empty, issues);
            ValidateSampling(config, rules, issues);
            SensorConfigValidator.Validate(config, issues);
        }

        /// <summary>
        /// The smallest sampling interval the configured sensors' read pipelines allow (the largest of their minimums, on
        /// the battery pipeline in deep-sleep mode) and at least <paramref name="rules"/>' minimum.
        /// </summary>
        /// <param name="config">A configuration.</param>
        /// <param name="rules">External validation parameters; null uses the defaults.</param>
        /// <param name="reason">Why; completes "must be at least N s because …".</param>
        /// <returns>Seconds.</returns>
        public static int MinIntervalSeconds(NodeConfig config, ConfigRules rules, out string reason)
        {
            int min = rules == null ? ConfigRules.DefaultMinIntervalSeconds : rules.MinIntervalSeconds;
            reason = rules == null ? ConfigRules.DefaultMinIntervalReason : rules.MinIntervalReason;
            SensorConfig[] sensors = config.Sensors;
            for (int i = 0; sensors != null && i < sensors.Length; i++)
            {
                if (sensors[i] != null && sensors[i].Model != SensorModel.None)
                {
                    ReadPipelineSettings settings = sensors[i].PipelineSettings(config.Sleep.Mode == SleepMode.Deep);
                    if (settings.MinSamplingIntervalSeconds > min)
                    {
                        min = settings.MinSamplingIntervalSeconds;
                        reason = settings.MinSamplingIntervalReason;
                    }
                }
            }

            return min;
        }

        /// <summary>The number keys of one scope that have no rule of their own (pins, QoS and the sampling interval do).</summary>
        private static ConfigKey[] RangeKeys(bool sensor)
        {
            ArrayList keys = new ArrayList();
            ConfigKey[] all = ConfigKeys.Rows;
            for (int i = 0; i < all.Length; i++)
            {
                ConfigKey key = all[i];
                if (key.InSensor == sensor && (key.Type == ConfigType.Int || key.Type == ConfigType.Tenths) && key.Max != 39
                    && key != ConfigKeys.MqttQos && key != ConfigKeys.SamplingInterval && key != ConfigKeys.TagoTipTtl)
                {
                    keys.Add(key);
                }
            }

            ConfigKey[] result = new ConfigKey[keys.Count];
            keys.CopyTo(result, 0);
            return result;
        }

        /// <summary>The range check of every number key of <paramref name="values"/> that has no rule of its own.</summary>
        internal static void Ranges(ConfigValues values, string prefix, ArrayList issues)
        {
            bool sensor = values is SensorConfig;
            ConfigKey[] all = sensor ? s_sensorRanges : s_rootRanges;
            for (int i = 0; i < all.Length; i++)
            {
                ConfigKey key = all[i];

                int value = values.Number(key);
                int max = key == ConfigKeys.SleepBacklogThreshold ? ((NodeConfig)values).Queue.Capacity : key.Max;
                max = max < ConfigKeys.QueueCapacity.Min || max > key.Max ? key.Max : max;
                if (!(value == 0 && key.Has(ConfigKey.ZeroOff)))
                {
                    Range(issues, key, sensor ? prefix + key.Name : key.Path, value, key.Min, max);
                }
            }
        }

        private static void ValidateWifi(NodeConfig config, ConfigRules rules, ArrayList issues)
        {
            string ssid = config.Wifi.Ssid;
            if (ssid == null || ssid.Length == 0)
            {
                if (rules.RequireWifi)
                {
                    Error(issues, "wifi.ssid", "is required: the name of the WiFi network to join");
                }

                return;
            }

            Placeholder(issues, rules, "wifi.ssid", ssid == ExampleSsid, "-WifiSsid or TAGO_WIFI_SSID");
            Placeholder(issues, rules, "wifi.password", config.Wifi.Password == ExamplePassword, "-WifiPassword or TAGO_WIFI_PASSWORD");

            int bytes = ConfigText.Utf8Length(ssid);
            if (bytes > 32)
            {
                Error(issues, "wifi.ssid", "must be at most 32 bytes (IEEE 802.11 SSID limit); it has " + bytes);
            }

            // The password is a secret: messages give its length at most, never its text.
            string password = config.Wifi.Password == null ? string.Empty : config.Wifi.Password;
            int length = password.Length;
            if (length == 0)
            {
                Warning(issues, "wifi.password", "is empty: the node joins an open network");
            }
            else if (length < 8 || length > 64 || (length == 64 && !IsHex(password)))
            {
                Error(issues, "wifi.password", "must be a WPA2 passphrase of 8-63 characters or 64 hex digits (IEEE 802.11i), or empty"
                    + " for an open network; it has " + length + " characters");
            }
        }

        private static void Placeholder(ArrayList issues, ConfigRules rules, string path, bool isPlaceholder, string how)
        {
            if (rules.RequireWifi && isPlaceholder)
            {
                Error(issues, path, "is the example file's placeholder: put your network's here, or pass it with flash.ps1 " + how);
            }
        }

        private static void ValidateMqtt(MqttConfig m, ArrayList issues)
        {
            string hostProblem = HostProblem(m.Host);
            if (hostProblem != null)
            {
                Error(issues, "mqtt.host", hostProblem);
            }

            if (m.Port >= 1 && m.Port <= 65535)
            {
                if (m.Tls && m.Port == MqttConfig.PlainPort)
                {
                    Warning(issues, "mqtt.port", "1883 is the plain MQTT port; TLS to it fails on TagoIO (TLS is on 8883)");
                }
                else if (!m.Tls && m.Port == ConfigKeys.MqttPort.DefaultNumber)
                {
                    Warning(issues, "mqtt.port", "8883 is the TLS port, but tls is false: plain MQTT to it fails (use 1883)");
                }
            }

            if (!m.Tls)
            {
                Warning(issues, "mqtt.tls", "is false: the device token and all data cross the network unencrypted");
            }

            string[] cas = m.CaCertificates == null ? new string[0] : m.CaCertificates;
            if (!m.Tls && cas.Length > 0)
            {
                Warning(issues, "mqtt.ca_certificates", "are ignored because tls is false");
            }

            for (int i = 0; i < cas.Length; i++)
            {
                string path = "mqtt.ca_certificates[" + i + "]";
                string ca = cas[i];
                if (ca == null || ca.Length == 0)
                {
                    Error(issues, path, "must be PEM text or the name of a PEM file, not empty");
                }
                else if (ConfigText.IsPem(ca))
                {
                    string problem = ConfigText.PemProblem(ca);
                    if (problem != null)
                    {
                        Error(issues, path, problem);
                    }
                }
                else if (ConfigText.HasControlCharacter(ca) || ca.Length > 200 || ca.IndexOf("-----") >= 0)
                {
                    Error(issues, path, "must be PEM text starting with -----BEGIN CERTIFICATE----- or a file name of at most 200"
                        + " characters (e.g. \"I:\\\\tago-ca.pem\")");
                }
                else if (!StartsWithIgnoreCase(ca, "I:\\"))
                {
                    Warning(issues, path, "is not on I:\\: the device reads CA files from its internal flash (I:\\...); only the host"
                        + " twin can use this name (relative to the config file)");
                }
            }

            if (m.ClientId != null)
            {
                if (!ConfigText.IsValidClientId(m.ClientId))
                {
                    Error(issues, "mqtt.client_id", "must be 1-64 characters of A-Z a-z 0-9 - _ (it becomes part of the topics),"
                        + " or null to derive tago-<MAC> from the board");
                }
                else if (m.ClientId.Length > 23)
                {
                    Warning(issues, "mqtt.client_id", "is longer than 23 characters, the most MQTT 3.1.1 §3.1.3.1 obliges a broker to accept");
                }
            }

            TopicCheck(issues, "mqtt.data_topic", m.DataTopic, false);
            TopicCheck(issues, "mqtt.status_topic", m.StatusTopic, false);
            TopicCheck(issues, "mqtt.command_topic", m.CommandTopic, true);

            if (m.Qos == 2)
            {
                Error(issues, "mqtt.qos", "2 is not allowed: TagoIO does not support QoS 2 (it supports 0 and 1); use 1 for"
                    + " at-least-once delivery (the default) or 0");
            }
            else
            {
                Range(issues, ConfigKeys.MqttQos, "mqtt.qos", m.Qos, 0, 1);
            }

        }

        private static void ValidateSampling(NodeConfig config, ConfigRules rules, ArrayList issues)
        {
            SamplingConfig s = config.Sampling;
            string reason;
            int min = MinIntervalSeconds(config, rules, out reason);
            if (s.IntervalSeconds < min)
            {
                Error(issues, "sampling.interval_s", "must be >= " + min + " s because " + reason + "; got " + s.IntervalSeconds);
            }
            else
            {
                Range(issues, ConfigKeys.SamplingInterval, "sampling.interval_s", s.IntervalSeconds, min, ConfigKeys.SamplingInterval.Max);
            }

            QueueConfig q = config.Queue;
            if (q.Capacity >= ConfigKeys.QueueCapacity.Min && q.Capacity <= ConfigKeys.QueueCapacity.Max
                && s.Batch >= 1 && s.Batch <= ConfigKeys.SamplingBatch.Max && q.Capacity < s.Batch)
            {
                Error(issues, "queue.capacity", "must hold at least one batch (sampling.batch = " + s.Batch + "); got " + q.Capacity);
            }

            if (q.Persist)
            {
                if (q.Path == null || q.Path.Length == 0 || q.Path.Length > 200 || ConfigText.HasControlCharacter(q.Path))
                {
                    Error(issues, "queue.path", "must be a file name of 1-200 characters without control characters, e.g."
                        + " \"I:\\\\tagofirmware.queue\" (in JSON a backslash is written \\\\; \\t or \\n would be a tab or line feed)");
                }
                else if (q.Path.ToLower() == NodeConfig.DevicePath.ToLower())
                {
                    Error(issues, "queue.path", "must not be the config file itself (" + NodeConfig.DevicePath + ")");
                }
            }

            if (config.Sleep.Mode == SleepMode.Deep && !q.Persist)
            {
                Error(issues, "sleep.mode", "\"deep\" needs queue.persist = true: RAM is lost in deep sleep, so readings of wakes"
                    + " that do not publish would be lost");
            }
        }





        private static void TopicCheck(ArrayList issues, string path, string topic, bool isFilter)
        {
            string problem = ConfigText.TopicProblem(topic, isFilter);
            if (problem != null)
            {
                Error(issues, path, problem);
            }
        }

        private static string HostProblem(string host)
        {
            if (host == null || host.Length == 0)
            {
                return "must not be empty (default mqtt.tago.io)";
            }

            if (host.Length > 253)
            {
                return "must be at most 253 characters (DNS name limit, RFC 1035 §2.3.4)";
            }

            char[] chars = host.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
                {
                    return "must be a host name or IPv4 address only, without scheme, port or path (e.g. mqtt.tago.io)";
                }
            }

            return null;
        }

        internal static bool IsHex(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool StartsWithIgnoreCase(string text, string prefix)
        {
            return text.Length >= prefix.Length && text.Substring(0, prefix.Length).ToUpper() == prefix.ToUpper();
        }

        /// <summary>Reports a value outside min…max (unless already reported by the parser); true when in range.</summary>
        internal static bool Range(ArrayList issues, ConfigKey key, string path, int value, int min, int max)
        {
            if ((value >= min && value <= max) || value == NodeConfigParser.ReportedInvalid)
            {
                return true;
            }

            bool tenths = key.Type == ConfigType.Tenths;
            Error(issues, path, "must be between " + (tenths ? ConfigText.FormatTenths(min) : min.ToString()) + " and "
                + (tenths ? ConfigText.FormatTenths(max) : max.ToString()) + key.Unit + "; got " + (tenths ? ConfigText.FormatTenths(value) : value.ToString()));
            return false;
        }

        internal static void Caution(ArrayList issues, string path, string caution)
        {
            if (caution != null)
            {
                Warning(issues, path, caution);
            }
        }

        internal static void Error(ArrayList issues, string path, string message)
        {
            issues.Add(new ConfigIssue(ConfigSeverity.Error, path, message));
        }

        internal static void Warning(ArrayList issues, string path, string message)
        {
            issues.Add(new ConfigIssue(ConfigSeverity.Warning, path, message));
        }
    }
}
