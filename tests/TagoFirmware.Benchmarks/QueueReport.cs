using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Config;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Broker;
using TagoFirmware.Host.Node;
using TagoFirmware.Payload;
using TagoFirmware.Readings;
using TagoFirmware.Connection;

namespace TagoFirmware.Benchmarks
{
    /// <summary>
    /// Store-and-forward measurements that need a real broker, so not BenchmarkDotNet: (1) wire bytes per reading at batch 1,
    /// 10 and 50, from the payloads the core's SensorNode actually publishes; (2) wall time to replay a 1000-reading
    /// backlog to a loopback broker at QoS 1, with the node's pacing (1 s between payloads, batch 10) and without
    /// pacing (the same queue, batcher and writer driven in a tight loop). Run:
    /// <c>dotnet run -c Release --project tests/TagoFirmware.Benchmarks -- queue-report [runs]</c>.
    /// </summary>
    public static class QueueReport
    {
        /// <summary>A typical MAC-derived client id: "tago-" + 12 hex digits (README "MQTT details").</summary>
        public const string TypicalClientId = "tago-a4cf12e3b1c0";

        private static readonly byte[] s_temperature = Encoding.UTF8.GetBytes("temperature");
        private static readonly byte[] s_humidity = Encoding.UTF8.GetBytes("humidity");
        private static readonly byte[] s_celsius = Encoding.UTF8.GetBytes("\u00b0C");
        private static readonly byte[] s_percent = Encoding.UTF8.GetBytes("%");

        /// <summary>Runs the report and prints Markdown tables.</summary>
        /// <param name="args"><c>queue-report [runs]</c> (default 3 runs of each replay).</param>
        public static void Run(string[] args)
        {
            int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
            RunAsync(runs).GetAwaiter().GetResult();
        }

        /// <summary>Bytes of an MQTT 3.1.1 PUBLISH packet at QoS 1 (MQTT 3.1.1 §3.3): fixed header byte, remaining
        /// length (1–4 bytes, §2.2.3), topic length (2) + topic, packet identifier (2), payload.</summary>
        /// <param name="topicBytes">UTF-8 length of the topic.</param>
        /// <param name="payloadBytes">Payload length.</param>
        /// <returns>Packet size.</returns>
        public static int PublishPacketBytes(int topicBytes, int payloadBytes)
        {
            int remaining = 2 + topicBytes + 2 + payloadBytes;
            int lengthBytes = remaining < 128 ? 1 : remaining < 16384 ? 2 : remaining < 2097152 ? 3 : 4;
            return 1 + lengthBytes + remaining;
        }

        private static async Task RunAsync(int runs)
        {
            Console.WriteLine("machine: " + CpuModel() + ", " + Environment.ProcessorCount + " logical cores, " + RuntimeInformation.OSDescription + ", " + RuntimeInformation.FrameworkDescription);
            Console.WriteLine();
            await WireBytesAsync().ConfigureAwait(false);
            Console.WriteLine();
            var paced = new List<double>();
            var raw = new List<double>();
            for (int r = 0; r < runs; r++)
            {
                raw.Add(await ReplayRawAsync(1000).ConfigureAwait(false));
                paced.Add(await ReplayPacedAsync(1000).ConfigureAwait(false));
            }

            Console.WriteLine("| replay of 1000 readings, QoS 1, embedded broker on loopback (TLS) | runs (s) | median |");
            Console.WriteLine("|---|---|---|");
            Console.WriteLine("| SensorNode, batch 10, 1 s minimum spacing (the device's pacing) | " + string.Join(", ", paced.Select(F)) + " | **" + F(Median(paced)) + " s** |");
            Console.WriteLine("| same queue + batcher + writer, batch 10, spacing 0 (raw cost) | " + string.Join(", ", raw.Select(F)) + " | **" + F(Median(raw)) + " s** |");
        }

