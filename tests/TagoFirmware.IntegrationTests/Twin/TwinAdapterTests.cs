using System;
using System.IO;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Broker;
using TagoFirmware.Host.Cli;
using TagoFirmware.Host.Tls;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.IntegrationTests.Twin
{
    /// <summary>The twin's adapters without a broker (fast).</summary>
    [TestClass]
    public sealed class TwinAdapterTests
    {
        [TestMethod]
        public void Ca_pinned_validator_accepts_only_the_configured_CA_and_the_named_host()
        {
            using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority("unit CA");
            using X509Certificate2 other = CertificateFactory.CreateCertificateAuthority("other CA");
            using X509Certificate2 server = CertificateFactory.CreateServerCertificate(ca, new[] { "broker.test" }, new[] { IPAddress.Loopback });
            var trusted = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(ca.RawData));
            var untrusted = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(other.RawData));

            Assert.IsTrue(new CaPinnedValidator(trusted, "broker.test").Validate(server, null));
            Assert.IsTrue(new CaPinnedValidator(trusted, "127.0.0.1").Validate(server, null));
            var wrongHost = new CaPinnedValidator(trusted, "mqtt.tago.io");
            Assert.IsFalse(wrongHost.Validate(server, null));
            StringAssert.Contains(wrongHost.LastFailure, "not valid for host");
            var wrongCa = new CaPinnedValidator(untrusted, "broker.test");
            Assert.IsFalse(wrongCa.Validate(server, null));
            StringAssert.Contains(wrongCa.LastFailure, "does not chain");
            Assert.IsFalse(new CaPinnedValidator(new X509Certificate2Collection(), "broker.test").Validate(server, null), "no CA trusts nothing");
            Assert.IsFalse(new CaPinnedValidator(null, "broker.test").Validate(server, null));
        }

        [TestMethod]
        public void Live_inspector_prints_one_line_per_reading_with_variable_value_unit_time_and_group()
        {
            byte[] payload = Encoding.UTF8.GetBytes("[{\"variable\":\"temperature\",\"value\":21.5,\"unit\":\"°C\",\"time\":\"2026-01-02T03:04:05.000Z\",\"group\":\"g1\"},{\"variable\":\"humidity\",\"value\":40,\"unit\":\"%\",\"group\":\"g1\"}]");
            string[] lines = LiveInspectorFormatter.Format("sensors/a/data", payload);
            Assert.AreEqual(2, lines.Length);
            Assert.AreEqual("[live inspector] sensors/a/data  variable=temperature  value=21.5  unit=°C  time=2026-01-02T03:04:05.000Z  group=g1", lines[0]);
            StringAssert.StartsWith(lines[1], "[live inspector] sensors/a/data  variable=humidity  value=40  unit=%  time=(broker time ");
            StringAssert.EndsWith(lines[1], "group=g1");
            string[] bad = LiveInspectorFormatter.Format("t", Encoding.UTF8.GetBytes("{not json"));
            Assert.AreEqual(1, bad.Length);
            StringAssert.Contains(bad[0], "not TagoIO JSON");
        }

        [TestMethod]
        public void Console_log_never_prints_a_registered_secret()
        {
            var writer = new StringWriter();
            var log = new ConsoleLog(writer, LogLevel.Debug);
            log.AddSecret("s3cr3t-token");
            log.Write(LogLevel.Error, "connect with s3cr3t-token failed");
            log.Write(LogLevel.Debug, "hidden?");
            log.MinimumLevel = LogLevel.Info;
            log.Write(LogLevel.Debug, "dropped");
            string text = writer.ToString();
            Assert.IsFalse(text.Contains("s3cr3t-token", StringComparison.Ordinal));
            StringAssert.Contains(text, "ERR connect with *** failed");
            StringAssert.Contains(text, "DBG hidden?");
            Assert.IsFalse(text.Contains("dropped", StringComparison.Ordinal));
            Assert.AreEqual("36b1…(32 chars)", TagoLikeBroker.Redact("36b1aaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
        }

        [TestMethod]
        public void Simulated_DHT22_drifts_within_the_sensor_range_and_fails_on_request()
        {
            var sensor = new SimulatedDht22(42, 0.1);
            int ok = 0;
            double first = double.NaN;
            double last = double.NaN;
            for (int i = 0; i < 2000; i++)
            {
                if (sensor.TryRead(out double c, out double rh))
                {
                    ok++;
                    Assert.IsTrue(c >= -40 && c <= 80 && rh >= 0 && rh <= 100, c + " / " + rh);
                    Assert.AreEqual(Math.Round(c, 1), c, "0.1 resolution");
                    first = double.IsNaN(first) ? c : first;
                    last = c;
                }
            }

            Assert.IsTrue(ok > 1700 && ok < 1900, "about 10 % injected failures: " + ok);
            Assert.IsTrue(Math.Abs(last - 22) < 5, "pulled back to the base: " + last);
            var broken = new SimulatedDht22(1, 1);
            Assert.IsFalse(broken.TryRead(out _, out _));
            Assert.IsFalse(broken.TryRead(out _, out _));
            var clean = new SimulatedDht22(1);
            Assert.IsTrue(clean.TryRead(out _, out _));
        }

        [TestMethod]
        public void Options_parser_reads_the_documented_contract_and_takes_the_token_from_the_environment()
        {
            Assert.IsTrue(TwinOptions.TryParse(
                new[] { "--broker", "mqtt.tago.io", "--port", "8883", "--ca", "root.pem", "--client-id", "n1", "--topic", "a/b", "--interval", "0.5", "--batch", "3", "--qos", "0", "--count", "7", "--timeout", "9", "--sleep" },
                "env-token", null, out TwinOptions o, out string error), error);
            Assert.AreEqual("mqtt.tago.io", o.Broker);
            Assert.AreEqual(8883, o.Port);
            Assert.AreEqual("root.pem", o.CaFile);
            Assert.AreEqual("env-token", o.Token);
            Assert.AreEqual("n1", o.ClientId);
            var config = new TagoFirmware.Config.NodeConfig();
            o.Overlay.ForEach(set => set(config));
            Assert.AreEqual("a/b", config.Text(ConfigKeys.MqttDataTopic));
            Assert.AreEqual(0.5, o.IntervalSeconds);
            Assert.AreEqual(3, config.Int(ConfigKeys.SamplingBatch));
            Assert.AreEqual(0, config.Int(ConfigKeys.MqttQos));
            Assert.AreEqual(7, o.Count);
            Assert.AreEqual(9.0, o.TimeoutSeconds);
            Assert.IsTrue(o.Sleep);
            Assert.IsTrue(TwinOptions.TryParse(new[] { "--token", "cli" }, "env", null, out o, out _));
            Assert.AreEqual("cli", o.Token, "the command line wins over the environment");
            Assert.IsFalse(TwinOptions.TryParse(new[] { "--topic", "a/#" }, null, null, out _, out error));
            StringAssert.Contains(error, "--topic");
            Assert.IsFalse(TwinOptions.TryParse(new[] { "--count" }, null, null, out _, out error));
            StringAssert.Contains(error, "--count needs a value");
        }
    }
}
