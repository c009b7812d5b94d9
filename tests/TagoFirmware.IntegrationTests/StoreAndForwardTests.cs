using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Esp32;
using TagoFirmware.Config;
using TagoFirmware.Host.Node;
using TagoFirmware.IntegrationTests.Infrastructure;
using TagoFirmware.Readings;
using TagoFirmware.Connection;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>
    /// Store and forward on a real mosquitto: readings taken while the broker is away arrive later, in order, with the time
    /// they were taken; a queue too small for the outage drops exactly what it reports; a killed twin loses nothing
    /// unsent. The twin runs the core's SensorNode with the DHT22's standard pipeline, whose minimum interval is 12 s,
    /// so these tests run simulated time x12: one sampling cycle (a temperature and a humidity reading, 12 s apart in
    /// their timestamps) per real second. Broker outages and run lengths are real seconds.
    /// </summary>
    [TestClass]
    public sealed class StoreAndForwardTests
    {
        private const int IntervalMs = 12000; // simulated, between consecutive cycles' timestamps

        [TestMethod]
        [Timeout(240000, CooperativeCancellation = true)]
        public async Task One_cycle_a_second_for_120_s_with_the_broker_stopped_for_60_s_reaches_a_subscriber_complete_in_order_with_original_times()
        {
            using MosquittoBroker broker = MosquittoBroker.Start(persistence: true);
            const string id = "outage-node";
            // A persistent session on a broker with persistence: the subscriber misses nothing published while it
            // reconnects after the restart, so what it sees is what the broker accepted.
            await using MqttSubscriber subscriber = await MqttSubscriber.ConnectAsync(broker.Host, broker.Port, broker.CaCertificates, broker.Token, "sensors/" + id + "/data", "outage-subscriber");
            using TwinNode node = TestNodes.Create(broker, id, out LogCapture log, configure: s => s.Config.Set(ConfigKeys.SamplingBatch, 10));
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(220));
            Task loop = TestNodes.RunInBackground(node, cancel.Token);

            await Task.Delay(TimeSpan.FromSeconds(30));
            Assert.IsTrue(node.AckedPayloads >= 3, "publishing before the outage: " + log);
            broker.Stop();
            DateTime outageStart = node.Clock.UtcNow; // simulated wall time, the clock the readings are stamped with
            await Task.Delay(TimeSpan.FromSeconds(60));
            int queuedDuringOutage = node.Node.Queue.Count;
            Assert.IsTrue(queuedDuringOutage >= 100, "about 60 cycles x 2 readings queued while the broker is away: " + queuedDuringOutage);
            Assert.AreNotEqual(SessionState.Online, node.Node.Supervisor.State);
            DateTime outageEnd = node.Clock.UtcNow;
            int arrivedBeforeRestart = subscriber.Count;
            broker.Restart();
            await Task.Delay(TimeSpan.FromSeconds(30));
            // 120 s are over; the replay (10 readings a payload, one payload per simulated second) is long done.
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.Node.Queue.Count < 10, TimeSpan.FromSeconds(20)), "backlog replayed: " + node.Node.Queue.Count + "\n" + log);
            cancel.Cancel();
            await loop;
            int total = node.Node.Sampler.ReadingsQueued; // every reading taken, all timed (the host clock is valid)
            int leftInQueue = node.Node.Queue.Count;
            Assert.AreEqual(0, node.Node.Queue.DroppedReadings, "the default 1024-reading queue holds a 60 s outage");
            node.Dispose();

            // The broker forwards the last payload to the subscriber after acknowledging it to the node: on a loaded
            // machine that can take seconds, so wait for every acknowledged reading (or 15 s) before comparing.
            await TestNodes.WaitUntilAsync(() => FirstArrivals(TagoItem.Parse(subscriber.Messages.ToList()), out _).Count >= total - leftInQueue, TimeSpan.FromSeconds(15));
            List<ReceivedMessage> messages = subscriber.Messages.ToList();
            List<TagoItem> items = TagoItem.Parse(messages);
            items.RemoveAll(i => i.Variable != "temperature" && i.Variable != "humidity"); // diagnostics
            List<TagoItem> firstArrivals = FirstArrivals(items, out int duplicates);
            Assert.IsTrue(total >= 230, "about 120 cycles x 2 readings: " + total);
            Assert.AreEqual(total - leftInQueue, firstArrivals.Count, "every reading taken (and not still queued) reached the subscriber ("
                + duplicates + " repeated, " + messages.Count + " messages); log:\n" + log);
            AssertInOrderWithoutGaps(firstArrivals, "temperature");
            AssertInOrderWithoutGaps(firstArrivals, "humidity");
            Assert.IsTrue(duplicates <= 10, "at most the one payload in flight at the stop is repeated: " + duplicates);

            // The readings taken while the broker was away arrived after the restart, stamped with the time they were taken.
            List<TagoItem> takenInOutage = firstArrivals.Where(i => i.Variable == "temperature" && i.TimeUtc > outageStart && i.TimeUtc < outageEnd).ToList();
            Assert.IsTrue(takenInOutage.Count >= 55, "about 60 cycles taken during the outage: " + takenInOutage.Count);
            Assert.IsTrue(takenInOutage.All(i => i.ArrivalIndex >= arrivedBeforeRestart), "they arrived after the restart");
            Assert.IsTrue(subscriber.Reconnects >= 1, "the subscriber itself came back after the restart");
        }

        [TestMethod]
        [Timeout(120000, CooperativeCancellation = true)]
        public async Task A_queue_smaller_than_the_outage_drops_exactly_the_number_it_reports_as_dropped_readings()
        {
            using MosquittoBroker broker = MosquittoBroker.Start(persistence: true);
            const string id = "small-queue-node";
            await using MqttSubscriber subscriber = await MqttSubscriber.ConnectAsync(broker.Host, broker.Port, broker.CaCertificates, broker.Token, "sensors/" + id + "/data", "small-queue-subscriber");
            // 16 readings (the smallest queue) = 8 cycles = 8 s real; the broker stays away 20 s.
            using TwinNode node = TestNodes.Create(broker, id, out LogCapture log, configure: s =>
            {
                s.Config.Set(ConfigKeys.QueueCapacity, 16);
                s.Config.Set(ConfigKeys.SamplingBatch, 4);
            });
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(100));
            Task loop = TestNodes.RunInBackground(node, cancel.Token);
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.AckedPayloads >= 2, TimeSpan.FromSeconds(20)), log.ToString());
            broker.Stop();
            await Task.Delay(TimeSpan.FromSeconds(20));
            Assert.IsTrue(node.Node.Queue.DroppedReadings > 0, "the queue overflowed: " + log);
            broker.Restart();
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.Node.Supervisor.State == SessionState.Online, TimeSpan.FromSeconds(15)), log.ToString());
            await Task.Delay(TimeSpan.FromSeconds(6)); // backlog and the dropped_readings report go out
            cancel.Cancel();
            await loop; // the loop ends with the orderly stop: nothing samples or publishes after this
            int total = node.Node.Sampler.ReadingsQueued;
            int dropped = node.Node.Queue.DroppedReadings;
            int inFlight = node.Node.Queue.Count - node.Node.Queue.PendingCount;
            var queued = new HashSet<string>(QueuedKeys(node.Node.Queue));
            node.Dispose();
            // The node may reconnect before the subscriber does; the broker keeps the subscriber's messages until it is back.
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => subscriber.Reconnects >= 1, TimeSpan.FromSeconds(30)), "the subscriber came back after the restart");
            await WaitUntilQuietAsync(subscriber);

            List<TagoItem> items = TagoItem.Parse(subscriber.Messages.Where(m => !TagoItem.IsDiagnostics(m)).ToList());
            // Counter items carry no time (TagoIO stamps them on arrival); readings always carry theirs. A payload resent
            // after a PUBACK that came too late (QoS 1 is at least once) repeats its report: count each report once, known by
            // its value and the oldest reading it travelled with.
            int reported = items.Where(i => i.Variable == "dropped_readings" && i.TimeUtc == null)
                .Select(i => ((int)i.Value, items.FirstOrDefault(r => r.ArrivalIndex == i.ArrivalIndex && r.TimeUtc != null)?.Key))
                .Distinct()
                .Sum(report => report.Item1);
            List<TagoItem> readings = FirstArrivals(items.Where(i => i.TimeUtc != null).ToList(), out _);
            // A payload delivered whose PUBACK the stop did not wait for is both arrived and still queued: count it once.
            Assert.AreEqual(0, inFlight, "the orderly stop settles the payload in flight");
            queued.UnionWith(readings.Select(r => r.Key));
            int missing = total - queued.Count;
            Assert.IsTrue(missing > 0, "readings were lost to the small queue");
            Assert.AreEqual(dropped, reported, "dropped_readings reports exactly the readings the node dropped; log:\n" + log);
            // Every reading that never arrived was counted. The converse has one exception: the payload in flight when the
            // broker went away may have reached the subscriber without its PUBACK reaching the node, which keeps those
            // readings and may drop them later as the oldest. That is at most one payload: one batch of 4.
            Assert.IsTrue(reported >= missing && reported - missing <= 4, "dropped_readings " + reported + " against " + missing + " readings that never arrived; log:\n" + log);
            StringAssert.Contains(log.ToString(), "queue full:");
            // The oldest readings are the ones dropped: what arrived after the gap is the newest 16 of the outage, in order.
            AssertInOrder(readings, "temperature");
        }

        [TestMethod]
        [Timeout(120000, CooperativeCancellation = true)]
        public async Task A_twin_killed_with_SIGKILL_and_restarted_on_its_data_directory_loses_nothing_unsent_and_repeats_at_most_one_batch()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            const string id = "kill-node";
            await using MqttSubscriber subscriber = await MqttSubscriber.ConnectAsync(broker.Host, broker.Port, broker.CaCertificates, broker.Token, "sensors/" + id + "/data");
            string dataDir = Directory.CreateTempSubdirectory("tago-kill-").FullName;
            // A payload every 10 readings = 5 cycles = 5 s real (batch_interval_s 300 simulated keeps partial batches
            // back), so a kill 2.5 s after an acknowledgement always finds readings waiting. --interval 1 runs time x12.
            string config = Path.Combine(dataDir, "node.json");
            File.WriteAllText(config,
                "{ \"mqtt\": { \"host\": \"" + broker.Host + "\", \"port\": " + broker.Port.ToString(CultureInfo.InvariantCulture) + ", \"ca_certificates\": [\"" + broker.CaFile + "\"], \"client_id\": \"" + id + "\" },\n"
                + "  \"sampling\": { \"interval_s\": 12, \"batch\": 10, \"batch_interval_s\": 300 },\n"
                + "  \"sensors\": [ { \"model\": \"dht22\", \"echo_pin\": 26, \"trigger_pin\": 27 } ] }\n");
            string[] args = { "--config", config, "--interval", "1", "--data-dir", dataDir, "--timeout", "60" };
            string firstOutput;
            using (TwinProcess first = TwinProcess.Start(broker.Token, args))
            {
                Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => DataAcks(first.Output) >= 2, TimeSpan.FromSeconds(30)), first.Output);
                int acks = DataAcks(first.Output);
                Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => DataAcks(first.Output) > acks, TimeSpan.FromSeconds(15)), first.Output);
                await Task.Delay(2500); // two cycles queued behind the last acknowledged payload, the next one due in 5 s
                first.Kill();
                firstOutput = first.Output;
            }

            // What the log on "flash" holds unsent at the moment of the kill (read from a copy: loading bumps the boot counter).
            List<string> unsent = UnsentReadings(dataDir);
            Assert.IsTrue(unsent.Count >= 2, "readings were waiting when the process died: " + unsent.Count + "\n" + firstOutput);
            HashSet<string> beforeRestart = new HashSet<string>(TagoItem.Parse(subscriber.Messages.Where(m => !TagoItem.IsDiagnostics(m)).ToList()).Select(i => i.Key));

            using (TwinProcess second = TwinProcess.Start(broker.Token, args))
            {
                Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => second.Output.Contains("readings restored, boot 2", StringComparison.Ordinal), TimeSpan.FromSeconds(20)), second.Output);
                Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => DataAcks(second.Output) >= 3, TimeSpan.FromSeconds(30)), second.Output);
                second.Kill();
            }

            List<TagoItem> items = TagoItem.Parse(subscriber.Messages.Where(m => !TagoItem.IsDiagnostics(m)).ToList());
            var seen = new HashSet<string>(items.Select(i => i.Key));
            foreach (string key in unsent)
            {
                Assert.IsTrue(seen.Contains(key), "unsent reading " + key + " arrived after the restart");
            }

            List<TagoItem> firstArrivals = FirstArrivals(items, out int duplicates);
            Assert.IsTrue(duplicates <= 10, "at most one batch (10 readings) repeated: " + duplicates);
            Assert.IsTrue(items.Count(i => !beforeRestart.Contains(i.Key)) >= unsent.Count, "the restarted twin sent the backlog and new readings");
            // Nothing lost around the kill: the readings of both runs are a gap-free series per run (the kill pauses sampling).
            AssertInOrder(firstArrivals, "temperature");
            try
            {
                Directory.Delete(dataDir, true);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>Data payloads the twin's console reported acknowledged.</summary>
        private static int DataAcks(string output)
        {
            int count = 0;
            foreach (string line in output.Split('\n'))
            {
                if (line.Contains("/data (", StringComparison.Ordinal) && line.Contains(" acknowledged in ", StringComparison.Ordinal) && !line.Contains(" 11 item(s)", StringComparison.Ordinal))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>Variable + time keys of the readings a queue log holds unacknowledged.</summary>
        private static List<string> UnsentReadings(string dataDir)
        {
            string copy = Directory.CreateTempSubdirectory("tago-kill-copy-").FullName;
            foreach (string file in Directory.GetFiles(dataDir))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            List<string> keys;
            using (FlashReadingStore store = new FlashReadingStore(TwinNodeSettings.PathIn(copy, TwinNodeSettings.QueueFileName)))
            {
                var queue = new ReadingQueue(1024, store);
                queue.Load();
                keys = QueuedKeys(queue);
            }

            Directory.Delete(copy, true);
            return keys;
        }

        /// <summary>Keys (<see cref="TagoItem.Key"/>) of the queued readings not in flight.</summary>
        private static List<string> QueuedKeys(ReadingQueue queue)
        {
            var keys = new List<string>();
            for (int i = 0; i < queue.PendingCount; i++)
            {
                string variable = queue.GetVariableIndex(i) == 0 ? "temperature" : queue.GetVariableIndex(i) == 1 ? "humidity" : "dew_point";
                DateTime time = DateTime.UnixEpoch.AddMilliseconds(queue.GetTimeUnixMs(i));
                keys.Add(new TagoItem(variable, 0, time, null, 0).Key);
            }

            return keys;
        }

        /// <summary>Waits until the subscriber got nothing new for a second (at most 10 s).</summary>
        private static async Task WaitUntilQuietAsync(MqttSubscriber subscriber)
        {
            int seen = -1;
            for (int i = 0; i < 10 && subscriber.Messages.Length != seen; i++)
            {
                seen = subscriber.Messages.Length;
                await Task.Delay(1000);
            }
        }

        /// <summary>The first arrival of every variable + time, in order of arrival; counts the repeats.</summary>
        private static List<TagoItem> FirstArrivals(List<TagoItem> items, out int duplicates)
        {
            var seen = new HashSet<string>();
            var first = new List<TagoItem>();
            duplicates = 0;
            foreach (TagoItem item in items)
            {
                if (item.Variable != "temperature" && item.Variable != "humidity")
                {
                    continue;
                }

                if (seen.Add(item.Key))
                {
                    first.Add(item);
                }
                else
                {
                    duplicates++;
                }
            }

            return first;
        }

        /// <summary>In order of first arrival the times only go forward.</summary>
        private static void AssertInOrder(List<TagoItem> firstArrivals, string variable)
        {
            DateTime previous = DateTime.MinValue;
            foreach (TagoItem item in firstArrivals.Where(i => i.Variable == variable))
            {
                Assert.IsTrue(item.TimeUtc.Value > previous, variable + " at " + item.TimeUtc.Value.ToString("O", CultureInfo.InvariantCulture) + " arrived after a later one");
                previous = item.TimeUtc.Value;
            }
        }

        /// <summary>
        /// In order of first arrival, the times strictly increase (nothing reordered) and keep the node's cadence on
        /// average. Completeness is proven by the callers' count (every reading taken reached the subscriber); single
        /// gaps are not judged, because a cycle's time is when the loop started it and x12 simulated time turns a loop
        /// delayed by 0.8 real s into a cycle 10 simulated s late (the next one is on time again: no drift).
        /// </summary>
        private static void AssertInOrderWithoutGaps(List<TagoItem> firstArrivals, string variable)
        {
            List<DateTime> times = firstArrivals.Where(i => i.Variable == variable).Select(i => i.TimeUtc.Value).ToList();
            for (int i = 1; i < times.Count; i++)
            {
                double gap = (times[i] - times[i - 1]).TotalMilliseconds;
                Assert.IsTrue(gap > 0, variable + " reading " + i + " is " + gap + " ms after the previous one: a reordering or a duplicate");
            }

            double mean = (times[^1] - times[0]).TotalMilliseconds / (times.Count - 1);
            Assert.IsTrue(Math.Abs(mean - IntervalMs) < 500, variable + ": mean interval " + mean + " ms, want " + IntervalMs);
        }
    }
}