        private static async Task WireBytesAsync()
        {
            string topic = "sensors/" + TypicalClientId + "/data";
            int topicBytes = Encoding.UTF8.GetByteCount(topic);
            Console.WriteLine("| batch (readings) | payloads measured | JSON bytes / payload | PUBLISH bytes / payload | **wire bytes / reading** | JSON bytes / reading |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (int batch in new[] { 1, 10, 50 })
            {
                string dir = Prefill(100);
                await using TagoLikeBroker broker = await TagoLikeBroker.StartAsync(null).ConfigureAwait(false);
                var payloads = new ConcurrentQueue<byte[]>();
                broker.Received = (t, p) =>
                {
                    if (t == topic && !Encoding.UTF8.GetString(p).Contains("\"uptime_s\"", StringComparison.Ordinal))
                    {
                        payloads.Enqueue(p);
                    }
                };
                TwinNodeSettings settings = TwinNodeSettings.ForBroker(broker.Host, broker.Port, broker.CaPem, broker.Token, TypicalClientId);
                settings.Config.Set(ConfigKeys.SamplingBatch, batch);
                settings.Config.Set(ConfigKeys.SamplingInterval, 3600);
                // 50 readings of ~106 B do not fit the default 4096-byte payload buffer (the writer stops at 38);
                // payload_buffer_bytes 8192 lets a batch of 50 go out whole.
                settings.Config.Set(ConfigKeys.SamplingPayloadBuffer, batch * 110 > 4096 ? 8192 : 4096);
                settings.DataDirectory = dir;
                settings.TimeScale = 50; // pacing 1 s simulated = 20 ms real; the bytes do not depend on it
                using (var node = new TwinNode(settings, new ConsoleLog(TextWriter.Null)))
                {
                    using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                    await node.RunAsync(n => n.Node.Queue.Count < batch, cancel.Token).ConfigureAwait(false);
                }

                List<byte[]> full = payloads.Where(p => Items(p) == batch).ToList();
                double json = full.Average(p => p.Length);
                double wire = full.Average(p => PublishPacketBytes(topicBytes, p.Length));
                Console.WriteLine("| " + batch + (batch * 110 > 4096 ? " (payload_buffer_bytes 8192)" : string.Empty) + " | " + full.Count + " | " + F(json) + " | " + F(wire) + " | **" + F(wire / batch) + "** | " + F(json / batch) + " |");
                Directory.Delete(dir, true);
            }

            Console.WriteLine();
            Console.WriteLine("topic '" + topic + "' (" + topicBytes + " B); one reading = one TagoIO item {variable, value, unit, time, group}; no TLS record overhead; plus a 4-byte PUBACK back per payload.");
        }

        private static async Task<double> ReplayPacedAsync(int readings)
        {
            // The node takes one cycle (2 readings) at start: prefill 998 so exactly 1000 go out.
            string dir = Prefill(readings - 2);
            await using TagoLikeBroker broker = await TagoLikeBroker.StartAsync(null).ConfigureAwait(false);
            TwinNodeSettings settings = TwinNodeSettings.ForBroker(broker.Host, broker.Port, broker.CaPem, broker.Token, TypicalClientId);
            settings.Config.Set(ConfigKeys.SamplingBatch, 10);
            settings.Config.Set(ConfigKeys.SamplingInterval, 3600);
            settings.DataDirectory = dir;
            var clock = new Stopwatch();
            double seconds;
            using (var node = new TwinNode(settings, new ConsoleLog(TextWriter.Null)))
            {
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(300));
                await node.RunAsync(
                    n =>
                    {
                        if (!clock.IsRunning && n.Node.Supervisor.State == SessionState.Online)
                        {
                            clock.Start();
                        }

                        return n.Node.Sampler.ReadingsQueued > 0 && n.Node.Queue.Count == 0;
                    },
                    cancel.Token).ConfigureAwait(false);
                seconds = clock.Elapsed.TotalSeconds;
                if (node.Node.Queue.Count != 0)
                {
                    throw new InvalidOperationException("replay did not finish: " + node.Node.Queue.Count + " left");
                }
            }

            Directory.Delete(dir, true);
            Console.WriteLine("paced replay: " + F(seconds) + " s");
            return seconds;
        }

