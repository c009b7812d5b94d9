using System.Collections;
using TagoFirmware.Json;

namespace TagoFirmware.Config
{
    /// <summary>
    /// Reads the device config file (UTF-8 JSON, an optional byte-order mark is skipped) into a <see cref="NodeConfig"/>
    /// and validates it with <see cref="NodeConfigValidator"/>: the one set of rules used by the firmware at boot, the
    /// host twin (<c>--config</c>, <c>--check-config</c>) and flash.ps1 (through the twin).
    /// </summary>
    /// <remarks>
    /// Every problem is reported, not just the first, each naming the field path and what is allowed. Unknown keys are
    /// <b>errors</b>: a misspelt key (<c>"intervall_s"</c>) would otherwise silently leave a default in place on a node
    /// that then runs for months; keys starting with <c>_</c> are comments and ignored. Never throws on any input.
    /// </remarks>
    public static class NodeConfigParser
    {
        /// <summary>Deepest nesting a config needs is 3 (root → sensors → sensor); allow some slack, refuse more.</summary>
        private const int MaxDepth = 8;

        private const string File = "(file)";

        /// <summary>Pin value left by a pin the parser already reported as malformed, so the validator does not
        /// report it again as missing.</summary>
        internal const int ReportedInvalid = int.MinValue;

        private static readonly string[] s_rootNames = new string[]
        {
            "wifi", "token", "mqtt", "sampling", "queue", "sleep", "sensors", "led_pin", "led_active_low", "timeouts", "diagnostics",
        };

        private static readonly string[] s_wifiNames = new string[] { "ssid", "password" };

        private static readonly string[] s_mqttNames = new string[]
        {
            "host", "port", "tls", "ca_certificates", "client_id", "data_topic", "status_topic", "command_topic", "qos", "keepalive_s",
        };

        private static readonly string[] s_samplingNames = new string[] { "interval_s", "batch", "batch_interval_s", "payload_buffer_bytes" };

        private static readonly string[] s_queueNames = new string[] { "capacity", "persist", "path" };

        private static readonly string[] s_sleepNames = new string[]
        {
            "mode", "wake_interval_s", "publish_every", "backlog_threshold", "publish_deadline_s",
        };

        private static readonly string[] s_sensorNames = new string[]
        {
            "model", "echo_pin", "trigger_pin", "power_pin", "name", "suffix", "temperature_variable", "humidity_variable",
            "dew_point_variable", "temperature_offset", "humidity_offset", "dew_point",
        };

        private static readonly string[] s_timeoutNames = new string[] { "wifi_connect_s", "ack_s", "auth_retry_s", "reboot_after_s" };

        private static readonly string[] s_diagnosticsNames = new string[] { "every_payloads" };

        private static readonly byte[][] s_rootKeys = Keys(s_rootNames);
        private static readonly byte[][] s_wifiKeys = Keys(s_wifiNames);
        private static readonly byte[][] s_mqttKeys = Keys(s_mqttNames);
        private static readonly byte[][] s_samplingKeys = Keys(s_samplingNames);
        private static readonly byte[][] s_queueKeys = Keys(s_queueNames);
        private static readonly byte[][] s_sleepKeys = Keys(s_sleepNames);
        private static readonly byte[][] s_sensorKeys = Keys(s_sensorNames);
        private static readonly byte[][] s_timeoutKeys = Keys(s_timeoutNames);
        private static readonly byte[][] s_diagnosticsKeys = Keys(s_diagnosticsNames);

        /// <summary>Parses and validates a whole config file.</summary>
        /// <param name="utf8">The file's bytes.</param>
        /// <param name="rules">External validation parameters; null uses the defaults.</param>
        /// <returns>The config and every issue found.</returns>
        public static ConfigResult Parse(byte[] utf8, ConfigRules rules)
        {
            return Parse(utf8, 0, utf8 == null ? 0 : utf8.Length, rules);
        }

