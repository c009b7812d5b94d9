using nanoFramework.TestFramework;
using TagoFirmware.Config;

namespace TagoFirmware.Tests.Config
{
    /// <summary>Every invalid field gives an error naming its path and what is allowed.</summary>
    [TestClass]
    public class NodeConfigErrorTests
    {
        private static void AssertError(ConfigResult result, string path, string contains)
        {
            Assert.IsFalse(result.IsValid, ConfigDocs.AllLines(result));
            string issue = ConfigDocs.Error(result, path);
            Assert.IsNotNull(issue, "no error on " + path + " in:\n" + ConfigDocs.AllLines(result));
            Assert.Contains(contains, issue);
        }

        [TestMethod]
        [DataRow("\"mqtt\":{\"qos\":2}", "mqtt.qos", "TagoIO does not support QoS 2")]
        [DataRow("\"mqtt\":{\"qos\":3}", "mqtt.qos", "must be between 0 and 1 (TagoIO does not support QoS 2); got 3")]
        [DataRow("\"mqtt\":{\"qos\":-1}", "mqtt.qos", "must be between 0 and 1 (TagoIO does not support QoS 2); got -1")]
        [DataRow("\"mqtt\":{\"qos\":\"1\"}", "mqtt.qos", "must be a whole number, got a string")]
        [DataRow("\"mqtt\":{\"qos\":1.5}", "mqtt.qos", "must be a whole number (no fraction")]
        [DataRow("\"mqtt\":{\"port\":0}", "mqtt.port", "between 1 and 65535")]
        [DataRow("\"mqtt\":{\"port\":65536}", "mqtt.port", "between 1 and 65535")]
        [DataRow("\"mqtt\":{\"port\":99999999999}", "mqtt.port", "out of range")]
        [DataRow("\"mqtt\":{\"port\":-2147483648}", "mqtt.port", "out of range")]
        [DataRow("\"mqtt\":{\"host\":\"\"}", "mqtt.host", "must be a host name or IPv4 address")]
        [DataRow("\"mqtt\":{\"host\":\"mqtts://mqtt.tago.io\"}", "mqtt.host", "no scheme, port, path")]
        [DataRow("\"mqtt\":{\"host\":\"mqtt.tago.io:8883\"}", "mqtt.host", "no scheme, port, path")]
        [DataRow("\"mqtt\":{\"host\":42}", "mqtt.host", "must be a string or null, got a number")]
        [DataRow("\"mqtt\":{\"tls\":\"yes\"}", "mqtt.tls", "must be true or false")]
        [DataRow("\"mqtt\":{\"client_id\":\"a/b\"}", "mqtt.client_id", "1-64 characters of A-Z a-z 0-9 - _")]
        [DataRow("\"mqtt\":{\"client_id\":\"\"}", "mqtt.client_id", "1-64 characters")]
        [DataRow("\"mqtt\":{\"client_id\":5}", "mqtt.client_id", "must be a string or null")]
        [DataRow("\"mqtt\":{\"data_topic\":\"sensors/#\"}", "mqtt.data_topic", "must not contain the wildcards")]
        [DataRow("\"mqtt\":{\"data_topic\":\"\"}", "mqtt.data_topic", "must be 1-200 printable characters")]
        [DataRow("\"mqtt\":{\"data_topic\":\"s/{id}/x\"}", "mqtt.data_topic", "only placeholder allowed is {client_id}")]
        [DataRow("\"mqtt\":{\"status_topic\":\"$SYS/x\"}", "mqtt.status_topic", "must not start with '$'")]
        [DataRow("\"mqtt\":{\"status_topic\":\"a+b\"}", "mqtt.status_topic", "wildcards")]
        [DataRow("\"mqtt\":{\"command_topic\":\"commands/a+\"}", "mqtt.command_topic", "whole topic level")]
        [DataRow("\"mqtt\":{\"command_topic\":\"a/#/b\"}", "mqtt.command_topic", "must be the last level")]
        [DataRow("\"mqtt\":{\"command_topic\":\"a\\tb\"}", "mqtt.command_topic", "printable characters")]
        [DataRow("\"mqtt\":{\"keepalive_s\":1}", "mqtt.keepalive_s", "between 2 and 1200 s; got 1")]
        [DataRow("\"mqtt\":{\"keepalive_s\":1201}", "mqtt.keepalive_s", "between 2 and 1200 s; got 1201")]
        [DataRow("\"mqtt\":{\"ca_certificates\":[\"-----BEGIN CERTIFICATE-----\\nMIIB\\n\"]}", "mqtt.ca_certificates[0]", "-----END CERTIFICATE-----")]
        [DataRow("\"mqtt\":{\"ca_certificates\":[\"-----BEGIN CERTIFICATE-----\\n!!!!\\n-----END CERTIFICATE-----\"]}", "mqtt.ca_certificates[0]", "not base64")]
        [DataRow("\"mqtt\":{\"ca_certificates\":[\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\"]}", "mqtt.ca_certificates[0]", "too short")]
        [DataRow("\"mqtt\":{\"ca_certificates\":[\"\"]}", "mqtt.ca_certificates[0]", "PEM text or a file name of 1-200 characters")]
        [DataRow("\"mqtt\":{\"ca_certificates\":[\"I:\\\\ca.pem\",7]}", "mqtt.ca_certificates[1]", "must be a string")]
        [DataRow("\"mqtt\":{\"ca_certificates\":5}", "mqtt.ca_certificates", "must be an array")]
        [DataRow("\"mqtt\":{\"qos\":1,\"qos\":0}", "mqtt.qos", "appears twice")]
        [DataRow("\"mqtt\":{\"qos_level\":1}", "mqtt.qos_level", "unknown key (allowed here: host, port, tls")]
        [DataRow("\"mqtt\":[]", "mqtt", "must be an object")]
        public void Mqtt_fields_report_their_path_and_what_is_allowed(string root, string path, string contains)
        {
            AssertError(ConfigDocs.Parse(root), path, contains);
        }

