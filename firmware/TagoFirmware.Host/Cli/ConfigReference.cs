using System.Collections.Generic;
using System.Globalization;
using System.Text;
using TagoFirmware.Config;

namespace TagoFirmware.Host.Cli
{
    /// <summary>Host-only half of the config table: each <see cref="ConfigKeys"/> row's description (string space on the device),
    /// the secrets taken from outside the file, and the generated docs/configuration.md.</summary>
    public static class ConfigReference
    {
        /// <summary>Keys a twin flag, environment variable or flash.ps1 parameter may give instead of the file.</summary>
        public static readonly (ConfigKey Key, string Flag, string Variable, string FlashParameter)[] Supplied =
        {
            (ConfigKeys.WifiSsid, "--wifi-ssid", "TAGO_WIFI_SSID", "-WifiSsid"),
            (ConfigKeys.WifiPassword, "--wifi-password", "TAGO_WIFI_PASSWORD", "-WifiPassword"),
            (ConfigKeys.Token, "--token", TwinOptions.TokenVariable, "-Token"),
            (ConfigKeys.TagoTipAuthHash, "--auth-hash", "TAGO_TIP_AUTH", "-AuthHash"),
            (ConfigKeys.TagoTipSerial, "--serial", "TAGO_TIP_SERIAL", "-Serial"),
        };