        /// <summary>Parses and validates <paramref name="length"/> bytes of <paramref name="utf8"/> from <paramref name="offset"/>.</summary>
        /// <param name="utf8">A buffer holding the file.</param>
        /// <param name="offset">Index of the file's first byte.</param>
        /// <param name="length">Length of the file.</param>
        /// <param name="rules">External validation parameters; null uses the defaults.</param>
        /// <returns>The config and every issue found.</returns>
        public static ConfigResult Parse(byte[] utf8, int offset, int length, ConfigRules rules)
        {
            if (rules == null)
            {
                rules = new ConfigRules();
            }

            ArrayList issues = new ArrayList();
            NodeConfig config = new NodeConfig();
            if (utf8 == null || offset < 0 || length < 0 || offset > utf8.Length || length > utf8.Length - offset || length == 0)
            {
                issues.Add(new ConfigIssue(ConfigSeverity.Error, File, "the config file is empty or missing"));
                return new ConfigResult(config, issues);
            }

            if (length > NodeConfig.MaxFileBytes)
            {
                issues.Add(new ConfigIssue(ConfigSeverity.Error, File, "is " + length + " bytes; at most " + NodeConfig.MaxFileBytes
                    + " bytes are allowed (put large CA bundles in their own files on I:\\)"));
                return new ConfigResult(config, issues);
            }

            // Windows editors may save UTF-8 with a byte-order mark; RFC 8259 §8.1 lets a parser ignore it.
            if (length >= 3 && utf8[offset] == 0xEF && utf8[offset + 1] == 0xBB && utf8[offset + 2] == 0xBF)
            {
                offset += 3;
                length -= 3;
            }

            // Pass 1: syntax only, so a broken file gives one precise error instead of a cascade.
            JsonReader check = new JsonReader(utf8, offset, length, MaxDepth);
            while (check.Read())
            {
            }

            if (check.Error != JsonError.None)
            {
                issues.Add(new ConfigIssue(ConfigSeverity.Error, File, SyntaxMessage(utf8, offset, check.Error, check.ErrorOffset)));
                return new ConfigResult(config, issues);
            }

            // Pass 2: structure and types.
            ConfigParseContext c = new ConfigParseContext(new JsonReader(utf8, offset, length, MaxDepth), issues);
            c.NextValue();
            if (c.Reader.Token != JsonToken.StartObject)
            {
                c.Error(File, "must be a JSON object { ... } holding the settings, got " + c.Describe());
                return new ConfigResult(config, issues);
            }

            bool portSet = false;
            bool tlsSet = false;
            int seen = 0;
            while (c.NextKey())
            {
                switch (c.MatchKey(s_rootKeys, s_rootNames, string.Empty, ref seen))
                {
                    case 0:
                        ParseWifi(c, config.Wifi);
                        break;
                    case 1:
                        string token;
                        if (c.String("token", true, out token))
                        {
                            config.Token = token;
                        }

                        break;
                    case 2:
                        ParseMqtt(c, config.Mqtt, out portSet, out tlsSet);
                        break;
                    case 3:
                        ParseSampling(c, config.Sampling);
                        break;
                    case 4:
                        ParseQueue(c, config.Queue);
                        break;
                    case 5:
                        ParseSleep(c, config.Sleep);
                        break;
                    case 6:
                        config.Sensors = ParseSensors(c);
                        break;
                    case 7:
                        int led;
                        bool noLed;
                        if (c.IntOrNull("led_pin", out led, out noLed))
                        {
                            config.LedPin = noLed ? NodeConfig.NoLed : led;
                        }

                        break;
                    case 8:
                        bool activeLow;
                        if (c.Bool("led_active_low", out activeLow))
                        {
                            config.LedActiveLow = activeLow;
                        }

                        break;
                    case 9:
                        ParseTimeouts(c, config.Timeouts);
                        break;
                    case 10:
                        ParseDiagnostics(c, config.Diagnostics);
                        break;
                }
            }

            // Plain TCP only when asked for explicitly: with "tls": false and no port, use MQTT's plain port.
            if (tlsSet && !config.Mqtt.Tls && !portSet)
            {
                config.Mqtt.Port = MqttConfig.PlainPort;
            }

            NodeConfigValidator.ValidateInto(config, rules, issues);
            return new ConfigResult(config, issues);
        }

