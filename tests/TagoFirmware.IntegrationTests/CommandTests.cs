using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;
using TagoFirmware.Host.Node;
using TagoFirmware.IntegrationTests.Infrastructure;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>
    /// Downlink commands published through mosquitto to <c>commands/{client_id}/…</c> reach the twin's core
    /// node. Simulated time runs x12 (the DHT22 pipeline's 12 s minimum interval is one cycle per real second), and the
    /// batch interval is set long (600 s simulated) so payloads go out by size only and their size shows the batch.
    /// </summary>
    [TestClass]
    public sealed class CommandTests
    {
        [TestMethod]
        [Timeout(90000, CooperativeCancellation = true)]
        public async Task Interval_and_batch_commands_through_mosquitto_change_the_twins_cadence_and_payload_size()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            const string id = "command-node";
            await using MqttSubscriber subscriber = await MqttSubscriber.ConnectAsync(broker.Host, broker.Port, broker.CaCertificates, broker.Token, "sensors/" + id + "/data");
            using TwinNode node = TestNodes.Create(broker, id, out LogCapture log, configure: s => s.Config.Set(ConfigKeys.SamplingBatchInterval, 600));
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(80));
            Task loop = TestNodes.RunInBackground(node, cancel.Token);
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.AckedPayloads >= 3, TimeSpan.FromSeconds(20)), log.ToString());
            Assert.IsTrue(ReadingPayloads(subscriber).All(p => p.Count == 2), "batch 2 before the command: one temperature and humidity pair a payload");

            await subscriber.PublishAsync("commands/" + id + "/batch", "6");
            await subscriber.PublishAsync("commands/" + id + "/interval", "[{\"variable\":\"interval\",\"value\":24}]");
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.Node.Commands.BatchSize == 6 && node.Node.Commands.IntervalSeconds == 24, TimeSpan.FromSeconds(10)), log.ToString());
            int before = ReadingPayloads(subscriber).Count;

            // Three payloads of the new size: 3 cycles each, 24 s (2 s real) apart.
            Assert.IsTrue(await subscriber.WaitForAsync(before + 4, TimeSpan.FromSeconds(40), m => !TagoItem.IsDiagnostics(m)), "payloads keep coming: " + log);
            cancel.Cancel();
            await loop;
            List<List<TagoItem>> payloads = ReadingPayloads(subscriber);
            List<List<TagoItem>> after = payloads.Skip(before + 1).ToList(); // the first may mix cycles of both sizes
            Assert.IsTrue(after.Count >= 3, "payloads after the command: " + after.Count);
            foreach (List<TagoItem> payload in after)
            {
                Assert.AreEqual(6, payload.Count, "batch 6 = three temperature and humidity pairs a payload");
            }

            // Cycles 24 s (simulated) apart after the interval command. A cycle's time is when the loop started it, and
            // simulated time runs x12, so a loop the machine delays by 0.8 real s stamps a cycle 10 simulated s late (and
            // the next one early again: the cadence does not drift). So judge the series, not single gaps: the mean
            // step over the series is 24 s, not 12 s.
            AssertCadence(after.SelectMany(p => p).Where(i => i.Variable == "temperature").Select(i => i.TimeUtc.Value).ToList(), 24);

            Assert.AreEqual(0, node.Node.Diagnostics.CommandErrors, "valid commands are no errors");
            StringAssert.Contains(log.ToString(), "interval");
        }

        [TestMethod]
        [Timeout(90000, CooperativeCancellation = true)]
        public async Task Ping_publishes_a_status_payload_and_garbage_commands_change_nothing_but_command_errors()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            const string id = "garbage-node";
            await using MqttSubscriber subscriber = await MqttSubscriber.ConnectAsync(broker.Host, broker.Port, broker.CaCertificates, broker.Token, "#");
            using TwinNode node = TestNodes.Create(broker, id, out LogCapture log, configure: s => s.Config.Set(ConfigKeys.SamplingBatchInterval, 600));
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(80));
            Task loop = TestNodes.RunInBackground(node, cancel.Token);
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.AckedPayloads >= 2, TimeSpan.FromSeconds(20)), log.ToString());

            string prefix = "commands/" + id + "/";
            var garbage = new (string Topic, string Payload)[]
            {
                (prefix + "interval", "abc"),                                   // not a number
                (prefix + "interval", "5"),                                     // below the 12 s pipeline minimum
                (prefix + "batch", "101"),                                      // above 100
                (prefix + "frobnicate", "1"),                                   // unknown command
                (prefix + "interval", "[{\"variable\":\"interval\",\"value\":"), // truncated JSON
                (prefix + "batch", new string(' ', 600) + "5"),                 // over 512 bytes
            };
            foreach ((string topic, string payload) in garbage)
            {
                await subscriber.PublishAsync(topic, payload);
            }

            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.Node.Diagnostics.CommandErrors == garbage.Length, TimeSpan.FromSeconds(10)), "every bad command counted: " + log);
            int statusBefore = subscriber.OnTopicsStartingWith("device/status/" + id).Count;
            await subscriber.PublishAsync(prefix + "ping", "1");
            Assert.IsTrue(await subscriber.WaitForAsync(statusBefore + 1, TimeSpan.FromSeconds(10), m => m.Topic == "device/status/" + id), "ping publishes a status payload: " + log);
            ReceivedMessage status = subscriber.OnTopicsStartingWith("device/status/" + id).Last();
            Assert.AreEqual("[{\"variable\":\"device_status\",\"value\":\"online\"}]", System.Text.Encoding.UTF8.GetString(status.Payload));

            int diagnosticsBefore = subscriber.Messages.Count(TagoItem.IsDiagnostics);
            await subscriber.PublishAsync(prefix + "diagnostics", "1");
            Assert.IsTrue(await subscriber.WaitForAsync(diagnosticsBefore + 1, TimeSpan.FromSeconds(10), TagoItem.IsDiagnostics), "diagnostics on request: " + log);
            int readingPayloads = ReadingPayloads(subscriber).Count;
            // Enough further cycles that the cadence check below sees a series of eight or more.
            Assert.IsTrue(await subscriber.WaitForAsync(readingPayloads + 6, TimeSpan.FromSeconds(25), m => m.Topic.EndsWith("/data", StringComparison.Ordinal) && !TagoItem.IsDiagnostics(m)), log.ToString());
            cancel.Cancel();
            await loop;

            List<TagoItem> diagnostics = TagoItem.Parse(new[] { subscriber.Messages.Last(TagoItem.IsDiagnostics) });
            Assert.AreEqual(garbage.Length, (int)diagnostics.Single(i => i.Variable == "command_errors").Value, "command_errors in the diagnostics payload");
            Assert.AreEqual(0, (int)diagnostics.Single(i => i.Variable == "reconnects").Value, "the node never dropped its session over garbage");
            Assert.AreEqual(12, node.Node.Commands.IntervalSeconds, "interval unchanged");
            Assert.AreEqual(2, node.Node.Commands.BatchSize, "batch unchanged");
            List<List<TagoItem>> payloads = ReadingPayloads(subscriber);
            Assert.IsTrue(payloads.All(p => p.Count == 2), "every reading payload still has batch 2");
            AssertCadence(payloads.SelectMany(p => p).Where(i => i.Variable == "temperature").Select(i => i.TimeUtc.Value).ToList(), 12);
        }

        /// <summary>
        /// The cycle times strictly increase and their mean step is within a sixth of <paramref name="intervalSeconds"/>
        /// (so 12 s and 24 s cadences are told apart). Single gaps are not judged: a cycle's time is when the loop
        /// started it, and x12 simulated time turns a loop delayed by 0.8 real s into a cycle 10 simulated s late (the
        /// next one is on time again); over six or more cycles that moves the mean by under 2 s.
        /// </summary>
        private static void AssertCadence(List<DateTime> times, int intervalSeconds)
        {
            Assert.IsTrue(times.Count >= 6, "enough cycles to judge a " + intervalSeconds + " s cadence: " + times.Count);
            for (int i = 1; i < times.Count; i++)
            {
                Assert.IsTrue(times[i] > times[i - 1], "cycle " + i + " is not after the previous one: " + string.Join(", ", times.Select(t => t.ToString("HH:mm:ss.fff"))));
            }

            double mean = (times[^1] - times[0]).TotalSeconds / (times.Count - 1);
            Assert.IsTrue(Math.Abs(mean - intervalSeconds) < intervalSeconds / 6.0, "mean interval " + mean + " s, want " + intervalSeconds
                + ": " + string.Join(", ", times.Select(t => t.ToString("HH:mm:ss.fff"))));
        }

        /// <summary>The reading payloads on the data topic (diagnostics left out), each as its items.</summary>
        private static List<List<TagoItem>> ReadingPayloads(MqttSubscriber subscriber)
        {
            return subscriber.Messages
                .Where(m => m.Topic.EndsWith("/data", StringComparison.Ordinal) && !TagoItem.IsDiagnostics(m))
                .Select(m => TagoItem.Parse(new[] { m }))
                .ToList();
        }
    }
}
