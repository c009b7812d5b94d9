using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Node;
using TagoFirmware.Host.TagoTip;
using TagoFirmware.IntegrationTests.Infrastructure;
using TagoFirmware.Platform;

namespace TagoFirmware.IntegrationTests.TagoTip
{
    /// <summary>
    /// The node's TagoTiP sessions on mosquitto with the receipt responder: readings leave the queue only on their
    /// receipt, keep their sampling time and order through an outage of the receipts, and survive a SIGKILL without a
    /// reused <c>!N</c>. Sampling runs at x12 (one 12 s DHT22 cycle per real second); sessions at least 2 real seconds apart.
    /// </summary>
    [TestClass]
    public sealed class TagoTipDeliveryTests
    {
        private const string Hash = "4deedd7bab8817ec";

        [TestMethod]
        [Timeout(240000)]
        public async Task Receipts_withheld_for_60_s_lose_no_reading_and_deliver_each_once_in_order_with_its_time()
        {
            using PlaintextMosquitto broker = PlaintextMosquitto.Start();
            await using TagoTipReceiptResponder responder = await TagoTipReceiptResponder.StartAsync("127.0.0.1", broker.Port, null, null);
            var stored = new ConcurrentQueue<TagoTipDataPoint>();
            responder.Stored = (_, point) => stored.Enqueue(point);
            using TwinNode node = Create(broker, "tip-hold", out LogCapture log);
            using var cancel = new CancellationTokenSource();
            Task run = TestNodes.RunInBackground(node, cancel.Token);

            await Task.Delay(TimeSpan.FromSeconds(20));
            responder.Frozen = true;
            await Task.Delay(TimeSpan.FromSeconds(60));
            Assert.IsTrue(node.Node.Queue.Count >= 2 * 50, "the readings of the outage stay queued: " + node.Node.Queue.Count + "\n" + log);
            responder.Frozen = false;
            await Task.Delay(TimeSpan.FromSeconds(40));
            await TestNodes.WaitUntilAsync(() => node.Node.Queue.Count <= 2, TimeSpan.FromSeconds(30));
            cancel.Cancel();
            await run;

            List<long> times = stored.Where(p => p.Name == "temperature").Select(p => p.Time.Value).ToList();
            List<long> distinct = times.Distinct().ToList();
            Assert.IsTrue(times.Count - distinct.Count <= 10, "at most one batch is stored twice: " + (times.Count - distinct.Count) + " duplicates\n" + log);
            Assert.IsTrue(distinct.Count >= 110, "about 120 cycles in 120 s: " + distinct.Count + "\n" + log);
            // Every sampled cycle is stored or still queued. The stop does not wait for the last frame's receipt, so that
            // frame (one cycle at batch 2) may be both stored and still queued.
            int accounted = distinct.Count + (node.Node.Queue.Count / 2) - node.Node.Sampler.CyclesCompleted;
            Assert.IsTrue(accounted >= 0 && accounted <= 1, "cycles stored + still queued - sampled = " + accounted + "\n" + log);
            // In order, each with its sampling time: about 12 s (simulated) after the previous. Times stamped on
            // arrival would bunch up after the 60 s without receipts (gaps near 0); the sampler's own jitter on a busy
            // machine (a real second is 12 simulated ones) stays far inside half a cycle. The first cycle of a boot
            // comes early (the pipeline's first read starts at once), so its gap is only bounded above.
            string gaps = string.Join(",", distinct.Skip(1).Select((t, i) => t - distinct[i]));
            for (int i = 1; i < distinct.Count; i++)
            {
                long gap = distinct[i] - distinct[i - 1];
                Assert.IsTrue(gap <= 18000 && (gap >= 6000 || (i == 1 && gap > 0)), "gap " + gap + " ms at " + i + ": " + gaps + "\n" + log);
            }

            double mean = (distinct[distinct.Count - 1] - distinct[1]) / (double)(distinct.Count - 2);
            Assert.IsTrue(mean > 11500 && mean < 12500, "mean gap " + mean + " ms: " + gaps);
        }

