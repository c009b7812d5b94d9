using nanoFramework.TestFramework;
using TagoFirmware.Config;

namespace TagoFirmware.Tests.Config
{
    /// <summary>A minimal file gets every documented default.</summary>
    [TestClass]
    public class NodeConfigDefaultsTests
    {
        [TestMethod]
        public void A_minimal_file_is_valid_without_warnings()
        {
            ConfigResult result = ConfigDocs.Parse(string.Empty);
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            Assert.AreEqual(0, result.Lines().Length, ConfigDocs.AllLines(result));
        }

        [TestMethod]
        public void A_minimal_file_gets_the_documented_mqtt_defaults()
        {
            NodeConfig m = ConfigDocs.Parse(string.Empty).Config;
            Assert.AreEqual("mqtt.tago.io", m.MqttHost);
            Assert.AreEqual(8883, m.Int(ConfigKeys.MqttPort));
            Assert.IsTrue(m.Flag(ConfigKeys.MqttTls));
            Assert.AreEqual(0, m.CaCertificates.Length);
            Assert.IsNull(m.Text(ConfigKeys.MqttClientId));
            Assert.AreEqual("sensors/{client_id}/data", m.Text(ConfigKeys.MqttDataTopic));
            Assert.AreEqual("device/status/{client_id}", m.Text(ConfigKeys.MqttStatusTopic));
            Assert.AreEqual("commands/{client_id}/+", m.Text(ConfigKeys.MqttCommandTopic));
            Assert.AreEqual(1, m.Int(ConfigKeys.MqttQos));
            Assert.AreEqual(60, m.Int(ConfigKeys.MqttKeepAlive));
        }

        [TestMethod]
        public void A_minimal_file_gets_the_documented_sampling_queue_and_sleep_defaults()
        {
            NodeConfig c = ConfigDocs.Parse(string.Empty).Config;
            Assert.AreEqual(60, c.Int(ConfigKeys.SamplingInterval));
            Assert.AreEqual(10, c.Int(ConfigKeys.SamplingBatch));
            Assert.AreEqual(30, c.Int(ConfigKeys.SamplingBatchInterval));
            Assert.AreEqual(4096, c.Int(ConfigKeys.SamplingPayloadBuffer));
            Assert.AreEqual(1024, c.Int(ConfigKeys.QueueCapacity));
            Assert.IsTrue(c.Flag(ConfigKeys.QueuePersist));
            Assert.AreEqual("I:\\tagofirmware.queue", c.Text(ConfigKeys.QueuePath));
            Assert.IsFalse(c.Flag(ConfigKeys.DeepSleep));
            Assert.AreEqual(300, c.Int(ConfigKeys.SleepWakeInterval));
            Assert.AreEqual(6, c.Int(ConfigKeys.SleepPublishEvery));
            Assert.AreEqual(60, c.Int(ConfigKeys.SleepBacklogThreshold));
            Assert.AreEqual(30, c.Int(ConfigKeys.SleepPublishDeadline));
        }

        [TestMethod]
        public void A_minimal_file_gets_the_documented_led_timeout_and_diagnostics_defaults()
        {
            NodeConfig c = ConfigDocs.Parse(string.Empty).Config;
            Assert.AreEqual(2, c.Int(ConfigKeys.LedPin));
            Assert.IsFalse(c.Flag(ConfigKeys.LedActiveLow));
            Assert.AreEqual(30, c.Int(ConfigKeys.TimeoutWifiConnect));
            Assert.AreEqual(15, c.Int(ConfigKeys.TimeoutAck));
            Assert.AreEqual(300, c.Int(ConfigKeys.TimeoutAuthRetry));
            Assert.AreEqual(1800, c.Int(ConfigKeys.TimeoutRebootAfter));
            Assert.AreEqual(60, c.Int(ConfigKeys.DiagnosticsEvery));
        }

        [TestMethod]
        public void A_single_sensor_gets_plain_variable_names_and_its_model_as_name()
        {
            SensorConfig s = ConfigDocs.Parse(string.Empty).Config.Sensors[0];
            Assert.AreEqual((int)TagoFirmware.Sensors.SensorModel.Dht22, (int)s.Model);
            Assert.AreEqual("dht22", s.ModelName);
            Assert.AreEqual("dht22", s.Text(ConfigKeys.SensorName));
            Assert.AreEqual(26, s.Int(ConfigKeys.SensorEchoPin));
            Assert.AreEqual(27, s.Int(ConfigKeys.SensorTriggerPin));
            Assert.AreEqual(ConfigKeys.NoPin, s.Int(ConfigKeys.SensorPowerPin));
            Assert.AreEqual(string.Empty, s.Text(ConfigKeys.SensorSuffix));
            Assert.AreEqual("temperature", s.VariableName(0));
            Assert.AreEqual("humidity", s.VariableName(1));
            Assert.AreEqual("dew_point", s.VariableName(2));
            Assert.AreEqual(0, s.Int(ConfigKeys.SensorTemperatureOffset));
            Assert.AreEqual(0, s.Int(ConfigKeys.SensorHumidityOffset));
            Assert.IsFalse(s.Flag(ConfigKeys.SensorDewPoint));
        }

