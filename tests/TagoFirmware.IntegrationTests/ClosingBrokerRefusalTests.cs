using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Host.Broker;
using TagoFirmware.Host.Node;
using TagoFirmware.IntegrationTests.Infrastructure;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>A broker that refuses a bad token by closing the connection after CONNECT, without any CONNACK.</summary>
    [TestClass]
    public sealed class ClosingBrokerRefusalTests
    {
        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        public async Task Three_closes_without_connack_put_the_twin_in_AuthFailed_instead_of_a_reconnect_storm()
        {
            var printed = new ConcurrentQueue<string>();
            await using TagoLikeBroker broker = await TagoLikeBroker.StartAsync(printed.Enqueue);
            broker.RefuseByClosing = true;
            TwinNodeSettings settings = TwinNodeSettings.ForBroker(broker.Host, broker.Port, broker.CaPem, "0123456789abcdef0123456789abcdef", "closing-broker-node");
            settings.TimeScale = TestNodes.DefaultTimeScale;
            settings.Config.Set(ConfigKeys.QueuePersist, false);
            settings.Config.Set(ConfigKeys.TimeoutAuthRetry, 30);
            var log = new LogCapture();
            using var node = new TwinNode(settings, new ConsoleLog(log, LogLevel.Debug));
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(50));
            Task loop = TestNodes.RunInBackground(node, cancel.Token);
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.Node.Supervisor.State == SessionState.AuthFailed, TimeSpan.FromSeconds(30)), log.ToString());
            await Task.Delay(2000);
            cancel.Cancel();
            await loop;

            Assert.AreEqual(3, printed.Count(l => l.StartsWith("[broker] closed ", StringComparison.Ordinal)), log.ToString());
            Assert.AreEqual(1, node.Node.Supervisor.AuthFailures);
            StringAssert.Contains(log.ToString(), "token probably refused");
            StringAssert.Contains(log.ToString(), "credentials refused");
            Assert.IsFalse(log.ToString().Contains("0123456789abcdef0123456789abcdef", StringComparison.Ordinal), "the token is never logged");
        }
    }
}
