using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.Cli;
using TagoFirmware.IntegrationTests.Infrastructure;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>--check-config and --config go through the core's boot path: the device's parser and validator on the
    /// file's bytes as given, then the CA files it names.</summary>
    [TestClass]
    public sealed class ConfigFileTests
    {
        private const string ValidConfig =
            "{\n  \"wifi\": { \"ssid\": \"lab\", \"password\": \"wifi-secret-1\" },\n  \"token\": \"TOKEN\",\n" +
            "  \"mqtt\": { \"host\": \"HOST\", \"port\": PORT, \"ca_certificates\": [\"ca.pem\"], \"client_id\": \"config-node\" },\n" +
            "  \"sampling\": { \"interval_s\": 12, \"batch\": 1 },\n" +
            "  \"sensors\": [ { \"model\": \"dht22\", \"echo_pin\": 26, \"trigger_pin\": 27 } ]\n}\n";

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task Check_config_exits_0_for_a_valid_file_and_never_prints_its_secrets()
        {
            string dir = Directory.CreateTempSubdirectory("tago-config-").FullName;
            string file = Path.Combine(dir, "node.json");
            File.WriteAllText(Path.Combine(dir, "ca.pem"), SelfSignedPem());
            File.WriteAllText(file, ValidConfig.Replace("TOKEN", "a1b2c3d4-0000-1111-2222-333344445555").Replace("HOST", "mqtt.tago.io").Replace("PORT", "8883"));
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(new[] { "--check-config", file }, output, output, null, CancellationToken.None);
            Assert.AreEqual(TwinExitCode.Done, code, output.ToString());
            StringAssert.Contains(output.ToString(), "config valid");
            Assert.IsFalse(output.ToString().Contains("a1b2c3d4-0000-1111-2222-333344445555", StringComparison.Ordinal), output.ToString());
            Assert.IsFalse(output.ToString().Contains("wifi-secret-1", StringComparison.Ordinal), output.ToString());
        }

        [TestMethod]
        [DataRow(null, "CA file ca.pem is missing")]
        [DataRow("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n", "not base64")]
        [DataRow("-----BEGIN CERTIFICATE-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END CERTIFICATE-----\n", "not a usable certificate")]
        public async Task Check_config_opens_the_ca_files_and_names_the_config_key_for_a_bad_one(string content, string problem)
        {
            string dir = Directory.CreateTempSubdirectory("tago-config-").FullName;
            string file = Path.Combine(dir, "node.json");
            if (content != null)
            {
                File.WriteAllText(Path.Combine(dir, "ca.pem"), content);
            }

            File.WriteAllText(file, ValidConfig.Replace("TOKEN", "a1b2c3d4-0000-1111-2222-333344445555").Replace("HOST", "mqtt.tago.io").Replace("PORT", "8883"));
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(new[] { "--check-config", file }, output, output, null, CancellationToken.None);
            Assert.AreEqual(TwinExitCode.UsageError, code, output.ToString());
            StringAssert.Contains(output.ToString(), "error: mqtt.ca_certificates[0]: ");
            StringAssert.Contains(output.ToString(), problem);
            Assert.IsFalse(output.ToString().Contains("--ca", StringComparison.Ordinal), output.ToString());
        }

        [TestMethod]
        [DoNotParallelize] // sets a process-wide environment variable other twins in this process read
        public async Task Check_config_takes_secrets_from_flags_or_the_environment_and_refuses_the_examples_placeholders()
        {
            string example = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(example, "DEVELOPERS.md")))
            {
                example = Path.GetDirectoryName(example);
            }

            example = Path.Combine(example, "firmware", "TagoFirmware.Host", "tagofirmware.legacy.example.json");
            var refused = new StringWriter();
            Assert.AreEqual(TwinExitCode.UsageError, await TwinApp.RunAsync(new[] { "--check-config", example }, refused, refused, null, CancellationToken.None));
            StringAssert.Contains(refused.ToString(), "error: token: ");
            StringAssert.Contains(refused.ToString(), "error: wifi.ssid: ");
            StringAssert.Contains(refused.ToString(), "error: wifi.password: ");

            var flags = new StringWriter();
            int code = await TwinApp.RunAsync(new[] { "--check-config", example, "--wifi-ssid", "cafe", "--wifi-password", "correct-horse-battery" },
                flags, flags, "a1b2c3d4-0000-1111-2222-333344445555", CancellationToken.None);
            Assert.AreEqual(TwinExitCode.Done, code, flags.ToString());
            Assert.IsFalse(flags.ToString().Contains("correct-horse-battery", StringComparison.Ordinal), flags.ToString());

            Environment.SetEnvironmentVariable("TAGO_WIFI_SSID", "cafe");
            Environment.SetEnvironmentVariable("TAGO_WIFI_PASSWORD", "correct-horse-battery");
            try
            {
                var env = new StringWriter();
                code = await TwinApp.RunAsync(new[] { "--check-config", example }, env, env, "a1b2c3d4-0000-1111-2222-333344445555", CancellationToken.None);
                Assert.AreEqual(TwinExitCode.Done, code, env.ToString());
            }
            finally
            {
                Environment.SetEnvironmentVariable("TAGO_WIFI_SSID", null);
                Environment.SetEnvironmentVariable("TAGO_WIFI_PASSWORD", null);
            }
        }

        [TestMethod]
        [DoNotParallelize] // sets a process-wide environment variable other twins in this process read
        public void A_config_run_takes_the_serial_from_TAGO_TIP_SERIAL_as_the_reference_says()
        {
            string example = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(example, "DEVELOPERS.md")))
            {
                example = Path.GetDirectoryName(example);
            }

            example = Path.Combine(example, "firmware", "TagoFirmware.Host", "tagofirmware.example.json");
            var without = new StringWriter();
            Assert.AreEqual(TwinExitCode.UsageError, TwinConfigCheck.Apply(example, new TwinOptions { AuthHash = "4deedd7bab8817ec" }, without));
            StringAssert.Contains(without.ToString(), "tagotip.serial");

            Environment.SetEnvironmentVariable("TAGO_TIP_SERIAL", "env-node-7");
            try
            {
                var options = new TwinOptions { AuthHash = "4deedd7bab8817ec" };
                var error = new StringWriter();
                Assert.AreEqual(0, TwinConfigCheck.Apply(example, options, error), error.ToString());
                Assert.AreEqual("env-node-7", options.Serial);
                Assert.IsFalse(error.ToString().Contains("4deedd7bab8817ec", StringComparison.Ordinal), error.ToString());
            }
            finally
            {
                Environment.SetEnvironmentVariable("TAGO_TIP_SERIAL", null);
            }
        }

        [TestMethod]
        public async Task The_TagoTiP_example_needs_a_serial_and_an_authorization_and_takes_a_token_as_its_hash()
        {
            string example = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(example, "DEVELOPERS.md")))
            {
                example = Path.GetDirectoryName(example);
            }

            example = Path.Combine(example, "firmware", "TagoFirmware.Host", "tagofirmware.example.json");
            string[] wifi = { "--wifi-ssid", "cafe", "--wifi-password", "correct-horse-battery" };
            var refused = new StringWriter();
            Assert.AreEqual(TwinExitCode.UsageError, await TwinApp.RunAsync([ "--check-config", example, .. wifi ], refused, refused, null, CancellationToken.None));
            StringAssert.Contains(refused.ToString(), "error: tagotip.serial: ");
            StringAssert.Contains(refused.ToString(), "error: tagotip.auth_hash: ");

            // The token as a flag: TAGO_TIP_AUTH would reach every twin the parallel tests start in this process.
            var accepted = new StringWriter();
            int code = await TwinApp.RunAsync([ "--check-config", example, "--serial", "node-1", "--auth-token", "ate2bd319014b24e0a8aca9f00aea4c0d0", .. wifi ],
                accepted, accepted, null, CancellationToken.None);
            Assert.AreEqual(TwinExitCode.Done, code, accepted.ToString());
            StringAssert.Contains(accepted.ToString(), "transport=tagotip");
            Assert.IsFalse(accepted.ToString().Contains("4deedd7bab8817ec", StringComparison.Ordinal), accepted.ToString());
            Assert.IsFalse(accepted.ToString().Contains("e2bd319014b24e0a8aca9f00aea4c0d0", StringComparison.Ordinal), accepted.ToString());
        }

        [TestMethod]
        [DataRow("{\n  // a comment\n  \"token\": \"a1b2c3d4-0000-1111-2222-333344445555\"\n}", "not valid JSON at line 2")]
        [DataRow("{ \"token\": \"a1b2c3d4-0000-1111-2222-333344445555\", }", "trailing comma")]
        [DataRow("{ \"led_pin\": 2, \"led_pin\": 4 }", "led_pin: appears twice")]
        public async Task Check_config_validates_the_bytes_as_given_like_the_device(string json, string problem)
        {
            string file = Path.Combine(Directory.CreateTempSubdirectory("tago-config-").FullName, "node.json");
            File.WriteAllText(file, json);
            var output = new StringWriter();
            Assert.AreEqual(TwinExitCode.UsageError, await TwinApp.RunAsync(new[] { "--check-config", file }, output, output, null, CancellationToken.None));
            StringAssert.Contains(output.ToString(), problem);
        }

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task Check_config_exits_2_and_names_every_bad_field()
        {
            string file = Path.Combine(Directory.CreateTempSubdirectory("tago-config-").FullName, "bad.json");
            File.WriteAllText(file, "{ \"mqtt\": { \"qos\": 2, \"prot\": 1 } }");
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(new[] { "--check-config", file }, output, output, null, CancellationToken.None);
            Assert.AreEqual(TwinExitCode.UsageError, code);
            StringAssert.Contains(output.ToString(), "mqtt.qos");
            StringAssert.Contains(output.ToString(), "mqtt.prot");
            StringAssert.Contains(output.ToString(), "config invalid");
        }

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task Check_config_refuses_an_interval_below_what_the_DHT22_read_pipeline_needs_and_says_the_minimum()
        {
            string file = Path.Combine(Directory.CreateTempSubdirectory("tago-config-").FullName, "fast.json");
            File.WriteAllText(file, ValidConfig.Replace("TOKEN", "a1b2c3d4-0000-1111-2222-333344445555").Replace("HOST", "mqtt.tago.io")
                .Replace("PORT", "8883").Replace("\"interval_s\": 12", "\"interval_s\": 8"));
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(new[] { "--check-config", file }, output, output, null, CancellationToken.None);
            Assert.AreEqual(TwinExitCode.UsageError, code, output.ToString());
            StringAssert.Contains(output.ToString(), "sampling.interval_s");
            StringAssert.Contains(output.ToString(), "12");
        }

        [TestMethod]
        [Timeout(40000, CooperativeCancellation = true)]
        public async Task Twin_runs_from_a_config_file_against_mosquitto_with_the_CA_file_next_to_it()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            string file = Path.Combine(broker.Directory, "node.json");
            File.WriteAllText(file, ValidConfig.Replace("TOKEN", broker.Token).Replace("HOST", broker.Host).Replace("PORT", broker.Port.ToString()));
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(new[] { "--config", file, "--interval", "1", "--no-persist", "--count", "2", "--timeout", "30" }, output, output, null, CancellationToken.None);
            Assert.AreEqual(TwinExitCode.Done, code, output.ToString());
            Assert.AreEqual(1, broker.ConnectTimes("config-node").Count, broker.ReadLog());
            Assert.IsFalse(output.ToString().Contains(broker.Token, StringComparison.Ordinal));
        }

        [TestMethod]
        public async Task Usage_errors_exit_2_and_name_the_option()
        {
            foreach (string[] args in new[]
            {
                new[] { "--qos", "2" },
                new[] { "--port", "70000" },
                new[] { "--interval", "abc" },
                new[] { "--frobnicate", "1" },
                new[] { "--broker", "127.0.0.1", "--ca", "/nonexistent.pem", "--token", "x" },
                new[] { "--broker", "127.0.0.1", "--ca", "/etc/hostname" },
            })
            {
                var output = new StringWriter();
                int code = await TwinApp.RunAsync(args, output, output, null, CancellationToken.None);
                Assert.AreEqual(TwinExitCode.UsageError, code, string.Join(" ", args) + "\n" + output);
                string named = args[0] == "--broker" ? (args.Length > 5 ? "--ca" : "--ca") : args[0];
                StringAssert.Contains(output.ToString(), named, string.Join(" ", args) + "\n" + output);
            }
        }

        private static string SelfSignedPem()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=config-test", key, HashAlgorithmName.SHA256);
            using X509Certificate2 cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return cert.ExportCertificatePem();
        }
    }
}