        [TestMethod]
        [DataRow("\"sampling\":{\"interval_s\":2}", "sampling.interval_s", "must be >= 12 s because a DHT22 sample may need 6 reads")]
        [DataRow("\"sampling\":{\"interval_s\":86401}", "sampling.interval_s", "between 12 and 86400 s; got 86401")]
        [DataRow("\"sampling\":{\"batch\":0}", "sampling.batch", "between 1 and 100")]
        [DataRow("\"sampling\":{\"batch\":101}", "sampling.batch", "between 1 and 100")]
        [DataRow("\"sampling\":{\"batch_interval_s\":0}", "sampling.batch_interval_s", "between 1 and 3600")]
        [DataRow("\"sampling\":{\"payload_buffer_bytes\":100}", "sampling.payload_buffer_bytes", "between 512 and 16384")]
        [DataRow("\"sampling\":5", "sampling", "must be an object")]
        [DataRow("\"queue\":{\"capacity\":8}", "queue.capacity", "between 16 and 8192")]
        [DataRow("\"queue\":{\"capacity\":20},\"sampling\":{\"batch\":50}", "queue.capacity", "at least one batch")]
        [DataRow("\"queue\":{\"path\":\"\"}", "queue.path", "1-200 character file name")]
        [DataRow("\"queue\":{\"path\":\"I:\\tagofirmware.queue\"}", "queue.path", "no control characters")]
        [DataRow("\"queue\":{\"path\":\"I:\\\\TagoFirmware.json\"}", "queue.path", "must not be the config file")]
        [DataRow("\"queue\":{\"persist\":1}", "queue.persist", "must be true or false")]
        [DataRow("\"sleep\":{\"mode\":\"light\"}", "sleep.mode", "\"light\" is not allowed: use off or deep")]
        [DataRow("\"sleep\":{\"mode\":\"deep\"},\"queue\":{\"persist\":false}", "sleep.mode", "needs queue.persist = true")]
        [DataRow("\"sleep\":{\"wake_interval_s\":5}", "sleep.wake_interval_s", "between 10 and 86400")]
        [DataRow("\"sleep\":{\"publish_every\":0}", "sleep.publish_every", "between 1 and 1000")]
        [DataRow("\"sleep\":{\"backlog_threshold\":5000}", "sleep.backlog_threshold", "between 1 and 1024")]
        [DataRow("\"sleep\":{\"publish_deadline_s\":1}", "sleep.publish_deadline_s", "between 5 and 300")]
        [DataRow("\"timeouts\":{\"wifi_connect_s\":1}", "timeouts.wifi_connect_s", "between 5 and 300")]
        [DataRow("\"timeouts\":{\"ack_s\":0}", "timeouts.ack_s", "between 2 and 120")]
        [DataRow("\"timeouts\":{\"auth_retry_s\":5}", "timeouts.auth_retry_s", "between 30 and 86400")]
        [DataRow("\"timeouts\":{\"reboot_after_s\":100}", "timeouts.reboot_after_s", "or 0: off")]
        [DataRow("\"diagnostics\":{\"every_payloads\":-1}", "diagnostics.every_payloads", "between 0 and 100000")]
        [DataRow("\"diagnostics\":{\"every\":1}", "diagnostics.every", "unknown key")]
        [DataRow("\"led_pin\":35", "led_pin", "input-only")]
        [DataRow("\"led_pin\":6", "led_pin", "SPI flash")]
        [DataRow("\"led_pin\":20", "led_pin", "does not exist")]
        [DataRow("\"led_pin\":26", "led_pin", "already used by sensors[0].echo_pin")]
        [DataRow("\"led_pin\":\"2\"", "led_pin", "whole number or null")]
        [DataRow("\"led_active_low\":\"no\"", "led_active_low", "must be true or false")]
        [DataRow("\"intervall\":60", "intervall", "unknown key (allowed here: wifi, token, transport, mqtt")]
        public void Sampling_queue_sleep_timeouts_and_led_fields_report_their_path(string root, string path, string contains)
        {
            AssertError(ConfigDocs.Parse(root), path, contains);
        }