        private static readonly Dictionary<string, string> s_descriptions = new Dictionary<string, string>
        {
            ["wifi"] = "The access point the node joins.",
            ["wifi.ssid"] = "Network name, at most 32 bytes (IEEE 802.11). Required on the device; the example's placeholder is refused.",
            ["wifi.password"] = "WPA2 passphrase of 8-63 characters or 64 hex digits (IEEE 802.11i); empty for an open network.",
            ["token"] = "Legacy transport only: the TagoIO device token (the MQTT password; the username is always `Token`), 32 hex digits, usually written 8-4-4-4-12. Required by `tago-mqtt-json`; the example's all-zeros placeholder is refused.",
            ["transport"] = "`tagotip` (TagoTiP over MQTT in short sessions; every TagoIO account) or `tago-mqtt-json` (the legacy broker `mqtt.tago.io`, only US Starter/Scale accounts upgraded before 2026-04-15). Null or absent: `tago-mqtt-json` when `token` is set, else `tagotip`.",
            ["mqtt"] = "Broker, TLS, identity and topics.",
            ["mqtt.host"] = "Broker host name or IPv4 address, without scheme, port or path. Null or absent: `mqtt.tip.{region}.tago.io` for `tagotip`, `mqtt.tago.io` for `tago-mqtt-json`.",
            ["mqtt.port"] = "Broker port: 8883 (MQTT over TLS), or 1883 by default when `tls` is false.",
            ["mqtt.tls"] = "TLS 1.2 with the broker certificate validated against the CA certificates; plain TCP only when set to false.",
            ["mqtt.ca_certificates"] = "PEM texts or PEM file names (on the device on `I:\\`, on the twin relative to the config file); empty uses the platform's store (the CA bundle deployed with `nanoff`, or the OS trust store).",
            ["mqtt.client_id"] = "Legacy transport: 1-64 characters of `A-Z a-z 0-9 - _`; null derives `tago-` + the 12 hex digits of the MAC address. TagoTiP always uses `tagotip.serial`.",
            ["mqtt.data_topic"] = "Topic of the data payloads; `{client_id}` is replaced by the client id.",
            ["mqtt.status_topic"] = "Topic of the online/offline status and the last will.",
            ["mqtt.command_topic"] = "Subscription filter of the commands (`+` and `#` allowed as whole levels).",
            ["mqtt.qos"] = "1 gives at-least-once delivery.",
            ["mqtt.keepalive_s"] = "MQTT keepalive of the legacy transport; 60 s as in TagoIO's device guide. TagoTiP sessions use 4 s (TagoIO closes a connection idle for 5 s).",
            ["mqtt.protocol"] = "MQTT version. `auto`: 3.1.1, and when the broker refuses it (CONNACK 1, or a close before CONNACK) on the first attempt, 5, then 3.1; what worked is kept until the next boot. `3.1.1`, `5` or `3.1` pin it (3.1 needs a client id of at most 23 characters).",
            ["tagotip"] = "TagoTiP transport: device identity and session limits.",
            ["tagotip.region"] = "Region of the TagoIO account: `us-e1` (US East) or `eu-w1` (EU West); picks `mqtt.tip.{region}.tago.io` when `mqtt.host` is not set.",
            ["tagotip.serial"] = "The device's Serial Number in TagoIO, 1-100 characters of `A-Z a-z 0-9 _ -`; also the MQTT client id. Required by `tagotip`.",
            ["tagotip.auth_hash"] = "The 16 lowercase hex digits of the TagoTiP Authorization's hash (MQTT user name = first 8, password = last 8). The `at...` token never goes on the device: flash.ps1 and the twin derive the hash from it. Required by `tagotip`.",
            ["tagotip.ttl_s"] = "Connection lifetime TagoIO grants a device: 10 s (Free, Starter) or 15 s (Scale). No push starts later than 3 s before it.",
            ["tagotip.min_session_s"] = "Shortest time between two session starts (plus jitter). Each session costs a connection and a subscription request, which TagoIO limits per profile (5/50/100 a minute for Free/Starter/Scale); below 60 `--check-config` warns.",
            ["sampling"] = "How often sensors are read and how readings are batched into payloads.",
            ["sampling.interval_s"] = "Seconds between sampling cycles; at least what the sensors' read pipelines need (12 s for a DHT22 on the standard pipeline). In deep-sleep mode `sleep.wake_interval_s` takes its place.",
            ["sampling.batch"] = "Readings per payload (TagoIO's guide: 10 readings or 30 seconds).",
            ["sampling.batch_interval_s"] = "Publish whatever is queued once the oldest unsent reading is this old.",
            ["sampling.payload_buffer_bytes"] = "Size of the fixed JSON payload buffer; 16 KB is TagoIO's largest frame and as much contiguous RAM as an ESP32 without PSRAM can spare.",
            ["queue"] = "The store-and-forward reading queue.",
            ["queue.capacity"] = "Readings held before the oldest are dropped (12 bytes each in RAM).",
            ["queue.persist"] = "Keep the queue in a flash file, so reboots, power loss and deep sleep lose nothing.",
            ["queue.path"] = "File of the persisted queue (not the config file itself).",
            ["sleep"] = "Battery mode.",
            ["sleep.mode"] = "`off`: always on and connected. `deep`: wake on a timer, sample, publish every Nth wake, deep sleep (needs `queue.persist`).",
            ["sleep.wake_interval_s"] = "Seconds of deep sleep between wakes.",
            ["sleep.publish_every"] = "Connect and publish on every Nth wake.",
            ["sleep.backlog_threshold"] = "Also publish when this many readings are unsent (at most `queue.capacity`).",
            ["sleep.publish_deadline_s"] = "Give up waiting for acknowledgements and sleep after this long; unsent readings stay queued.",
            ["sensors"] = "1-4 DHT sensors, each on two GPIOs joined to its DATA line.",
            ["sensors[].model"] = "`dht11`, `dht21`, `am2301`, `dht22` or `am2302` (AM2301/AM2302 are the wired DHT21/DHT22).",
            ["sensors[].echo_pin"] = "GPIO that receives the sensor's reply (RMT); may be input-only, not GPIO12.",
            ["sensors[].trigger_pin"] = "GPIO that sends the start pulse: output-capable, different from `echo_pin`.",
            ["sensors[].power_pin"] = "GPIO switching the sensor's supply for power-cycling, or null.",
            ["sensors[].name"] = "Label in logs, 1-32 characters; default the model, plus the number with several sensors (`dht22-2`).",
            ["sensors[].suffix"] = "Appended to each variable name; default empty with one sensor, `_1`, `_2`... with several.",
            ["sensors[].temperature_variable"] = "TagoIO variable of the temperature (`a-z 0-9 _`, suffix included).",
            ["sensors[].humidity_variable"] = "TagoIO variable of the humidity.",
            ["sensors[].dew_point_variable"] = "TagoIO variable of the dew point.",
            ["sensors[].temperature_offset"] = "Calibration added to every temperature, in °C, rounded to 0.1.",
            ["sensors[].humidity_offset"] = "Calibration added to every humidity, in %RH, rounded to 0.1.",
            ["sensors[].dew_point"] = "Also publish the dew point (Magnus formula).",
            ["led_pin"] = "GPIO of the status LED, or null for none (GPIO2 is the on-board LED of the DOIT DevKit V1).",
            ["led_active_low"] = "The LED lights when the pin is low (e.g. LOLIN D32 on GPIO5).",
            ["timeouts"] = "Deadlines and retry intervals of the connection.",
            ["timeouts.wifi_connect_s"] = "Deadline of one WiFi join, DHCP and SNTP included.",
            ["timeouts.ack_s"] = "A QoS 1 publish not acknowledged in time means the link is dead.",
            ["timeouts.auth_retry_s"] = "Retry interval after the broker refused the token.",
            ["timeouts.reboot_after_s"] = "Reboot when connected at QoS 1 but nothing was acknowledged for this long; 0 disables.",
            ["diagnostics"] = "Diagnostics payloads.",
            ["diagnostics.every_payloads"] = "Publish diagnostics with every Nth data payload; 0 only on the `ping` and `diagnostics` commands. Every variable is a billed TagoIO data input.",
        };