        [TestMethod]
        public void Several_sensors_get_numbered_suffixes_and_names_unless_given()
        {
            ConfigResult result = ConfigDocs.Parse(
                "\"sensors\":[{\"model\":\"AM2302\",\"echo_pin\":26,\"trigger_pin\":27},"
                + "{\"model\":\"dht11\",\"echo_pin\":32,\"trigger_pin\":33},"
                + "{\"model\":\"am2301\",\"echo_pin\":25,\"trigger_pin\":4,\"suffix\":\"_attic\",\"name\":\"attic\"}]");
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            SensorConfig[] s = result.Config.Sensors;
            Assert.AreEqual(3, s.Length);
            Assert.AreEqual("temperature_1", s[0].VariableName(0));
            Assert.AreEqual("humidity_2", s[1].VariableName(1));
            Assert.AreEqual("temperature_attic", s[2].VariableName(0));
            Assert.AreEqual("am2302-1", s[0].Text(ConfigKeys.SensorName));
            Assert.AreEqual("dht11-2", s[1].Text(ConfigKeys.SensorName));
            Assert.AreEqual("attic", s[2].Text(ConfigKeys.SensorName));
            Assert.AreEqual((int)TagoFirmware.Sensors.SensorModel.Dht22, (int)s[0].Model);
            Assert.AreEqual((int)TagoFirmware.Sensors.SensorModel.Dht11, (int)s[1].Model);
            Assert.AreEqual((int)TagoFirmware.Sensors.SensorModel.Dht21, (int)s[2].Model);
        }

        [TestMethod]
        [DataRow("0.25", 3)]
        [DataRow("-0.25", -3)]
        [DataRow("1.04", 10)]
        [DataRow("-10", -100)]
        [DataRow("10.0", 100)]
        [DataRow("0", 0)]
        public void Offsets_are_rounded_to_tenths(string offset, int tenths)
        {
            ConfigResult result = ConfigDocs.Parse(
                "\"sensors\":[{\"model\":\"dht22\",\"echo_pin\":26,\"trigger_pin\":27,\"temperature_offset\":" + offset
                + ",\"humidity_offset\":" + offset + "}]");
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            Assert.AreEqual(tenths, result.Config.Sensors[0].Int(ConfigKeys.SensorTemperatureOffset));
            Assert.AreEqual(tenths, result.Config.Sensors[0].Int(ConfigKeys.SensorHumidityOffset));
        }

        [TestMethod]
        public void Values_given_in_the_file_replace_the_defaults()
        {
            ConfigResult result = ConfigDocs.Parse(
                "\"mqtt\":{\"host\":\"broker.local\",\"port\":8884,\"client_id\":\"node-7\",\"qos\":0,\"keepalive_s\":120,"
                + "\"data_topic\":\"d/{client_id}\",\"status_topic\":\"s/{client_id}\",\"command_topic\":\"c/{client_id}/#\"},"
                + "\"sampling\":{\"interval_s\":300,\"batch\":50,\"batch_interval_s\":120,\"payload_buffer_bytes\":8192},"
                + "\"queue\":{\"capacity\":4096,\"persist\":false,\"path\":\"I:\\\\q.bin\"},"
                + "\"sleep\":{\"mode\":\"off\",\"wake_interval_s\":600,\"publish_every\":3,\"backlog_threshold\":10,\"publish_deadline_s\":20},"
                + "\"led_pin\":null,\"led_active_low\":true,"
                + "\"timeouts\":{\"wifi_connect_s\":60,\"ack_s\":30,\"auth_retry_s\":900,\"reboot_after_s\":0},"
                + "\"diagnostics\":{\"every_payloads\":0}");
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            NodeConfig c = result.Config;
            Assert.AreEqual("broker.local", c.MqttHost);
            Assert.AreEqual(8884, c.Int(ConfigKeys.MqttPort));
            Assert.AreEqual("node-7", c.Text(ConfigKeys.MqttClientId));
            Assert.AreEqual(0, c.Int(ConfigKeys.MqttQos));
            Assert.AreEqual(120, c.Int(ConfigKeys.MqttKeepAlive));
            Assert.AreEqual("c/{client_id}/#", c.Text(ConfigKeys.MqttCommandTopic));
            Assert.AreEqual(300, c.Int(ConfigKeys.SamplingInterval));
            Assert.AreEqual(50, c.Int(ConfigKeys.SamplingBatch));
            Assert.AreEqual(120, c.Int(ConfigKeys.SamplingBatchInterval));
            Assert.AreEqual(8192, c.Int(ConfigKeys.SamplingPayloadBuffer));
            Assert.AreEqual(4096, c.Int(ConfigKeys.QueueCapacity));
            Assert.IsFalse(c.Flag(ConfigKeys.QueuePersist));
            Assert.AreEqual("I:\\q.bin", c.Text(ConfigKeys.QueuePath));
            Assert.AreEqual(600, c.Int(ConfigKeys.SleepWakeInterval));
            Assert.AreEqual(3, c.Int(ConfigKeys.SleepPublishEvery));
            Assert.AreEqual(10, c.Int(ConfigKeys.SleepBacklogThreshold));
            Assert.AreEqual(20, c.Int(ConfigKeys.SleepPublishDeadline));
            Assert.AreEqual(ConfigKeys.NoPin, c.Int(ConfigKeys.LedPin));
            Assert.IsTrue(c.Flag(ConfigKeys.LedActiveLow));
            Assert.AreEqual(60, c.Int(ConfigKeys.TimeoutWifiConnect));
            Assert.AreEqual(30, c.Int(ConfigKeys.TimeoutAck));
            Assert.AreEqual(900, c.Int(ConfigKeys.TimeoutAuthRetry));
            Assert.AreEqual(0, c.Int(ConfigKeys.TimeoutRebootAfter));
            Assert.AreEqual(0, c.Int(ConfigKeys.DiagnosticsEvery));
        }

