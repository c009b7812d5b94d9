using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.Node;
using TagoFirmware.Connection;
using TagoFirmware.IntegrationTests.Infrastructure;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>Many nodes in one process (a smoke test; the jitter distribution is proven in the core tests).</summary>
    [TestClass]
    public sealed class FleetSmokeTests
    {
        [TestMethod]
        [DoNotParallelize] // twenty nodes take the machine; a test beside it once waited 15 s for a PUBACK
        [Timeout(90000, CooperativeCancellation = true)]
        public async Task Twenty_nodes_in_one_process_survive_a_broker_restart()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            const int nodes = 20;
            var fleet = new TwinNode[nodes];
            var logs = new LogCapture[nodes];
            var loops = new Task[nodes];
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(80));
            for (int i = 0; i < nodes; i++)
            {
                fleet[i] = TestNodes.Create(broker, "fleet-" + i, out logs[i], configure: s => s.TimeScale = 6); // 2 s real per cycle: 20 TLS handshakes on 2 cores stay inside the 45 s simulated (7.5 s real) connect timeout
                loops[i] = TestNodes.RunInBackground(fleet[i], cancel.Token);
            }

            try
            {
                Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => Array.TrueForAll(fleet, n => n.AckedPayloads >= 2), TimeSpan.FromSeconds(30)), "all nodes publish");
                broker.Kill();
                await Task.Delay(2000);
                broker.Restart();
                int[] before = Array.ConvertAll(fleet, n => n.AckedPayloads);
                TimeSpan? back = await TestNodes.WaitUntilAsync(
                    () =>
                    {
                        for (int i = 0; i < nodes; i++)
                        {
                            if (fleet[i].AckedPayloads < before[i] + 2)
                            {
                                return false;
                            }
                        }

                        return true;
                    },
                    TimeSpan.FromSeconds(ConnectionStates.BackoffCapMs / 1000 + 10));
                Assert.IsNotNull(back, "every node publishes again after the restart");
                foreach (Task loop in loops)
                {
                    Assert.IsFalse(loop.IsFaulted, "no node loop crashed");
                }

                int connects = broker.ConnectTimes(null).Count;
                Assert.IsTrue(connects >= 2 * nodes, "each node connected at least twice: " + connects);
            }
            finally
            {
                cancel.Cancel();
                await Task.WhenAll(loops);
                foreach (TwinNode node in fleet)
                {
                    node.Dispose();
                }
            }
        }
    }
}