        private static void ParseWifi(ConfigParseContext c, WifiConfig wifi)
        {
            c.NextValue();
            if (!c.IsObject("wifi"))
            {
                return;
            }

            int seen = 0;
            while (c.NextKey())
            {
                string s;
                switch (c.MatchKey(s_wifiKeys, s_wifiNames, "wifi", ref seen))
                {
                    case 0:
                        if (c.String("wifi.ssid", false, out s))
                        {
                            wifi.Ssid = s;
                        }

                        break;
                    case 1:
                        if (c.String("wifi.password", true, out s))
                        {
                            wifi.Password = s == null ? string.Empty : s;
                        }

                        break;
                }
            }
        }

        private static void ParseMqtt(ConfigParseContext c, MqttConfig m, out bool portSet, out bool tlsSet)
        {
            portSet = false;
            tlsSet = false;
            c.NextValue();
            if (!c.IsObject("mqtt"))
            {
                return;
            }

            int seen = 0;
            while (c.NextKey())
            {
                string s;
                int n;
                bool b;
                switch (c.MatchKey(s_mqttKeys, s_mqttNames, "mqtt", ref seen))
                {
                    case 0:
                        if (c.String("mqtt.host", false, out s))
                        {
                            m.Host = s;
                        }

                        break;
                    case 1:
                        if (c.Int("mqtt.port", out n))
                        {
                            m.Port = n;
                            portSet = true;
                        }

                        break;
                    case 2:
                        if (c.Bool("mqtt.tls", out b))
                        {
                            m.Tls = b;
                            tlsSet = true;
                        }

                        break;
                    case 3:
                        m.CaCertificates = ParseStringList(c, "mqtt.ca_certificates");
                        break;
                    case 4:
                        if (c.String("mqtt.client_id", true, out s))
                        {
                            m.ClientId = s;
                        }

                        break;
                    case 5:
                        if (c.String("mqtt.data_topic", false, out s))
                        {
                            m.DataTopic = s;
                        }

                        break;
                    case 6:
                        if (c.String("mqtt.status_topic", false, out s))
                        {
                            m.StatusTopic = s;
                        }

                        break;
                    case 7:
                        if (c.String("mqtt.command_topic", false, out s))
                        {
                            m.CommandTopic = s;
                        }

                        break;
                    case 8:
                        if (c.Int("mqtt.qos", out n))
                        {
                            m.Qos = n;
                        }

                        break;
                    case 9:
                        if (c.Int("mqtt.keepalive_s", out n))
                        {
                            m.KeepAliveSeconds = n;
                        }

                        break;
                }
            }
        }

        /// <summary>An array of strings, a single string (shorthand for one entry) or null (empty).</summary>
        private static string[] ParseStringList(ConfigParseContext c, string path)
        {
            c.NextValue();
            JsonReader r = c.Reader;
            if (r.Token == JsonToken.Null)
            {
                return new string[0];
            }

            if (r.Token == JsonToken.String)
            {
                return new string[] { r.GetString() };
            }

            if (r.Token != JsonToken.StartArray)
            {
                c.Error(path, "must be an array of PEM texts or file names, got " + c.Describe());
                r.Skip();
                return new string[0];
            }

            ArrayList items = new ArrayList();
            int index = 0;
            while (r.Read() && r.Token != JsonToken.EndArray)
            {
                if (r.Token == JsonToken.String)
                {
                    items.Add(r.GetString());
                }
                else
                {
                    c.Error(path + "[" + index + "]", "must be a string (PEM text or file name), got " + c.Describe());
                    r.Skip();
                }

                index++;
            }

            string[] result = new string[items.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (string)items[i];
            }

            return result;
        }

