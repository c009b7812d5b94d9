using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Protocol;
using TagoFirmware.Host.Node;
using TagoFirmware.Host.Tls;
using TagoFirmware.IntegrationTests.Infrastructure;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>
    /// A flood on the command topic (thousands of messages a second, valid commands, garbage and 1 MB payloads) must not
    /// cost the node its session: acknowledgements never wait behind commands, commands over the rate limit and
    /// oversized ones are dropped unparsed and counted (docs/commands.md "Floods").
    /// </summary>
    [TestClass]
    public sealed class CommandFloodTests
    {
        private const int FloodSeconds = 20;
        private const int MessagesPerSecond = 3250;

        [TestMethod]
        [DoNotParallelize] // measures the process's heap and needs the CPU the flood takes
        [Timeout(120000, CooperativeCancellation = true)]
        public async Task A_command_flood_with_megabyte_payloads_causes_no_reconnect_no_long_publish_gap_and_no_memory_growth()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            const string id = "flooded-node";
            const double timeScale = 4; // one payload (batch 2 = one cycle of 12 simulated s) every 3 real s
            double payloadIntervalS = 12 / timeScale;
            await using MqttSubscriber subscriber = await MqttSubscriber.ConnectAsync(broker.Host, broker.Port, broker.CaCertificates, broker.Token, "sensors/" + id + "/data");
            using TwinNode node = TestNodes.Create(broker, id, out LogCapture log, configure: s => s.TimeScale = timeScale);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(110));
            Task loop = TestNodes.RunInBackground(node, cancel.Token);
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.AckedPayloads >= 2, TimeSpan.FromSeconds(30)), log.ToString());

            long baseline = GC.GetTotalMemory(true);
            long peak = baseline;
            DateTime floodStart = DateTime.UtcNow;
            using var floodEnd = new CancellationTokenSource(TimeSpan.FromSeconds(FloodSeconds));
            Task<long>[] flooders = Enumerable.Range(0, 2).Select(i => Task.Run(() => FloodAsync(broker, id, i, floodEnd.Token))).ToArray();
            while (!floodEnd.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(200);
            }

            long sent = (await Task.WhenAll(flooders)).Sum();
            DateTime floodStop = DateTime.UtcNow;

            // Two more payload intervals after the flood, so a gap that started near its end is seen too.
            await Task.Delay(TimeSpan.FromSeconds(2 * payloadIntervalS + 1));
            long after = GC.GetTotalMemory(true);
            int reconnects = node.Node.Supervisor.Reconnects;
            int deadLinks = System.Text.RegularExpressions.Regex.Matches(log.ToString(), "mqtt dead link").Count;
            int commandErrors = node.Node.Diagnostics.CommandErrors;
            cancel.Cancel();
            await loop;

            List<DateTime> arrivals = subscriber.Messages.Where(m => m.ReceivedUtc >= floodStart && !TagoItem.IsDiagnostics(m)).Select(m => m.ReceivedUtc).ToList();
            arrivals.Insert(0, floodStart);
            double worstGap = 0;
            for (int i = 1; i < arrivals.Count; i++)
            {
                worstGap = Math.Max(worstGap, (arrivals[i] - arrivals[i - 1]).TotalSeconds);
            }

            string summary = "sent " + sent + " command messages in " + (floodStop - floodStart).TotalSeconds.ToString("F1") + " s; reconnects " + reconnects
                + ", dead links " + deadLinks + ", worst data gap " + worstGap.ToString("F2") + " s, command_errors " + commandErrors
                + ", heap baseline " + (baseline >> 20) + " MB, peak " + (peak >> 20) + " MB, after " + (after >> 20) + " MB";
            Console.WriteLine(summary);
            string tail = Tail(log.ToString(), 60);
            Assert.IsTrue(sent >= FloodSeconds * MessagesPerSecond / 4, "the flood was a flood: " + summary);
            Assert.AreEqual(0, deadLinks, "no false dead link: " + summary + "\n" + tail);
            Assert.AreEqual(0, reconnects, "no reconnect: " + summary + "\n" + tail);
            Assert.IsTrue(worstGap <= 2 * payloadIntervalS, "data gaps at most twice the payload interval (" + (2 * payloadIntervalS) + " s): " + summary + "\n" + tail);
            Assert.IsTrue(commandErrors > sent / 2, "dropped commands are counted in command_errors: " + summary);
            Assert.IsTrue(peak - baseline < 256L << 20, "heap stays bounded during the flood: " + summary);
            Assert.IsTrue(after - baseline < 32L << 20, "nothing of the flood is kept: " + summary);
        }

        /// <summary>
        /// Publishes at QoS 0 on the node's command topics at about half of <see cref="MessagesPerSecond"/> (two run at
        /// once): pings, diagnostics requests, garbage, unknown commands and, once a second, a 1 MB payload.
        /// </summary>
        private static async Task<long> FloodAsync(MosquittoBroker broker, string id, int index, CancellationToken stop)
        {
            using IMqttClient client = new MqttClientFactory().CreateMqttClient();
            var validator = new CaPinnedValidator(broker.CaCertificates, broker.Host);
            MqttClientOptions options = new MqttClientOptionsBuilder()
                .WithTcpServer(broker.Host, broker.Port)
                .WithClientId("flooder-" + index)
                .WithCredentials("Token", broker.Token)
                .WithTimeout(TimeSpan.FromSeconds(10))
                .WithTlsOptions(o => o.UseTls(true).WithTargetHost(broker.Host).WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                    .WithCertificateValidationHandler(a => validator.Validate(a.Certificate, a.Chain)))
                .Build();
            await client.ConnectAsync(options, CancellationToken.None);
            string prefix = "commands/" + id + "/";
            var messages = new[]
            {
                Message(prefix + "ping", Encoding.UTF8.GetBytes("1")),
                Message(prefix + "diagnostics", Encoding.UTF8.GetBytes("1")),
                Message(prefix + "interval", Encoding.UTF8.GetBytes("[{\"variable\":\"interval\",\"value\":")),
                Message(prefix + "frobnicate", Encoding.UTF8.GetBytes("{\"a\":[[[[[[[[1]]]]]]]]}")),
                Message(prefix + "batch", Encoding.UTF8.GetBytes("101")),
            };
            MqttApplicationMessage huge = Message(prefix + "interval", new byte[1 << 20]);
            long sent = 0;
            var clock = Stopwatch.StartNew();
            long nextHugeMs = 500 + (index * 1000);
            int perSlice = MessagesPerSecond / 2 / 100; // every 10 ms
            while (!stop.IsCancellationRequested)
            {
                for (int i = 0; i < perSlice; i++)
                {
                    await client.PublishAsync(messages[sent % messages.Length], CancellationToken.None);
                    sent++;
                }

                if (clock.ElapsedMilliseconds >= nextHugeMs)
                {
                    await client.PublishAsync(huge, CancellationToken.None);
                    sent++;
                    nextHugeMs += 2000;
                }

                long due = sent * 1000 / (MessagesPerSecond / 2);
                long wait = due - clock.ElapsedMilliseconds;
                if (wait > 0)
                {
                    await Task.Delay((int)wait);
                }
            }

            await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
            return sent;
        }

        private static MqttApplicationMessage Message(string topic, byte[] payload)
        {
            return new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build();
        }

        private static string Tail(string text, int lines)
        {
            string[] all = text.Split('\n');
            return string.Join("\n", all.Skip(Math.Max(0, all.Length - lines)));
        }
    }
}