        [TestMethod]
        public void Plain_tcp_defaults_to_port_1883_only_when_tls_is_explicitly_false()
        {
            ConfigResult plain = ConfigDocs.Parse("\"mqtt\":{\"tls\":false}");
            Assert.IsTrue(plain.IsValid, ConfigDocs.AllLines(plain));
            Assert.IsFalse(plain.Config.Flag(ConfigKeys.MqttTls));
            Assert.AreEqual(1883, plain.Config.Int(ConfigKeys.MqttPort));
            Assert.IsNotNull(ConfigDocs.Warning(plain, "mqtt.tls"));

            ConfigResult tls = ConfigDocs.Parse("\"mqtt\":{\"tls\":true}");
            Assert.AreEqual(8883, tls.Config.Int(ConfigKeys.MqttPort));
            Assert.IsNull(ConfigDocs.Warning(tls, "mqtt.tls"));
        }

        [TestMethod]
        public void A_byte_order_mark_is_skipped()
        {
            byte[] text = TagoFirmware.Tests.Json.TestUtf8.Bytes(ConfigDocs.Doc(string.Empty));
            byte[] doc = new byte[text.Length + 3];
            doc[0] = 0xEF;
            doc[1] = 0xBB;
            doc[2] = 0xBF;
            for (int i = 0; i < text.Length; i++)
            {
                doc[i + 3] = text[i];
            }

            ConfigResult result = NodeConfigParser.Parse(doc, null, true);
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
        }

        [TestMethod]
        public void Keys_starting_with_an_underscore_are_comments()
        {
            ConfigResult result = ConfigDocs.Parse("\"_comment\":\"hello\",\"mqtt\":{\"_note\":{\"any\":[1,2]},\"qos\":0}");
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            Assert.AreEqual(0, result.Config.Int(ConfigKeys.MqttQos));
        }

        [TestMethod]
        public void A_single_ca_string_and_null_are_accepted_for_ca_certificates()
        {
            ConfigResult one = ConfigDocs.Parse("\"mqtt\":{\"ca_certificates\":\"I:\\\\tago-ca.pem\"}");
            Assert.IsTrue(one.IsValid, ConfigDocs.AllLines(one));
            Assert.AreEqual(1, one.Config.CaCertificates.Length);
            Assert.AreEqual("I:\\tago-ca.pem", one.Config.CaCertificates[0]);

            ConfigResult none = ConfigDocs.Parse("\"mqtt\":{\"ca_certificates\":null}");
            Assert.IsTrue(none.IsValid, ConfigDocs.AllLines(none));
            Assert.AreEqual(0, none.Config.CaCertificates.Length);
        }

        [TestMethod]
        public void A_well_formed_pem_certificate_is_accepted()
        {
            string body = "MIIBszCCAVmgAwIBAgIUQ2FmZWJhYmVkZWFkYmVlZjAwMTEyMjMzNDQ1NTY2Nzc4ODk5MAoGCCqGSM49BAMCMA8xDTALBgNVBAMMBHRlc3Qw";
            ConfigResult result = ConfigDocs.Parse("\"mqtt\":{\"ca_certificates\":[\"-----BEGIN CERTIFICATE-----\\n" + body
                + "\\n-----END CERTIFICATE-----\\n\"]}");
            Assert.IsTrue(result.IsValid, ConfigDocs.AllLines(result));
            Assert.IsTrue(ConfigText.IsPem(result.Config.CaCertificates[0]));
        }
    }
}
