using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Protocol;
using TagoFirmware.Host.Broker;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>The twin's in-process TagoIO-like broker.</summary>
    [TestClass]
    public sealed class EmbeddedBrokerTests
    {
        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        [DataRow("tagotip", "embedded TagoTiP server")]
        [DataRow("tago-mqtt-json", "embedded TagoIO-like broker")]
        public async Task Twin_with_no_broker_flag_reaches_count_3_against_the_embedded_broker_and_exits_0(string transport, string broker)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "TagoFirmware.Host.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            // TagoTiP is the default: its run names no transport.
            string[] args = transport == "tagotip" ? new[] { dll, "--count", "3", "--interval", "1", "--timeout", "40" }
                : new[] { dll, "--count", "3", "--interval", "1", "--timeout", "40", "--transport", transport };
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            start.Environment.Remove("TAGO_DEVICE_TOKEN");
            // A fresh working directory: the default data directory is .tago-twin/<client id>/ under it.
            string workDir = Directory.CreateTempSubdirectory("tago-quickstart-").FullName;
            start.WorkingDirectory = workDir;
            using Process twin = Process.Start(start);
            Task<string> stdout = twin.StandardOutput.ReadToEndAsync();
            Task<string> stderr = twin.StandardError.ReadToEndAsync();
            bool exited = twin.WaitForExit(50000);
            if (!exited)
            {
                twin.Kill();
            }

            string output = await stdout + await stderr;
            Assert.IsTrue(exited, output);
            Assert.AreEqual(0, twin.ExitCode, output);
            StringAssert.Contains(output, broker);
            StringAssert.Contains(output, "variable=temperature");
            StringAssert.Contains(output, "variable=humidity");
            StringAssert.Contains(output, "done: 3 payload(s) acknowledged");
            StringAssert.Contains(output, " acknowledged in ", "each publish is printed with its acknowledgement latency");
            string[] logs = Directory.GetFiles(Path.Combine(workDir, ".tago-twin"), "queue.log", SearchOption.AllDirectories);
            Assert.AreEqual(1, logs.Length, "persistence is on by default, under .tago-twin/<client id>/");
            Directory.Delete(workDir, true);
        }

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task Embedded_broker_refuses_a_wrong_token_and_drops_retained_and_QoS_2_publishes()
        {
            var printed = new ConcurrentQueue<string>();
            await using TagoLikeBroker broker = await TagoLikeBroker.StartAsync(printed.Enqueue);
            MqttClientConnectResult refused = await ConnectAsync(broker, "wrong", out IMqttClient wrong);
            wrong.Dispose();
            Assert.AreEqual(MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
            Assert.AreEqual(1, printed.Count(l => l.StartsWith("[broker] refused ", StringComparison.Ordinal)));

            foreach (bool retain in new[] { true, false })
            {
                MqttClientConnectResult ok = await ConnectAsync(broker, broker.Token, out IMqttClient client);
                Assert.AreEqual(MqttClientConnectResultCode.Success, ok.ResultCode);
                var message = new MqttApplicationMessageBuilder().WithTopic("sensors/x/data").WithPayload("[]")
                    .WithRetainFlag(retain)
                    .WithQualityOfServiceLevel(retain ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.ExactlyOnce).Build();
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.PublishAsync(message, timeout.Token);
                }
                catch (Exception)
                {
                    // Expected: the broker drops the connection instead of acknowledging.
                }

                Stopwatch wait = Stopwatch.StartNew();
                while (client.IsConnected && wait.Elapsed < TimeSpan.FromSeconds(5))
                {
                    await Task.Delay(20);
                }

                Assert.IsFalse(client.IsConnected, retain ? "retained publish drops the connection" : "QoS 2 publish drops the connection");
                client.Dispose();
            }

            Assert.AreEqual(2, printed.Count(l => l.StartsWith("[broker] dropped ", StringComparison.Ordinal)));
            Assert.IsFalse(printed.Any(l => l.StartsWith("[live inspector]", StringComparison.Ordinal)), "nothing was received");
        }

        private static Task<MqttClientConnectResult> ConnectAsync(TagoLikeBroker broker, string token, out IMqttClient client)
        {
            client = new MqttClientFactory().CreateMqttClient();
            CaPinnedValidator validator = CaPinnedValidator.ForPem(broker.CaPem, broker.Host);
            MqttClientOptions options = new MqttClientOptionsBuilder()
                .WithTcpServer(broker.Host, broker.Port)
                .WithClientId("probe-" + Guid.NewGuid().ToString("N").Substring(0, 6))
                .WithCredentials("Token", token)
                .WithTlsOptions(o => o.UseTls(true).WithTargetHost(broker.Host).WithCertificateValidationHandler(a => validator.Validate(a.Certificate, a.Chain)))
                .WithTimeout(TimeSpan.FromSeconds(5))
                .Build();
            return client.ConnectAsync(options, CancellationToken.None);
        }
    }
}
