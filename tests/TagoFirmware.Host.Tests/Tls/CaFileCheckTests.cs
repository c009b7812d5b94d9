using System;
using System.IO;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.Cli;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.Host.Tests.Tls
{
    /// <summary>
    /// The twin opens the CA files a config names (and the one --ca names) before connecting and says what is wrong
    /// with each certificate, under the key or option it came from.
    /// </summary>
    [TestClass]
    public sealed class CaFileCheckTests
    {
        private const string Token = "a1b2c3d4-0000-1111-2222-333344445555";

        [TestMethod]
        public async Task Check_config_refuses_an_expired_CA_file_naming_the_key_and_the_dates()
        {
            DateTimeOffset notAfter = DateTimeOffset.UtcNow.AddDays(-3);
            using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority("expired root", notAfter.AddYears(-1), notAfter);
            string file = WriteConfig(CertificateFactory.ToCertificatePem(ca));

            (int code, string output) = await Run("--check-config", file);

            Assert.AreEqual(TwinExitCode.UsageError, code, output);
            StringAssert.Contains(output, "error: mqtt.ca_certificates[0]: certificate 'CN=expired root' expired on " + Iso(notAfter));
            StringAssert.Contains(output, "this clock says");
            Assert.IsFalse(output.Contains("--ca", StringComparison.Ordinal), output);
        }

        [TestMethod]
        public async Task Check_config_warns_when_the_CA_file_holds_a_server_certificate_instead_of_a_CA()
        {
            using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority("issuing CA");
            using X509Certificate2 server = CertificateFactory.CreateServerCertificate(ca, new[] { "broker.test" }, new IPAddress[0]);
            string file = WriteConfig(CertificateFactory.ToCertificatePem(server));

            (int code, string output) = await Run("--check-config", file);

            Assert.AreEqual(TwinExitCode.Done, code, output);
            StringAssert.Contains(output, "warning: mqtt.ca_certificates[0]: certificate 'CN=broker.test' is not a CA certificate");
        }

        [TestMethod]
        public async Task One_expired_root_in_a_bundle_with_a_good_one_is_only_a_warning()
        {
            using X509Certificate2 old = CertificateFactory.CreateCertificateAuthority("old root", DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddYears(-1));
            using X509Certificate2 current = CertificateFactory.CreateCertificateAuthority("current root");
            string file = WriteConfig(CertificateFactory.ToCertificatePem(old) + CertificateFactory.ToCertificatePem(current));

            (int code, string output) = await Run("--check-config", file);

            Assert.AreEqual(TwinExitCode.Done, code, output);
            StringAssert.Contains(output, "warning: mqtt.ca_certificates[0]: certificate 'CN=old root' expired on");
        }

        [TestMethod]
        public async Task A_bad_CA_file_named_by_the_config_is_reported_under_its_key_when_the_twin_runs_it()
        {
            using X509Certificate2 ca = CertificateFactory.CreateCertificateAuthority("future root", DateTimeOffset.UtcNow.AddDays(10), DateTimeOffset.UtcNow.AddYears(1));
            string file = WriteConfig(CertificateFactory.ToCertificatePem(ca));

            (int code, string output) = await Run("--config", file, "--token", Token, "--count", "1", "--timeout", "5");

            Assert.AreEqual(TwinExitCode.UsageError, code, output);
            StringAssert.Contains(output, "error: mqtt.ca_certificates[0]: certificate 'CN=future root' not valid before");
            Assert.IsFalse(output.Contains("--ca", StringComparison.Ordinal), output);
        }

        [TestMethod]
        [DataRow("garbage")]
        [DataRow("expired")]
        public async Task A_bad_ca_option_file_is_reported_as_the_option(string kind)
        {
            string dir = Directory.CreateTempSubdirectory("tago-ca-").FullName;
            string ca = Path.Combine(dir, "ca.pem");
            using X509Certificate2 expired = CertificateFactory.CreateCertificateAuthority("old root", DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddYears(-1));
            File.WriteAllText(ca, kind == "garbage" ? "not a certificate\n" : CertificateFactory.ToCertificatePem(expired));

            (int code, string output) = await Run("--broker", "127.0.0.1", "--port", "1", "--ca", ca, "--token", Token, "--count", "1", "--timeout", "5", "--no-persist");

            Assert.AreEqual(TwinExitCode.UsageError, code, output);
            StringAssert.Contains(output, "error: --ca file '" + ca + "': ");
            StringAssert.Contains(output, kind == "garbage" ? "holds no -----BEGIN CERTIFICATE----- block" : "expired on");
        }

        private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        private static string WriteConfig(string caPem)
        {
            string dir = Directory.CreateTempSubdirectory("tago-ca-config-").FullName;
            File.WriteAllText(Path.Combine(dir, "ca.pem"), caPem);
            string file = Path.Combine(dir, "node.json");
            File.WriteAllText(file,
                "{\n  \"wifi\": { \"ssid\": \"lab\", \"password\": \"wifi-secret-1\" },\n  \"token\": \"" + Token + "\",\n" +
                "  \"mqtt\": { \"host\": \"127.0.0.1\", \"port\": 1, \"ca_certificates\": [\"ca.pem\"], \"client_id\": \"ca-check-node\" },\n" +
                "  \"sampling\": { \"interval_s\": 12, \"batch\": 1 },\n" +
                "  \"sensors\": [ { \"model\": \"dht22\", \"echo_pin\": 26, \"trigger_pin\": 27 } ]\n}\n");
            return file;
        }

        private static async Task<(int Code, string Output)> Run(params string[] args)
        {
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(args, output, output, null, CancellationToken.None);
            return (code, output.ToString());
        }
    }
}