        private static async Task<double> ReplayRawAsync(int readings)
        {
            string dir = Prefill(readings);
            await using TagoLikeBroker broker = await TagoLikeBroker.StartAsync(null).ConfigureAwait(false);
            string topic = "sensors/" + TypicalClientId + "/data";
            using var store = new TagoFirmware.Esp32.FlashReadingStore(TwinNodeSettings.PathIn(dir, TwinNodeSettings.QueueFileName));
            var queue = new ReadingQueue(1024, store);
            queue.Load();
            var batcher = new ReadingBatcher(queue, 10, 30000, 0);
            var writer = new TagoJsonWriter(new byte[4096], new[] { s_temperature, s_humidity }, new[] { s_celsius, s_percent });
            using var link = new MqttNetLink();
            var request = new SessionOptions
            {
                Host = broker.Host,
                Port = broker.Port,
                UseTls = true,
                CaCertificatesPem = broker.CaPem,
                ClientId = TypicalClientId,
                Username = "Token",
                Password = broker.Token,
                KeepAliveSeconds = 60,
                MqttConnectTimeoutMs = 10000,
            };
            var ev = new LinkEvent();
            Stopwatch clock = Stopwatch.StartNew();
            link.BeginConnect(request);
            WaitFor(link, ev, LinkEventKind.ConnectSucceeded, -1);
            while (queue.Count > 0)
            {
                uint now = (uint)clock.ElapsedMilliseconds;
                if (batcher.MillisecondsUntilDue(now) != 0)
                {
                    throw new InvalidOperationException("a backlog with spacing 0 is always due");
                }

                int due = batcher.DueCount(now);
                writer.Reset();
                for (int i = 0; i < due; i++)
                {
                    // Exactly the items SensorNode writes: variable, value (1 decimal), unit, time, group.
                    writer.Reading(queue.GetVariableIndex(i), queue.GetScaledValue(i), queue.GetDecimals(i), queue.GetTimeUnixMs(i));
                }

                int ticket = batcher.Take(due, false, now);
                int id = link.Publish(topic, writer.CopyPayload(), 1);
                WaitFor(link, ev, LinkEventKind.PublishAcked, id);
                batcher.OnAcknowledged(ticket);
            }

            double seconds = clock.Elapsed.TotalSeconds;
            link.Disconnect();
            Directory.Delete(dir, true);
            Console.WriteLine("raw replay: " + F(seconds) + " s");
            return seconds;
        }

        private static void WaitFor(MqttNetLink link, LinkEvent ev, LinkEventKind kind, int messageId)
        {
            var timeout = Stopwatch.StartNew();
            while (timeout.Elapsed < TimeSpan.FromSeconds(15))
            {
                if (link.TryTakeEvent(ev))
                {
                    if (ev.Kind == kind && (messageId < 0 || ev.MessageId == messageId))
                    {
                        return;
                    }

                    if (ev.Kind == LinkEventKind.ConnectFailed || ev.Kind == LinkEventKind.ConnectRefused || ev.Kind == LinkEventKind.PublishFailed || ev.Kind == LinkEventKind.Closed)
                    {
                        throw new InvalidOperationException("link event " + ev.Kind);
                    }
                }
                else
                {
                    Thread.Yield();
                }
            }

            throw new TimeoutException("no " + kind);
        }

        /// <summary>Writes a queue log with <paramref name="readings"/> readings (temperature/humidity pairs of the
        /// simulated DHT22, 60 s apart, variable indexes 0 and 1 as SensorNode numbers them) into a new data directory.</summary>
        private static string Prefill(int readings)
        {
            string dir = Directory.CreateTempSubdirectory("tago-bench-").FullName;
            using var store = new TagoFirmware.Esp32.FlashReadingStore(TwinNodeSettings.PathIn(dir, TwinNodeSettings.QueueFileName));
            var queue = new ReadingQueue(1024, store);
            queue.Load();
            var sensor = new SimulatedDht22(7);
            long start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (readings / 2 * 60000L);
            for (int c = 0; c < readings / 2; c++)
            {
                sensor.TryRead(out double celsius, out double percent);
                queue.BeginCycle(start + (c * 60000L), true, (uint)(c * 60000));
                queue.AddScaled(0, (int)Math.Round(celsius * 10), 1);
                queue.AddScaled(1, (int)Math.Round(percent * 10), 1);
                queue.EndCycle();
            }

            return dir;
        }

        private static int Items(byte[] payload)
        {
            string text = Encoding.UTF8.GetString(payload);
            int count = 0;
            for (int i = text.IndexOf("\"variable\"", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\"variable\"", i + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private static double Median(List<double> values)
        {
            List<double> sorted = values.OrderBy(v => v).ToList();
            int n = sorted.Count;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        }

        private static string F(double value)
        {
            return value.ToString("0.##", CultureInfo.InvariantCulture);
        }

        private static string CpuModel()
        {
            try
            {
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                {
                    if (line.StartsWith("model name", StringComparison.Ordinal))
                    {
                        return line.Substring(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim();
                    }
                }
            }
            catch (IOException)
            {
            }

            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