        [TestMethod]
        [DataRow("\"sensors\":[]", "sensors", "must be between 1 and 4 sensors; got 0")]
        [DataRow("\"sensors\":{}", "sensors", "must be an array")]
        [DataRow("\"sensors\":[5]", "sensors[0]", "must be an object")]
        [DataRow("\"sensors\":[{\"model\":\"dht23\",\"echo_pin\":26,\"trigger_pin\":27}]", "sensors[0].model", "use dht11, dht21, am2301, dht22 or am2302")]
        [DataRow("\"sensors\":[{\"echo_pin\":26,\"trigger_pin\":27}]", "sensors[0].model", "is required")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"trigger_pin\":27}]", "sensors[0].echo_pin", "is required")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26}]", "sensors[0].trigger_pin", "is required")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":34}]", "sensors[0].trigger_pin", "input-only")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":39}]", "sensors[0].trigger_pin", "input-only")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":12,\"trigger_pin\":27}]", "sensors[0].echo_pin", "1.8 V flash")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":7}]", "sensors[0].trigger_pin", "SPI flash")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":1,\"trigger_pin\":27}]", "sensors[0].echo_pin", "UART0")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":40,\"trigger_pin\":27}]", "sensors[0].echo_pin", "does not exist")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":24,\"trigger_pin\":27}]", "sensors[0].echo_pin", "does not exist")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":\"26\",\"trigger_pin\":27}]", "sensors[0].echo_pin", "must be a whole number")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":26}]", "sensors[0].trigger_pin", "GPIO26 is already used by sensors[0].echo_pin")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"power_pin\":36}]", "sensors[0].power_pin", "input-only")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"power_pin\":27}]", "sensors[0].power_pin", "already used by sensors[0].trigger_pin")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"name\":\"\"}]", "sensors[0].name", "1-32 printable characters")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"temperature_variable\":\"Temp\"}]", "sensors[0].temperature_variable", "not a TagoIO variable name")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"temperature_variable\":\"temp-1\"}]", "sensors[0].temperature_variable", "a-z 0-9 _")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"humidity_variable\":\"uptime_s\"}]", "sensors[0].humidity_variable", "reserved")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"temperature_variable\":\"quarantined\"}]", "sensors[0].temperature_variable", "reserved")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"humidity_variable\":\"temperature\"}]", "sensors[0].humidity_variable", "also published by sensors[0].temperature_variable")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"suffix\":\"\"},{\"model\":\"dht11\",\"echo_pin\":32,\"trigger_pin\":33,\"suffix\":\"\"}]", "sensors[1].temperature_variable", "also published by sensors[0].temperature_variable")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27},{\"model\":\"dht11\",\"echo_pin\":26,\"trigger_pin\":33}]", "sensors[1].echo_pin", "already used by sensors[0].echo_pin")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"temperature_offset\":15}]", "sensors[0].temperature_offset", "between -10.0 and 10.0")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"humidity_offset\":-25.5}]", "sensors[0].humidity_offset", "between -20.0 and 20.0")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"temperature_offset\":\"1\"}]", "sensors[0].temperature_offset", "must be a number")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"dew_point\":\"yes\"}]", "sensors[0].dew_point", "must be true or false")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"dew_point\":true,\"dew_point_variable\":\"dew point\"}]", "sensors[0].dew_point_variable", "not a TagoIO variable name")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"suffix\":\"_abcdefghijklmnopqrstuvwxyz\"}]", "sensors[0].suffix", "at most 20 characters")]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"pin\":4}]", "sensors[0].pin", "unknown key (allowed here: model, echo_pin")]
        public void Sensor_fields_report_their_path_and_what_is_allowed(string root, string path, string contains)
        {
            AssertError(ConfigDocs.Parse(root), path, contains);
        }

        [TestMethod]
        public void More_than_four_sensors_are_refused()
        {
            int[] echo = new int[] { 4, 13, 18, 21, 25 };
            int[] trigger = new int[] { 14, 16, 19, 22, 26 };
            string list = string.Empty;
            for (int i = 0; i < 5; i++)
            {
                list += (i > 0 ? "," : string.Empty) + "{\"model\":\"dht22\",\"echo_pin\":" + echo[i] + ",\"trigger_pin\":" + trigger[i] + "}";
            }

            AssertError(ConfigDocs.Parse("\"sensors\":[" + list + "]"), "sensors", "must be between 1 and 4 sensors; got 5");
        }

        [TestMethod]
        [DataRow("\"wifi\":{\"password\":\"password1\"}", "wifi.ssid", "is required")]
        [DataRow("\"wifi\":{\"ssid\":\"\",\"password\":\"password1\"}", "wifi.ssid", "is required")]
        [DataRow("\"wifi\":{\"ssid\":\"123456789012345678901234567890123\",\"password\":\"password1\"}", "wifi.ssid", "at most 32 bytes")]
        [DataRow("\"wifi\":{\"ssid\":\"net\",\"password\":\"short\"}", "wifi.password", "8-63 characters, 64 hex digits")]
        [DataRow("\"wifi\":{\"ssid\":\"net\",\"password\":\"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\"}", "wifi.password", "64 hex digits")]
        [DataRow("\"wifi\":{\"ssid\":\"net\",\"pass\":\"password1\"}", "wifi.pass", "unknown key (allowed here: ssid, password")]
        [DataRow("\"wifi\":\"net\"", "wifi", "must be an object")]
        [DataRow("\"token\":\"abc\"", "token", "does not look like a TagoIO device token")]
        [DataRow("\"token\":\"12345678-90ab-cdef-1234-567890abcdeg\"", "token", "does not look like")]
        [DataRow("\"token\":\"00000000-0000-0000-0000-000000000000\"", "token", "example's placeholder")]
        [DataRow("\"token\":null,\"transport\":\"tago-mqtt-json\"", "token", "is required by tago-mqtt-json")]
        [DataRow("\"token\":\"\",\"transport\":\"tago-mqtt-json\"", "token", "is required by tago-mqtt-json")]
        [DataRow("\"token\":42", "token", "must be a string or null, got a number")]
        public void Wifi_and_token_fields_report_their_path_and_what_is_allowed(string root, string path, string contains)
        {
            AssertError(ConfigDocs.Parse(root), path, contains);
        }

        [TestMethod]
        [DataRow("{\"wifi\":{\"ssid\":\"x\"},}", "line 1, column 22 (byte 21)")]
        [DataRow("{\n  \"wifi\": {\n    \"ssid\": \"x\"\n  }\n  \"token\": \"y\"\n}", "line 5, column 3")]
        [DataRow("{\"mqtt\":{\"host\":'x'}}", "unexpected character")]
        [DataRow("{\"queue\":{\"path\":\"I:\\queue\"}}", "invalid backslash escape")]
        [DataRow("// comment\n{}", "JSON has no comments")]
        [DataRow("{# comment\n}", "JSON has no comments")]
        [DataRow("{} {}", "text after the end")]
        [DataRow("{\"a\":", "ends too early")]
        public void Syntax_errors_name_the_line_and_column(string json, string contains)
        {
            ConfigResult result = ConfigDocs.ParseText(json);
            AssertError(result, "(file)", contains);
            Assert.AreEqual(1, result.ErrorCount);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("[]")]
        [DataRow("\"config\"")]
        [DataRow("null")]
        public void A_file_that_is_not_an_object_is_refused(string json)
        {
            ConfigResult result = ConfigDocs.ParseText(json);
            Assert.IsFalse(result.IsValid);
            Assert.IsNotNull(ConfigDocs.Error(result, "(file)"));
        }

        [TestMethod]
        public void Invalid_utf8_is_reported_as_not_text()
        {
            byte[] doc = new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' };
            ConfigResult result = NodeConfigParser.Parse(doc, null, true);
            AssertError(result, "(file)", "not UTF-8");
        }

        [TestMethod]
        public void A_file_larger_than_16_KB_is_refused()
        {
            byte[] doc = new byte[NodeConfig.MaxFileBytes + 1];
            ConfigResult result = NodeConfigParser.Parse(doc, null, true);
            AssertError(result, "(file)", "at most 16384 bytes");
        }

        [TestMethod]
        public void A_null_buffer_is_reported_as_missing()
        {
            AssertError(NodeConfigParser.Parse(null, null, true), "(file)", "empty or missing");
        }

        [TestMethod]
        public void Every_error_is_reported_not_just_the_first()
        {
            ConfigResult result = ConfigDocs.Parse("\"mqtt\":{\"qos\":2,\"port\":0},\"sampling\":{\"batch\":0}");
            Assert.AreEqual(3, result.ErrorCount, ConfigDocs.AllLines(result));
            Assert.IsNotNull(ConfigDocs.Error(result, "mqtt.qos"));
            Assert.IsNotNull(ConfigDocs.Error(result, "mqtt.port"));
            Assert.IsNotNull(ConfigDocs.Error(result, "sampling.batch"));
        }

        [TestMethod]
        public void A_pin_with_the_wrong_type_is_reported_once_not_also_as_missing()
        {
            ConfigResult result = ConfigDocs.Parse("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":\"26\",\"trigger_pin\":27}]");
            Assert.AreEqual(1, result.ErrorCount, ConfigDocs.AllLines(result));
        }

        [TestMethod]
        public void An_unsupported_model_is_reported_once_not_also_as_missing()
        {
            ConfigResult result = ConfigDocs.Parse("\"sensors\":[{\"model\":\"bme280\",\"echo_pin\":26,\"trigger_pin\":27}]");
            Assert.AreEqual(1, result.ErrorCount, ConfigDocs.AllLines(result));
        }

        [TestMethod]
        [DataRow("\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"power_pin\":\"x\"}]")]
        [DataRow("\"sampling\":{\"interval_s\":\"x\"}")]
        public void A_number_that_is_not_a_number_is_reported_once(string root)
        {
            ConfigResult result = ConfigDocs.Parse(root);
            Assert.AreEqual(1, result.ErrorCount, ConfigDocs.AllLines(result));
        }

        [TestMethod]
        public void Error_lines_start_with_error_and_the_path()
        {
            ConfigResult result = ConfigDocs.Parse("\"mqtt\":{\"qos\":2}");
            string[] lines = result.Lines();
            Assert.AreEqual(1, lines.Length);
            Assert.AreEqual("error: mqtt.qos: must be between 0 and 1 (TagoIO does not support QoS 2); got 2", lines[0]);
        }
    }
}
