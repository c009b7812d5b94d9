using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Config;
using TagoFirmware.Host.Cli;
using TagoFirmware.Host.Node;
using TagoFirmware.Connection;
using TagoFirmware.IntegrationTests.Infrastructure;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>A wrong token against mosquitto (which refuses with CONNACK 5).</summary>
    [TestClass]
    public sealed class AuthRetryTests
    {
        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        public async Task Wrong_token_gives_AuthFailed_and_the_broker_sees_connects_only_at_the_auth_retry_interval()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            const int retrySeconds = 3; // real seconds: the twin stretches timeouts.auth_retry_s by the time scale
            using TwinNode node = TestNodes.Create(broker, "wrong-token-node", out LogCapture log, token: "0123456789abcdef0123456789abcdef", configure: s => s.Config.Set(ConfigKeys.TimeoutAuthRetry, retrySeconds));
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(50));
            Task loop = TestNodes.RunInBackground(node, cancel.Token);
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.Node.Supervisor.State == SessionState.AuthFailed, TimeSpan.FromSeconds(10)), log.ToString());
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => node.Node.Supervisor.AuthFailures >= 4, TimeSpan.FromSeconds(20)), log.ToString());
            cancel.Cancel();
            await loop;

            List<DateTime> connects = broker.RefusedConnectTimes();
            Assert.IsTrue(connects.Count >= 4 && connects.Count <= 5, "CONNECTs logged: " + connects.Count + "\n" + broker.ReadLog());
            for (int i = 1; i < connects.Count; i++)
            {
                double gap = (connects[i] - connects[i - 1]).TotalSeconds;
                // mosquitto logs whole seconds, so a 3 s interval reads as 2–4 s; a tight loop would read 0.
                Assert.IsTrue(gap >= 2 && gap <= 4.5, "gap " + i + " = " + gap + " s\n" + broker.ReadLog() + "\nnode:\n" + log);
            }

            Assert.AreEqual(0, node.AckedPayloads);
            Assert.IsTrue(log.ToString().Contains("credentials refused", StringComparison.Ordinal), log.ToString());
            Assert.IsFalse(log.ToString().Contains("0123456789abcdef0123456789abcdef", StringComparison.Ordinal), "the token is never logged");
        }

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task Twin_exits_with_code_3_when_the_broker_refuses_the_token()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(
                new[] { "--broker", broker.Host, "--port", broker.Port.ToString(), "--ca", broker.CaFile, "--client-id", "cli-wrong-token", "--no-persist", "--count", "1", "--timeout", "20" },
                output, output, "not-the-token-00000000000000000", CancellationToken.None);
            Assert.AreEqual(TwinExitCode.CredentialsRefused, code, output.ToString());
            Assert.IsFalse(output.ToString().Contains("not-the-token", StringComparison.Ordinal), "token from the environment never printed");
        }
    }
}