        /// <summary>The description of a row of <see cref="ConfigKeys"/>, or null when it has none (a test keeps the two tables in step).</summary>
        public static string Describe(ConfigKey key) => s_descriptions.TryGetValue(key.Path, out string text) ? text : null;

        /// <summary>Number of descriptions (a test compares it with the table's row count).</summary>
        public static int DescriptionCount => s_descriptions.Count;

        /// <summary>docs/configuration.md as Markdown: every key of the table with its type, default, range and description.</summary>
        public static string Markdown()
        {
            var md = new StringBuilder();
            md.Append("# Configuration reference\n\n")
                .Append("The node reads one JSON file: `I:\\tagofirmware.json` on the device (written by `flash.ps1 -Config`), `--config FILE` on\n")
                .Append("the host twin. `--check-config FILE` (and `flash.ps1 -Config`) validate it with the device's own parser: strict JSON\n")
                .Append("(no comments, no trailing commas), unknown or repeated keys are errors, keys starting with `_` are comments. Every\n")
                .Append("error names the key, what is wrong and what is allowed. Absent keys take their default.\n\n")
                .Append("Generated from the firmware's config table (`ConfigKeys` and the twin's `ConfigReference`); a test fails when\n")
                .Append("this file and the table disagree.\n\n")
                .Append("## Secrets from outside the file\n\n")
                .Append("Secrets are never logged. The twin and `flash.ps1` take them from a flag or the environment, so the file itself may\n")
                .Append("leave them out (or keep the example's placeholders, which are refused otherwise):\n\n")
                .Append("| Key | Twin flag | Environment variable | flash.ps1 parameter |\n|---|---|---|---|\n");
            foreach (var s in Supplied)
            {
                md.Append("| `").Append(s.Key.Path).Append("` | `").Append(s.Flag).Append("` | `").Append(s.Variable).Append("` | `")
                    .Append(s.FlashParameter).Append("` |\n");
            }

            md.Append("\n## Keys\n\n| Key | Type | Default | Allowed | Description |\n|---|---|---|---|---|\n");
            foreach (ConfigKey key in ConfigKeys.Rows)
            {
                string required = key.Has(ConfigKey.Required) ? "required" : string.Empty;
                string secret = key.Has(ConfigKey.Secret) ? "secret" : string.Empty;
                string notes = string.Join(", ", new[] { required, secret }).Trim(',', ' ');
                md.Append("| `").Append(key.Path).Append("` | ").Append(TypeName(key)).Append(" | ").Append(Default(key)).Append(" | ")
                    .Append((Allowed(key) + (notes.Length > 0 ? " (" + notes + ")" : string.Empty)).Trim()).Append(" | ")
                    .Append(Describe(key)).Append(" |\n");
            }

            return md.ToString();
        }

        private static string TypeName(ConfigKey key)
        {
            string orNull = key.Has(ConfigKey.Nullable) ? " or null" : string.Empty;
            return key.Type switch
            {
                ConfigKey.Group => "object",
                ConfigKey.SensorList => "array of objects",
                ConfigKey.Int => "integer" + orNull,
                ConfigKey.Bool => "boolean",
                ConfigKey.Tenths => "number",
                ConfigKey.Choice => "string",
                ConfigKey.TextList => "array of strings",
                _ => "string" + orNull,
            };
        }

        private static string Default(ConfigKey key) => key.Type switch
        {
            ConfigKey.Group or ConfigKey.SensorList => string.Empty,
            ConfigKey.Int => key.DefaultNumber == -1 ? "null" : Number(key.DefaultNumber),
            ConfigKey.Bool => key.DefaultNumber != 0 ? "`true`" : "`false`",
            ConfigKey.Tenths => ConfigText.FormatTenths(key.DefaultNumber),
            ConfigKey.TextList => "`[]`",
            _ => key.DefaultText == null ? (key.Has(ConfigKey.Required) ? string.Empty : "null") : "`\"" + key.DefaultText.Replace("\\", "\\\\") + "\"`",
        };

        private static string Allowed(ConfigKey key) => key.Type switch
        {
            ConfigKey.SensorList => Number(key.Min) + "-" + Number(key.Max) + " items",
            ConfigKey.Int when key.Max == 39 => "an ESP32 GPIO",
            ConfigKey.Int => Number(key.Min) + "-" + Number(key.Max) + key.Unit,
            ConfigKey.Tenths => ConfigText.FormatTenths(key.Min) + " to " + ConfigText.FormatTenths(key.Max) + key.Unit,
            ConfigKey.Choice => string.Join(", ", key.Choices),
            _ => string.Empty,
        };

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
