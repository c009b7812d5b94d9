using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Cli;
using TagoFirmware.Host.Tls;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Tests.Twin
{
    /// <summary>What the twin prints about time and about how a run ended.</summary>
    [TestClass]
    public sealed class TwinConsoleTextTests
    {
        [TestMethod]
        [DataRow("mqtt connect failed: network; backoff 4000 ms (mqtt attempt 3, window 8000 ms)", "backoff 1000 ms real (mqtt attempt 3, window 2000 ms real)")]
        [DataRow("wifi connecting (timeout 120000 ms)", "wifi connecting (timeout 30000 ms real)")]
        [DataRow("mqtt dead link: no PUBACK for message 7 within 60000 ms", "within 15000 ms real")]
        [DataRow("credentials were refused, next attempt in 1200 s", "next attempt in 300 s real")]
        [DataRow("sampling every 240 s, batch 10, queue 16", "sampling every 240 s, batch 10, queue 16")]
        public void Node_durations_print_in_real_time_under_a_time_scale(string line, string expected)
        {
            var writer = new StringWriter();
            ILog log = new ConsoleLog(writer, LogLevel.Debug).ForTimeScale(4);

            log.Write(LogLevel.Info, line);

            StringAssert.Contains(writer.ToString(), expected);
        }

        [TestMethod]
        public void Without_a_time_scale_the_node_log_is_left_alone()
        {
            var inner = new ConsoleLog(new StringWriter());
            Assert.AreSame(inner, inner.ForTimeScale(1.0));
        }

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        public async Task A_scaled_twin_prints_its_network_timeouts_in_real_time_and_a_timeout_without_count_sums_up_plainly()
        {
            string ca = Path.Combine(Directory.CreateTempSubdirectory("tago-console-").FullName, "ca.pem");
            using (X509Certificate2 authority = CertificateFactory.CreateCertificateAuthority("console CA"))
            {
                File.WriteAllText(ca, CertificateFactory.ToCertificatePem(authority));
            }

            var output = new StringWriter();
            int code = await TwinApp.RunAsync(
                new[] { "--broker", "127.0.0.1", "--port", ClosedPort().ToString(), "--ca", ca, "--token", "a1b2c3d4-0000-1111-2222-333344445555",
                    "--no-persist", "--time-scale", "4", "--timeout", "4" },
                output, output, null, CancellationToken.None);
            string text = output.ToString();

            Assert.AreEqual(TwinExitCode.Timeout, code, text);
            StringAssert.Contains(text, "wifi connecting (timeout 30000 ms real)", "wifi_connect_s 30 is stretched to 120 simulated s, and printed as the 30 real s it is");
            StringAssert.Matches(text, new Regex(@"backoff \d+ ms real \(mqtt attempt 1, window 250 ms real\)"));
            StringAssert.Matches(text, new Regex(@"timeout: 0 payload\(s\) acknowledged after 4 s"));
            Assert.IsFalse(text.Contains(" of 0 payload", StringComparison.Ordinal), text);
        }

        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
