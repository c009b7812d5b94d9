using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Host.Cli;
using TagoFirmware.IntegrationTests.Infrastructure;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>The twin validates the broker against the configured CA and the host name, and never accepts everything.</summary>
    [TestClass]
    public sealed class TlsRefusalTests
    {
        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task Certificate_from_another_CA_is_refused_with_exit_code_4()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(
                new[] { "--broker", broker.Host, "--port", broker.Port.ToString(), "--ca", broker.OtherCaFile, "--token", broker.Token, "--client-id", "cli-other-ca", "--no-persist", "--count", "1", "--timeout", "20" },
                output, output, null, CancellationToken.None);
            Assert.AreEqual(TwinExitCode.TlsFailure, code, output.ToString());
            StringAssert.Contains(output.ToString(), "does not chain to the configured CA");
            Assert.AreEqual(0, broker.ConnectTimes(null).Count, "no CONNECT may reach a broker that failed validation");
        }

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task Certificate_for_another_host_name_is_refused_with_exit_code_4()
        {
            using MosquittoBroker broker = MosquittoBroker.Start(certificateForOtherHost: true);
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(
                new[] { "--broker", broker.Host, "--port", broker.Port.ToString(), "--ca", broker.CaFile, "--token", broker.Token, "--client-id", "cli-other-host", "--no-persist", "--count", "1", "--timeout", "20" },
                output, output, null, CancellationToken.None);
            Assert.AreEqual(TwinExitCode.TlsFailure, code, output.ToString());
            StringAssert.Contains(output.ToString(), "not valid for host '127.0.0.1'");
            Assert.AreEqual(0, broker.ConnectTimes(null).Count);
        }

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task Right_CA_and_host_reach_count_and_exit_0()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(
                new[] { "--broker", broker.Host, "--port", broker.Port.ToString(), "--ca", broker.CaFile, "--client-id", "cli-good", "--interval", "1", "--no-persist", "--count", "3", "--timeout", "20" },
                output, output, broker.Token, CancellationToken.None);
            Assert.AreEqual(TwinExitCode.Done, code, output.ToString());
            Assert.AreEqual(1, broker.ConnectTimes("cli-good").Count, broker.ReadLog());
            Assert.IsFalse(output.ToString().Contains(broker.Token, StringComparison.Ordinal));
        }

        [TestMethod]
        [Timeout(60000, CooperativeCancellation = true)]
        public async Task A_plaintext_MQTT_port_where_TLS_is_expected_is_a_TLS_failure_with_exit_code_4()
        {
            using MosquittoBroker tlsBroker = MosquittoBroker.Start();
            using PlaintextMosquitto plain = PlaintextMosquitto.Start();
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(
                new[] { "--broker", "127.0.0.1", "--port", plain.Port.ToString(), "--ca", tlsBroker.CaFile, "--token", tlsBroker.Token, "--client-id", "cli-plain-port", "--no-persist", "--count", "1", "--timeout", "40" },
                output, output, null, CancellationToken.None);
            Assert.AreEqual(TwinExitCode.TlsFailure, code, output.ToString());
            StringAssert.Contains(output.ToString(), "did not answer TLS");
            StringAssert.Contains(output.ToString(), "wrong port?");
        }

        [TestMethod]
        [Timeout(30000, CooperativeCancellation = true)]
        public async Task Timeout_exits_with_code_5_when_no_broker_listens()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            broker.Stop();
            var output = new StringWriter();
            int code = await TwinApp.RunAsync(
                new[] { "--broker", broker.Host, "--port", broker.Port.ToString(), "--ca", broker.CaFile, "--token", broker.Token, "--no-persist", "--count", "1", "--timeout", "3" },
                output, output, null, CancellationToken.None);
            Assert.AreEqual(TwinExitCode.Timeout, code, output.ToString());
        }
    }
}
