using System;
using System.IO;
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
    /// A thousand TagoTiP sessions of one twin node against the embedded TagoTiP server (plain TCP, no subscription limit,
    /// sessions back to back: <see cref="TwinNodeSettings.RealTimeSessionBudget"/> off at x1000), and the managed heap
    /// after the 1,000th session is where it was after the 100th.
    /// </summary>
    [TestClass]
    public sealed class TagoTipSessionMemoryTests
    {
        [TestMethod]
        [Timeout(240000)]
        public async Task A_thousand_sessions_keep_the_memory_flat()
        {
            int connects = 0;
            await using TagoTipServer server = await new TagoTipServer
            {
                Serial = "tip-many", Hash = "4deedd7bab8817ec", Tls = false, SubscriptionsPerMinute = int.MaxValue,
            }.StartAsync(line => { if (line.Contains(" connected (MQTT ", StringComparison.Ordinal)) { Interlocked.Increment(ref connects); } });
            var settings = new TwinNodeSettings { TimeScale = 1000, RealTimeSessionBudget = false, Seed = 5 };
            NodeConfig config = settings.Config;
            config.Set(ConfigKeys.Transport, NodeConfig.TransportTagoTip);
            config.Set(ConfigKeys.TagoTipSerial, server.Serial);
            config.Set(ConfigKeys.TagoTipAuthHash, server.Hash);
            config.Set(ConfigKeys.TagoTipMinSession, 1);
            config.Set(ConfigKeys.MqttHost, server.Host);
            config.Set(ConfigKeys.MqttPort, server.Port);
            config.Set(ConfigKeys.MqttTls, false);
            config.Set(ConfigKeys.QueuePersist, false);
            using var node = new TwinNode(settings, new ConsoleLog(TextWriter.Synchronized(new StringWriter()), LogLevel.Warning));
            using var cancel = new CancellationTokenSource();
            Task run = TestNodes.RunInBackground(node, cancel.Token);

            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => Volatile.Read(ref connects) >= 100, TimeSpan.FromSeconds(60)), "100 sessions: " + Volatile.Read(ref connects));
            long after100 = Heap();
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => Volatile.Read(ref connects) >= 1000, TimeSpan.FromSeconds(180)), "1000 sessions: " + Volatile.Read(ref connects));
            long after1000 = Heap();
            cancel.Cancel();
            await run;

            Assert.IsTrue(server.Judge.FramesStored >= 900, "most sessions delivered a frame: " + server.Judge.FramesStored);
            double perSession = (after1000 - after100) / 900.0;
            Console.WriteLine("sessions " + Volatile.Read(ref connects) + ", frames stored " + server.Judge.FramesStored + ", heap " + after100 + " B after 100, " + after1000 + " B after 1000: " + perSession.ToString("0.0") + " B per session");
            Assert.IsTrue(perSession < 512, "heap growth per session " + perSession.ToString("0") + " B (" + after100 + " -> " + after1000 + ")");
        }

        private static long Heap()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(true);
        }
    }
}