        private static void ParseSampling(ConfigParseContext c, SamplingConfig s)
        {
            c.NextValue();
            if (!c.IsObject("sampling"))
            {
                return;
            }

            int seen = 0;
            while (c.NextKey())
            {
                int n;
                switch (c.MatchKey(s_samplingKeys, s_samplingNames, "sampling", ref seen))
                {
                    case 0:
                        if (c.Int("sampling.interval_s", out n))
                        {
                            s.IntervalSeconds = n;
                        }

                        break;
                    case 1:
                        if (c.Int("sampling.batch", out n))
                        {
                            s.Batch = n;
                        }

                        break;
                    case 2:
                        if (c.Int("sampling.batch_interval_s", out n))
                        {
                            s.BatchIntervalSeconds = n;
                        }

                        break;
                    case 3:
                        if (c.Int("sampling.payload_buffer_bytes", out n))
                        {
                            s.PayloadBufferBytes = n;
                        }

                        break;
                }
            }
        }

        private static void ParseQueue(ConfigParseContext c, QueueConfig q)
        {
            c.NextValue();
            if (!c.IsObject("queue"))
            {
                return;
            }

            int seen = 0;
            while (c.NextKey())
            {
                int n;
                bool b;
                string s;
                switch (c.MatchKey(s_queueKeys, s_queueNames, "queue", ref seen))
                {
                    case 0:
                        if (c.Int("queue.capacity", out n))
                        {
                            q.Capacity = n;
                        }

                        break;
                    case 1:
                        if (c.Bool("queue.persist", out b))
                        {
                            q.Persist = b;
                        }

                        break;
                    case 2:
                        if (c.String("queue.path", false, out s))
                        {
                            q.Path = s;
                        }

                        break;
                }
            }
        }

        private static void ParseSleep(ConfigParseContext c, SleepConfig sleep)
        {
            c.NextValue();
            if (!c.IsObject("sleep"))
            {
                return;
            }

            int seen = 0;
            while (c.NextKey())
            {
                int n;
                string s;
                switch (c.MatchKey(s_sleepKeys, s_sleepNames, "sleep", ref seen))
                {
                    case 0:
                        if (c.String("sleep.mode", false, out s))
                        {
                            string mode = s.ToLower();
                            if (mode == "off")
                            {
                                sleep.Mode = SleepMode.Off;
                            }
                            else if (mode == "deep")
                            {
                                sleep.Mode = SleepMode.Deep;
                            }
                            else
                            {
                                c.Error("sleep.mode", "\"" + ConfigParseContext.Shorten(s) + "\" is not a sleep mode: use \"off\" or \"deep\"");
                            }
                        }

                        break;
                    case 1:
                        if (c.Int("sleep.wake_interval_s", out n))
                        {
                            sleep.WakeIntervalSeconds = n;
                        }

                        break;
                    case 2:
                        if (c.Int("sleep.publish_every", out n))
                        {
                            sleep.PublishEvery = n;
                        }

                        break;
                    case 3:
                        if (c.Int("sleep.backlog_threshold", out n))
                        {
                            sleep.BacklogThreshold = n;
                        }

                        break;
                    case 4:
                        if (c.Int("sleep.publish_deadline_s", out n))
                        {
                            sleep.PublishDeadlineSeconds = n;
                        }

                        break;
                }
            }
        }

        private static SensorConfig[] ParseSensors(ConfigParseContext c)
        {
            c.NextValue();
            JsonReader r = c.Reader;
            if (r.Token != JsonToken.StartArray)
            {
                c.Error("sensors", "must be an array of sensor objects [ { ... } ], got " + c.Describe());
                r.Skip();
                return new SensorConfig[0];
            }

            ArrayList list = new ArrayList();
            int index = 0;
            while (r.Read() && r.Token != JsonToken.EndArray)
            {
                string path = "sensors[" + index + "]";
                index++;
                if (!c.IsObject(path))
                {
                    continue;
                }

                list.Add(ParseSensor(c, path));
            }

            SensorConfig[] sensors = new SensorConfig[list.Count];
            for (int i = 0; i < sensors.Length; i++)
            {
                SensorConfig s = (SensorConfig)list[i];
                bool several = sensors.Length > 1;
                if (s.Name == null)
                {
                    s.Name = (s.ModelName == null ? "sensor" : s.ModelName) + (several ? "-" + (i + 1) : string.Empty);
                }

                if (s.Suffix == null)
                {
                    // Several sensors would otherwise publish the same variable names: number them.
                    s.Suffix = several ? "_" + (i + 1) : string.Empty;
                }

                sensors[i] = s;
            }

            return sensors;
        }

