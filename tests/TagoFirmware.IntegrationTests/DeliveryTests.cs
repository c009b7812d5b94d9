using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;
using TagoFirmware.Host.Node;
using TagoFirmware.Connection;
using TagoFirmware.IntegrationTests.Infrastructure;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>The twin's node publishes to a real mosquitto configured like TagoIO.</summary>
    [TestClass]
    public sealed class DeliveryTests
    {
        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        public async Task Every_acknowledged_payload_reaches_a_subscriber_as_valid_TagoIO_json()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            await using MqttSubscriber subscriber = await MqttSubscriber.ConnectAsync(broker.Host, broker.Port, broker.CaCertificates, broker.Token, "#");
            using TwinNode node = TestNodes.Create(broker, "delivery-node", out LogCapture log, configure: s => s.Config.Set(ConfigKeys.SamplingBatch, 4));
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(45));
            Task loop = node.RunAsync(n => n.AckedPayloads >= 5, cancel.Token);
            await loop;
            Assert.AreEqual(5, node.AckedPayloads, log.ToString());
            Assert.IsTrue(await subscriber.WaitForAsync(5, TimeSpan.FromSeconds(10), m => m.Topic == "sensors/delivery-node/data" && !TagoItem.IsDiagnostics(m)), log.ToString());

            List<ReceivedMessage> data = subscriber.OnTopicsStartingWith("sensors/delivery-node/data").FindAll(m => !TagoItem.IsDiagnostics(m));
            var groups = new HashSet<string>();
            foreach (ReceivedMessage message in data)
            {
                Assert.AreEqual(4, TagoJsonAssert.IsValidData(message.Payload), "batch 4 = 2 sampling cycles x (temperature, humidity)");
                using JsonDocument doc = JsonDocument.Parse(message.Payload);
                foreach (JsonElement item in doc.RootElement.EnumerateArray())
                {
                    groups.Add(item.GetProperty("group").GetString());
                    string variable = item.GetProperty("variable").GetString();
                    double value = item.GetProperty("value").GetDouble();
                    if (variable == "temperature")
                    {
                        Assert.IsTrue(value > -40 && value < 80, "DHT22 range: " + value);
                    }
                    else
                    {
                        Assert.AreEqual("humidity", variable);
                        Assert.IsTrue(value >= 0 && value <= 100, "DHT22 range: " + value);
                    }
                }
            }

            // A payload that left in the same step as the fifth ack is delivered too: count groups per payload received.
            Assert.IsTrue(data.Count >= 5, "data payloads received: " + data.Count);
            Assert.AreEqual(2 * data.Count, groups.Count, "each sampling cycle has its own group, none duplicated");
            List<ReceivedMessage> status = subscriber.OnTopicsStartingWith("device/status/delivery-node");
            Assert.IsTrue(status.Count >= 1, "the online status follows the connect");
            Assert.AreEqual("[{\"variable\":\"device_status\",\"value\":\"online\"}]", System.Text.Encoding.UTF8.GetString(status[0].Payload));
            StringAssert.DoesNotMatch(log.ToString(), new System.Text.RegularExpressions.Regex(broker.Token), "the token never appears in the log");
        }

        [TestMethod]
        [DoNotParallelize] // the thread count is process-wide: other classes' nodes must not run meanwhile
        [Timeout(90000, CooperativeCancellation = true)]
        public async Task Node_is_back_within_the_backoff_cap_after_the_broker_is_killed_and_restarted_without_leaking_threads()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            int baselineThreads = System.Diagnostics.Process.GetCurrentProcess().Threads.Count;
            using TwinNode node = TestNodes.Create(broker, "restart-node", out LogCapture log);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(80));
            Task loop = TestNodes.RunInBackground(node, cancel.Token);
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.AckedPayloads >= 3, TimeSpan.FromSeconds(15)), log.ToString());

            broker.Kill();
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.Node.Supervisor.State != SessionState.Online, TimeSpan.FromSeconds(10)), "the node notices the kill: " + log);
            await Task.Delay(3000); // the broker stays away long enough for a few failed attempts
            Assert.AreNotEqual(SessionState.Online, node.Node.Supervisor.State);
            int ackedBefore = node.AckedPayloads;
            broker.Restart();
            TimeSpan? back = await TestNodes.WaitUntilAsync(() => node.Node.Supervisor.State == SessionState.Online, TimeSpan.FromMilliseconds(ConnectionStates.BackoffCapMs + 5000));
            Assert.IsNotNull(back, "online again within the backoff cap + 5 s: " + log);
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.AckedPayloads >= ackedBefore + 3, TimeSpan.FromSeconds(10)), "publishing again: " + log);
            Assert.IsFalse(loop.IsFaulted, "no crash");

            cancel.Cancel();
            await loop;
            node.Dispose();
            int after = 0;
            await TestNodes.WaitUntilAsync(
                () =>
                {
                    after = System.Diagnostics.Process.GetCurrentProcess().Threads.Count;
                    return after <= baselineThreads + 6;
                },
                TimeSpan.FromSeconds(10));
            Assert.IsTrue(after <= baselineThreads + 6, "threads back near the baseline: " + baselineThreads + " -> " + after);
        }

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        public async Task A_simulated_wifi_drop_takes_the_node_down_to_the_wifi_layer_and_back_online_without_losing_readings()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            await using MqttSubscriber subscriber = await MqttSubscriber.ConnectAsync(broker.Host, broker.Port, broker.CaCertificates, broker.Token, "sensors/wifi-node/data");
            using TwinNode node = TestNodes.Create(broker, "wifi-node", out LogCapture log);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(50));
            Task loop = TestNodes.RunInBackground(node, cancel.Token);
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.AckedPayloads >= 2, TimeSpan.FromSeconds(15)), log.ToString());

            node.NetworkAvailable = false;
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.Node.Supervisor.State == SessionState.WifiDown || node.Node.Supervisor.State == SessionState.Backoff || node.Node.Supervisor.State == SessionState.WifiConnecting, TimeSpan.FromSeconds(5)), log.ToString());
            await Task.Delay(2500);
            Assert.IsTrue(node.Node.Queue.Count >= 4, "readings keep coming while offline (1 cycle/s real): " + node.Node.Queue.Count);
            node.NetworkAvailable = true;
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.Node.Supervisor.State == SessionState.Online, TimeSpan.FromSeconds(ConnectionStates.BackoffCapMs / 1000 + 5)), log.ToString());
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.Node.Queue.Count <= 2, TimeSpan.FromSeconds(15)), "the backlog drains: " + log);
            cancel.Cancel();
            await loop;
            StringAssert.Contains(log.ToString(), "wifi lost");
            Assert.IsTrue(await subscriber.WaitForAsync(node.AckedPayloads, TimeSpan.FromSeconds(5), m => !TagoItem.IsDiagnostics(m)), "every acknowledged payload reached the subscriber");
        }
    }
}
