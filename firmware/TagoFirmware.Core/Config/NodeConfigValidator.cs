using System.Collections;
using TagoFirmware.Sensors;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Config
{
    /// <summary>The value rules of the config: the ranges of <see cref="ConfigKeys"/> and the cross-key rules a row cannot say. Secrets are never shown.</summary>
    public static class NodeConfigValidator
    {
        /// <summary>TagoIO's Free plan allows 5 subscription requests a minute per profile and every session makes one (docs/tagotip/servers/rate-limits.md in https://github.com/tago-io/docs).</summary>
        private const int OneSessionAMinute = 60;

        /// <summary>The smallest sampling interval the sensors' read pipelines allow (battery pipeline in deep sleep), at least the table's 6 s.</summary>
        public static int MinIntervalSeconds(NodeConfig config, out string reason)
        {
            // 6 s = 3 reads (median of 3) x 2 s, the DHT22/AM2302 minimum sampling period (Aosong AM2302 datasheet section 7).
            int min = ConfigKeys.SamplingInterval.Min;
            reason = "a sample is a median of 3 reads 2 s apart (DHT22 minimum)";
            SensorConfig[] sensors = config.Sensors;
            for (int i = 0; i < sensors.Length; i++)
            {
                ReadPipelineSettings settings = sensors[i].Model == SensorModel.None ? null : sensors[i].PipelineSettings(config.Flag(ConfigKeys.DeepSleep));
                if (settings != null && settings.MinSamplingIntervalSeconds > min)
                {
                    min = settings.MinSamplingIntervalSeconds;
                    reason = settings.MinSamplingIntervalReason;
                }
            }

            return min;
        }

        internal static void ValidateInto(NodeConfig config, bool requireWifi, ConfigResult result)
        {
            ValidateWifi(config, requireWifi, result);
            ValidateConnection(config, result);
            ValidateSampling(config, result);
        }

        private static void ValidateWifi(NodeConfig config, bool requireWifi, ConfigResult result)
        {
            string ssid = config.Text(ConfigKeys.WifiSsid);
            string password = config.Text(ConfigKeys.WifiPassword);
            int length = password.Length;
            if (ssid == null || ssid.Length == 0)
            {
                result.Error("wifi.ssid", requireWifi ? "is required: the WiFi network name" : null);
                return;
            }

            // The example file's placeholders are refused, so an unedited copy never reaches a board.
            result.Error("wifi.ssid", requireWifi && ssid == "example-network" ? Placeholder("-WifiSsid or TAGO_WIFI_SSID") : null);
            result.Error("wifi.password", requireWifi && password == "example-password-not-real" ? Placeholder("-WifiPassword or TAGO_WIFI_PASSWORD") : null);
            int bytes = TagoFirmware.Payload.TagoUtf8.GetBytes(ssid).Length;
            result.Error("wifi.ssid", bytes > 32 ? "must be at most 32 bytes; it has " + bytes : null);
            result.Warning("wifi.password", length == 0 ? "is empty: an open network" : null);
            result.Error("wifi.password", length > 0 && (length < 8 || length > 64 || (length == 64 && !ConfigText.IsHex(password)))
                ? "must be 8-63 characters, 64 hex digits (WPA2) or empty; it has " + length + " characters"
                : null);
        }

        private static string Placeholder(string how) => "is the example's placeholder; set it or pass flash.ps1 " + how;

        private static void ValidateConnection(NodeConfig config, ConfigResult result)
        {
            string transport = config.Transport;
            string token = config.Text(ConfigKeys.Token);
            bool noToken = token == null || token.Length == 0;
            if (transport == NodeConfig.TransportMqttJson)
            {
                result.Error("token", noToken ? "is required by tago-mqtt-json (flash.ps1 -Token)"
                    : ConfigText.IsPlaceholderToken(token) ? Placeholder("-Token or TAGO_DEVICE_TOKEN")
                    : !ConfigText.IsPlausibleToken(token) ? "does not look like a TagoIO device token (32 hex digits and hyphens); it has " + token.Length + " characters"
                    : null);
            }
            else if (transport == NodeConfig.TransportTagoTip)
            {
                string serial = config.Text(ConfigKeys.TagoTipSerial);
                string hash = config.Text(ConfigKeys.TagoTipAuthHash);
                int ttl = config.Int(ConfigKeys.TagoTipTtl);
                int minSession = config.Int(ConfigKeys.TagoTipMinSession);
                result.Error("tagotip.serial", serial == null || serial.Length == 0 ? "is required by tagotip"
                    : !TagoTipCredentials.IsValidSerial(serial) ? "must be 1-100 characters of A-Z a-z 0-9 _ -; it has " + serial.Length
                    : null);

                // The hash grants access to every device of its profile: say what is wrong with it, never what it is.
                result.Error("tagotip.auth_hash", hash == null || hash.Length == 0 ? "is required by tagotip (flash.ps1 -AuthHash or -AuthToken)"
                    : hash.IndexOf("at") == 0 && hash.Length != TagoTipCredentials.HashLength ? "is the at... token, not its hash (flash.ps1 -AuthToken)"
                    : !TagoTipCredentials.IsValidHash(hash) || hash.ToLower() != hash ? "must be 16 lowercase hex digits; it has " + hash.Length + " characters"
                    : null);
                result.Error("tagotip.ttl_s", ttl != 10 && ttl != 15 && ttl != NodeConfigParser.ReportedInvalid ? "must be 10 (Free, Starter) or 15 (Scale); got " + ttl : null);
                result.Warning("tagotip.min_session_s", minSession >= 1 && minSession < OneSessionAMinute
                    ? "allows over one session a minute; TagoIO Free allows 5 per profile" : null);

                // Variable names are already held to [a-z0-9_], 1-100 characters: TagoTiP's identifier rule (TagoTiP 1.0 §14).
                result.Warning("mqtt.client_id", config.Text(ConfigKeys.MqttClientId) != null ? "is unused by tagotip (serial is the client id)" : null);
                result.Warning("token", noToken ? null : "is unused by tagotip");
            }
            else
            {
                result.Error("transport", NodeConfigParser.NotAllowed(transport, "tagotip or tago-mqtt-json"));
            }

            // MQTT 3.1 §3.1 obliges a broker to accept client ids of up to 23 characters only.
            string effective = config.EffectiveClientId(null);
            result.Error("mqtt.protocol", config.Int(ConfigKeys.MqttProtocol) == 3 && effective != null && effective.Length > 23 ? "3.1 allows client ids of at most 23 characters; it has " + effective.Length : null);
            string host = config.MqttHost;
            // A DNS name is at most 253 characters as text (RFC 1035 §2.3.4: 255 octets on the wire).
            result.Error("mqtt.host", host.Length == 0 || host.Length > 253 || !ConfigText.Only(host, ".-_", true)
                ? "must be a host name or IPv4 address (no scheme, port, path)" : null);
            int port = config.Int(ConfigKeys.MqttPort);
            bool tls = config.Flag(ConfigKeys.MqttTls);
            result.Warning("mqtt.port", (port == NodeConfig.PlainPort || port == ConfigKeys.MqttPort.DefaultNumber) && tls == (port == NodeConfig.PlainPort)
                ? "does not match tls (TLS is on 8883, plain MQTT on 1883)" : null);
            string[] cas = config.CaCertificates;
            result.Warning("mqtt.tls", tls ? null : "is false: secrets and data go unencrypted");
            result.Warning("mqtt.ca_certificates", !tls && cas.Length > 0 ? "are ignored because tls is false" : null);
            for (int i = 0; i < cas.Length; i++)
            {
                string path = "mqtt.ca_certificates[" + i + "]";
                string ca = cas[i];
                if (ConfigText.IsPem(ca))
                {
                    result.Error(path, ConfigText.PemProblem(ca));
                }
                else if (!ConfigText.IsPrintable(ca, 200) || ca.IndexOf("-----") >= 0)
                {
                    result.Error(path, "must be PEM text or a file name of 1-200 characters");
                }
                else
                {
                    result.Warning(path, ca.ToUpper().IndexOf("I:\\") != 0 ? "is not on I:\\, the only place the device reads CA files" : null);
                }
            }

            string id = config.Text(ConfigKeys.MqttClientId);
            bool badId = id != null && (id.Length == 0 || id.Length > 64 || !ConfigText.Only(id, "-_", true));
            result.Error("mqtt.client_id", badId ? "must be 1-64 characters of A-Z a-z 0-9 - _ (null: tago-<MAC>)" : null);
            result.Warning("mqtt.client_id", !badId && id != null && id.Length > 23 ? "is over 23 characters, the most MQTT 3.1.1 guarantees" : null);
            result.Error("mqtt.data_topic", ConfigText.TopicProblem(config.Text(ConfigKeys.MqttDataTopic), false));
            result.Error("mqtt.status_topic", ConfigText.TopicProblem(config.Text(ConfigKeys.MqttStatusTopic), false));
            result.Error("mqtt.command_topic", ConfigText.TopicProblem(config.Text(ConfigKeys.MqttCommandTopic), true));
        }

        private static void ValidateSampling(NodeConfig config, ConfigResult result)
        {
            int interval = config.Int(ConfigKeys.SamplingInterval);
            int batch = config.Int(ConfigKeys.SamplingBatch);
            int capacity = config.Int(ConfigKeys.QueueCapacity);
            string queuePath = config.Text(ConfigKeys.QueuePath);
            bool persist = config.Flag(ConfigKeys.QueuePersist);
            string reason;
            int min = MinIntervalSeconds(config, out reason);
            result.Error("sampling.interval_s", interval < min && interval != NodeConfigParser.ReportedInvalid
                ? "must be >= " + min + " s because " + reason + "; got " + interval
                : ConfigKeys.SamplingInterval.RangeProblem(interval, min, ConfigKeys.SamplingInterval.Max));
            bool capacityInRange = capacity >= ConfigKeys.QueueCapacity.Min && capacity <= ConfigKeys.QueueCapacity.Max;
            result.Error("sleep.backlog_threshold", ConfigKeys.SleepBacklogThreshold.RangeProblem(config.Int(ConfigKeys.SleepBacklogThreshold), 1,
                capacityInRange ? capacity : ConfigKeys.SleepBacklogThreshold.Max));
            // Only when both are in range (a capacity in range exceeds any batch below 1).
            result.Error("queue.capacity", capacity < batch && capacityInRange && batch <= ConfigKeys.SamplingBatch.Max
                ? "must hold at least one batch (sampling.batch = " + batch + "); got " + capacity : null);
            result.Error("queue.path", !persist ? null
                : !ConfigText.IsPrintable(queuePath, 200) ? "must be a 1-200 character file name, no control characters (in JSON write \\ as \\\\)"
                : queuePath.ToLower() == NodeConfig.DevicePath.ToLower() ? "must not be the config file"
                : null);
            result.Error("sleep.mode", config.Flag(ConfigKeys.DeepSleep) && !persist
                ? "\"deep\" needs queue.persist = true (deep sleep loses RAM)" : null);
            SensorConfig[] sensors = config.Sensors;
            result.Error("sensors", ConfigKeys.Sensors.RangeProblem(sensors.Length, ConfigKeys.Sensors.Min, ConfigKeys.Sensors.Max));
            string[] pins = new string[40]; // the path that claimed each GPIO, to report double use
            ArrayList names = new ArrayList(); // published variable names, each followed by its path, to report clashes
            for (int i = 0; i < sensors.Length; i++)
            {
                string path = "sensors[" + i + "]";
                SensorConfig s = sensors[i];
                // Several sensors would otherwise publish the same variable names: number them.
                string number = sensors.Length > 1 ? (i + 1).ToString() : null;
                s.Set(ConfigKeys.SensorName, s.Text(ConfigKeys.SensorName) ?? (s.ModelName ?? "sensor") + (number == null ? null : "-" + number));
                s.Set(ConfigKeys.SensorSuffix, s.Text(ConfigKeys.SensorSuffix) ?? (number == null ? string.Empty : "_" + number));
                result.Error(path + ".model", s.Model == SensorModel.None && s.ModelName == null ? "is required: " + ConfigKeys.SensorModelKey.ChoiceList() : null);
                Pin(result, path + ".echo_pin", s.Int(ConfigKeys.SensorEchoPin), DataPullUp, false, pins);
                Pin(result, path + ".trigger_pin", s.Int(ConfigKeys.SensorTriggerPin), DataPullUp, true, pins);
                Pin(result, path + ".power_pin", s.Int(ConfigKeys.SensorPowerPin), "the switch's gate pull-up", true, pins);

                result.Error(path + ".name", !ConfigText.IsPrintable(s.Text(ConfigKeys.SensorName), 32) ? "must be 1-32 printable characters" : null);
                result.Error(path + ".suffix", s.Text(ConfigKeys.SensorSuffix).Length > 20 ? "must be at most 20 characters" : null);
                for (int k = 0; k < (s.Flag(ConfigKeys.SensorDewPoint) ? 3 : 2); k++)
                {
                    string at = path + "." + SensorConfig.VariableKey(k).Name, full = s.VariableName(k);
                    int clash = names.IndexOf(full);
                    string problem = !TagoFirmware.Payload.JsonText.IsName(TagoFirmware.Payload.TagoUtf8.GetBytes(full)) ? " is not a TagoIO variable name: 1-100 characters of a-z 0-9 _, suffix included"
                        : System.Array.IndexOf(TagoFirmware.Diagnostics.DiagnosticsPayload.ReservedNames, full) >= 0 ? " is reserved for the node's status"
                        : clash >= 0 ? " is also published by " + names[clash + 1] + "; give each sensor its own suffix"
                        : null;
                    result.Error(at, problem == null ? null : "\"" + full + "\"" + problem);
                    if (problem == null)
                    {
                        names.Add(full);
                        names.Add(at);
                    }
                }
            }

            Pin(result, "led_pin", config.Int(ConfigKeys.LedPin), null, true, pins);
        }

        /// <summary>Checks a GPIO held at reset by <paramref name="pullUp"/> (null: none) against the ESP32 pin uses; a DATA pin is required, any other may be null (none).</summary>
        private static void Pin(ConfigResult result, string path, int pin, string pullUp, bool needsOutput, string[] pins)
        {
            bool data = pullUp == DataPullUp;
            if (pin == NodeConfigParser.ReportedInvalid || (pin == ConfigKeys.NoPin && !data))
            {
                return;
            }

            char c = pin < 0 || pin > 39 ? 'x' : Gpios[pin];
            string gpio = "GPIO" + pin;
            int kind = "xfui".IndexOf(c); // the classes a pin cannot be used in (input-only: only for output)
            string problem = pin == ConfigKeys.NoPin ? "is required: the GPIO wired to DATA"
                : kind >= 0 && (kind < 3 || needsOutput) ? gpio + NodeConfigParser.Nth(
                    " does not exist (ESP32: 0-19, 21-23, 25-27, 32-39)| is the SPI flash (GPIO6-11)| is UART0, the debug port| is input-only (GPIO34-39)", kind)
                : pin == 12 && data ? "GPIO12 is a strapping pin: a DATA pull-up selects 1.8 V flash; the board won't boot" + UseInstead
                : null;
            if (problem != null)
            {
                result.Error(path, problem + (data ? null : "; or null for none"));
                return;
            }

            result.Warning(path, c == 's' && pullUp != null ? gpio + " is a strapping pin: " + pullUp + " sets its level at reset"
                    + (pin == 2 && data ? " and blocks download mode" : string.Empty) + UseInstead
                : c == 'p' ? gpio + " is PSRAM on WROVER modules (fine on WROOM)"
                : null);
            result.Error(path, pins[pin] != null ? gpio + " is already used by " + pins[pin] : null);
            pins[pin] = pins[pin] ?? path;
        }

        private const string DataPullUp = "the DATA pull-up";

        private const string UseInstead = "; use GPIO25, 26, 27, 32 or 33";

        // ESP32 GPIO uses (Espressif "ESP32 Series Datasheet" §2.2, §2.4): x none, f module SPI flash, u UART0 (nanoFramework's debug port), i input-only, s strapping, p WROVER PSRAM.
        private const string Gpios = "susu.sffffffs..spp..x...x...xxxx..iiiiii";
    }
}