        private static SensorConfig ParseSensor(ConfigParseContext c, string path)
        {
            SensorConfig s = new SensorConfig();
            s.Suffix = null; // "not given": filled in once the number of sensors is known
            int seen = 0;
            while (c.NextKey())
            {
                int n;
                bool b;
                string text;
                double d;
                switch (c.MatchKey(s_sensorKeys, s_sensorNames, path, ref seen))
                {
                    case 0:
                        if (c.String(path + ".model", false, out text))
                        {
                            ParseModel(c, path + ".model", text, s);
                        }

                        break;
                    case 1:
                        s.EchoPin = c.Int(path + ".echo_pin", out n) ? n : ReportedInvalid;

                        break;
                    case 2:
                        s.TriggerPin = c.Int(path + ".trigger_pin", out n) ? n : ReportedInvalid;

                        break;
                    case 3:
                        if (c.IntOrNull(path + ".power_pin", out n, out b))
                        {
                            s.PowerPin = b ? SensorConfig.NoPin : n;
                        }

                        break;
                    case 4:
                        if (c.String(path + ".name", false, out text))
                        {
                            s.Name = text;
                        }

                        break;
                    case 5:
                        if (c.String(path + ".suffix", false, out text))
                        {
                            s.Suffix = text;
                        }

                        break;
                    case 6:
                        if (c.String(path + ".temperature_variable", false, out text))
                        {
                            s.TemperatureVariable = text;
                        }

                        break;
                    case 7:
                        if (c.String(path + ".humidity_variable", false, out text))
                        {
                            s.HumidityVariable = text;
                        }

                        break;
                    case 8:
                        if (c.String(path + ".dew_point_variable", false, out text))
                        {
                            s.DewPointVariable = text;
                        }

                        break;
                    case 9:
                        if (c.Number(path + ".temperature_offset", out d))
                        {
                            s.TemperatureOffsetTenths = ToTenths(d);
                        }

                        break;
                    case 10:
                        if (c.Number(path + ".humidity_offset", out d))
                        {
                            s.HumidityOffsetTenths = ToTenths(d);
                        }

                        break;
                    case 11:
                        if (c.Bool(path + ".dew_point", out b))
                        {
                            s.DewPoint = b;
                        }

                        break;
                }
            }

            return s;
        }

        private static void ParseModel(ConfigParseContext c, string path, string text, SensorConfig s)
        {
            string model = text.ToLower();
            if (model == "dht11")
            {
                s.Model = DhtModel.Dht11;
            }
            else if (model == "dht21" || model == "am2301")
            {
                s.Model = DhtModel.Dht21;
            }
            else if (model == "dht22" || model == "am2302")
            {
                s.Model = DhtModel.Dht22;
            }
            else
            {
                c.Error(path, "\"" + ConfigParseContext.Shorten(text) + "\" is not a supported model: use dht11, dht21, am2301, dht22 or am2302");
            }

            s.ModelName = model;
        }

        /// <summary>Degrees or percent to tenths, rounded half away from zero; absurd values saturate (the validator
        /// then reports them out of range).</summary>
        private static int ToTenths(double value)
        {
            if (value > 100000.0)
            {
                return 1000000;
            }

            if (value < -100000.0)
            {
                return -1000000;
            }

            double scaled = value * 10.0;
            return (int)(scaled >= 0 ? scaled + 0.5 : scaled - 0.5);
        }