        [TestMethod]
        [Timeout(120000)]
        public async Task A_frozen_server_leaves_every_reading_queued_and_the_node_sends_them_once_it_answers()
        {
            using PlaintextMosquitto broker = PlaintextMosquitto.Start();
            await using TagoTipReceiptResponder responder = await TagoTipReceiptResponder.StartAsync("127.0.0.1", broker.Port, null, null);
            responder.Frozen = true;
            using TwinNode node = Create(broker, "tip-frozen", out LogCapture log);
            using var cancel = new CancellationTokenSource();
            Task run = TestNodes.RunInBackground(node, cancel.Token);

            await Task.Delay(TimeSpan.FromSeconds(10));
            int cycles = node.Node.Sampler.CyclesCompleted;
            Assert.IsTrue(cycles >= 5, "cycles: " + cycles);
            Assert.IsTrue(node.Node.Queue.Count >= 2 * (cycles - 1), "queued " + node.Node.Queue.Count + " of " + (2 * cycles) + "\n" + log);
            Assert.AreEqual(0, responder.Judge.FramesStored);
            Assert.AreEqual(0, node.AckedPayloads, "a PUBACK alone delivers nothing");

            responder.Frozen = false;
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => responder.Judge.PointsStored >= 2 * cycles, TimeSpan.FromSeconds(60)), log.ToString());
            cancel.Cancel();
            await run;
        }

        [TestMethod]
        [Timeout(120000)]
        public async Task A_SIGKILLed_twin_restarts_without_reusing_a_sequence_number_or_losing_a_persisted_reading()
        {
            using PlaintextMosquitto broker = PlaintextMosquitto.Start();
            await using TagoTipReceiptResponder responder = await TagoTipReceiptResponder.StartAsync("127.0.0.1", broker.Port, null, null);
            var sequences = new ConcurrentQueue<long>();
            var refused = new ConcurrentQueue<string>();
            var stored = new ConcurrentQueue<long>();
            responder.Judged = (_, verdict) =>
            {
                if (verdict.Sequence.HasValue)
                {
                    sequences.Enqueue(verdict.Sequence.Value);
                }

                if (!verdict.Stored)
                {
                    refused.Enqueue(verdict.Ack);
                }
            };
            responder.Stored = (_, point) =>
            {
                if (point.Name == "temperature")
                {
                    stored.Enqueue(point.Time.Value);
                }
            };
            string dir = Path.Combine(Path.GetTempPath(), "tagotip-kill-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string[] args =
            {
                "--transport", "tagotip", "--broker", "127.0.0.1", "--port", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--plaintext", "--serial", "tip-kill", "--auth-hash", Hash, "--data-dir", dir, "--interval", "1", "--min-session", "2",
            };
            try
            {
                using (TwinProcess first = TwinProcess.Start(null, args))
                {
                    Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => stored.Count >= 3, TimeSpan.FromSeconds(40)), first.Output);
                    responder.Frozen = true; // readings pile up unsent, then the power goes
                    await Task.Delay(TimeSpan.FromSeconds(5));
                    first.Kill();
                    await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
                }

                int before = stored.Distinct().Count();
                responder.Frozen = false;
                using TwinProcess second = TwinProcess.Start(null, args);
                Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => stored.Distinct().Count() >= before + 8, TimeSpan.FromSeconds(40)), second.Output);
                second.Terminate();
                await second.WaitForExitAsync(TimeSpan.FromSeconds(15));

                long[] order = sequences.ToArray();
                for (int i = 1; i < order.Length; i++)
                {
                    Assert.IsTrue(order[i] > order[i - 1], "!N rises across the kill: " + string.Join(",", order) + "\n" + second.Output);
                }

                Assert.IsFalse(refused.Any(a => a.Contains("invalid_seq", StringComparison.Ordinal)), string.Join(",", refused));
                List<long> times = stored.Distinct().OrderBy(t => t).ToList();
                int longGaps = 0;
                for (int i = 1; i < times.Count; i++)
                {
                    longGaps += times[i] - times[i - 1] > 13000 ? 1 : 0;
                }

                Assert.IsTrue(longGaps <= 1, "the only gap is the time the twin was dead: " + longGaps + " gaps\n" + second.Output);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private static TwinNode Create(PlaintextMosquitto broker, string serial, out LogCapture log)
        {
            var settings = new TwinNodeSettings { TimeScale = TestNodes.DefaultTimeScale, Seed = serial.GetHashCode(StringComparison.Ordinal) };
            NodeConfig config = settings.Config;
            config.Set(ConfigKeys.Transport, NodeConfig.TransportTagoTip);
            config.Set(ConfigKeys.TagoTipSerial, serial);
            config.Set(ConfigKeys.TagoTipAuthHash, Hash);
            config.Set(ConfigKeys.TagoTipMinSession, 2);
            config.Set(ConfigKeys.MqttHost, "127.0.0.1");
            config.Set(ConfigKeys.MqttPort, broker.Port);
            config.Set(ConfigKeys.MqttTls, false);
            config.Set(ConfigKeys.QueuePersist, false);
            log = new LogCapture();
            return new TwinNode(settings, new ConsoleLog(log, LogLevel.Debug));
        }
    }
}