        private static void ParseTimeouts(ConfigParseContext c, TimeoutConfig t)
        {
            c.NextValue();
            if (!c.IsObject("timeouts"))
            {
                return;
            }

            int seen = 0;
            while (c.NextKey())
            {
                int n;
                switch (c.MatchKey(s_timeoutKeys, s_timeoutNames, "timeouts", ref seen))
                {
                    case 0:
                        if (c.Int("timeouts.wifi_connect_s", out n))
                        {
                            t.WifiConnectSeconds = n;
                        }

                        break;
                    case 1:
                        if (c.Int("timeouts.ack_s", out n))
                        {
                            t.AckSeconds = n;
                        }

                        break;
                    case 2:
                        if (c.Int("timeouts.auth_retry_s", out n))
                        {
                            t.AuthRetrySeconds = n;
                        }

                        break;
                    case 3:
                        if (c.Int("timeouts.reboot_after_s", out n))
                        {
                            t.RebootAfterSeconds = n;
                        }

                        break;
                }
            }
        }

        private static void ParseDiagnostics(ConfigParseContext c, DiagnosticsConfig d)
        {
            c.NextValue();
            if (!c.IsObject("diagnostics"))
            {
                return;
            }

            int seen = 0;
            while (c.NextKey())
            {
                int n;
                if (c.MatchKey(s_diagnosticsKeys, s_diagnosticsNames, "diagnostics", ref seen) == 0 && c.Int("diagnostics.every_payloads", out n))
                {
                    d.EveryPayloads = n;
                }
            }
        }

        /// <summary>"not valid JSON at line L, column C (byte B): what".</summary>
        private static string SyntaxMessage(byte[] utf8, int offset, JsonError error, int errorOffset)
        {
            int line = 1;
            int column = 1;
            for (int i = offset; i < offset + errorOffset && i < utf8.Length; i++)
            {
                byte b = utf8[i];
                if (b == (byte)'\n')
                {
                    line++;
                    column = 1;
                }
                else if ((b & 0xC0) != 0x80)
                {
                    column++; // count characters, not UTF-8 continuation bytes
                }
            }

            return "is not valid JSON at line " + line + ", column " + column + " (byte " + errorOffset + "): " + Describe(error);
        }

        private static string Describe(JsonError error)
        {
            switch (error)
            {
                case JsonError.UnexpectedEnd:
                    return "the file ends too early (a missing closing bracket, brace or quote?)";
                case JsonError.UnexpectedCharacter:
                    return "unexpected character (JSON has no comments, and strings need double quotes)";
                case JsonError.TrailingData:
                    return "text after the end of the settings object";
                case JsonError.DepthExceeded:
                    return "nested deeper than a config ever needs";
                case JsonError.InvalidEscape:
                    return "invalid backslash escape (write a Windows path's backslash as \\\\, e.g. \"I:\\\\ca.pem\")";
                case JsonError.InvalidSurrogate:
                    return "invalid \\u escape (unpaired UTF-16 surrogate)";
                case JsonError.ControlCharacterInString:
                    return "line break or control character inside a string (write it as \\n)";
                case JsonError.InvalidUtf8:
                    return "the file is not UTF-8 text";
                case JsonError.InvalidNumber:
                    return "malformed number";
                case JsonError.LeadingZero:
                    return "numbers must not have leading zeros";
                case JsonError.InvalidLiteral:
                    return "misspelt true, false or null";
                case JsonError.ExpectedPropertyName:
                    return "expected a key in double quotes (JSON has no comments or trailing commas)";
                case JsonError.ExpectedColon:
                    return "expected ':' after the key";
                case JsonError.ExpectedCommaOrEnd:
                    return "expected ',' or a closing bracket (a missing comma?)";
                case JsonError.TrailingComma:
                    return "comma before a closing bracket (JSON allows no trailing comma)";
                case JsonError.MismatchedBracket:
                    return "closing bracket does not match the opening one";
                default:
                    return "invalid JSON";
            }
        }

        private static byte[][] Keys(string[] names)
        {
            byte[][] keys = new byte[names.Length][];
            for (int i = 0; i < names.Length; i++)
            {
                keys[i] = ConfigText.Ascii(names[i]);
            }

            return keys;
        }
    }
}
