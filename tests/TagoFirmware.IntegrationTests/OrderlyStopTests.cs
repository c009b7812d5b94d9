using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.IntegrationTests.Infrastructure;

namespace TagoFirmware.IntegrationTests
{
    /// <summary>
    /// Every orderly stop of the twin publishes the "offline" status before its DISCONNECT: a broker sends no will on a
    /// clean disconnect, so without it a dashboard keeps showing "online". Also: commands typed on the twin's stdin.
    /// </summary>
    [TestClass]
    public sealed class OrderlyStopTests
    {
        private const string Offline = "[{\"variable\":\"device_status\",\"value\":\"offline\"}]";
        private const string Online = "[{\"variable\":\"device_status\",\"value\":\"online\"}]";

        [TestMethod]
        [Timeout(90000, CooperativeCancellation = true)]
        public async Task A_twin_that_reaches_its_count_publishes_offline_and_exits_0()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            const string id = "count-stop-node";
            await using MqttSubscriber subscriber = await MqttSubscriber.ConnectAsync(broker.Host, broker.Port, broker.CaCertificates, broker.Token, "device/status/" + id);
            using TwinProcess twin = TwinProcess.Start(broker.Token, Args(broker, id, "--count", "1"));
            Assert.IsTrue(await twin.WaitForExitAsync(TimeSpan.FromSeconds(60)), twin.Output);
            Assert.AreEqual(0, twin.ExitCode, twin.Output);
            Assert.IsTrue(await subscriber.WaitForAsync(2, TimeSpan.FromSeconds(5)), twin.Output);
            CollectionAssert.AreEqual(new[] { Online, Offline }, Texts(subscriber), twin.Output);
        }

        [TestMethod]
        [Timeout(90000, CooperativeCancellation = true)]
        public async Task SIGTERM_stops_the_twin_like_ctrl_c_with_the_offline_status_and_exit_0()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            const string id = "sigterm-node";
            await using MqttSubscriber subscriber = await MqttSubscriber.ConnectAsync(broker.Host, broker.Port, broker.CaCertificates, broker.Token, "device/status/" + id);
            using TwinProcess twin = TwinProcess.Start(broker.Token, Args(broker, id));
            Assert.IsTrue(await subscriber.WaitForAsync(1, TimeSpan.FromSeconds(30)), twin.Output);
            twin.Terminate();
            Assert.IsTrue(await twin.WaitForExitAsync(TimeSpan.FromSeconds(20)), twin.Output);
            Assert.AreEqual(0, twin.ExitCode, twin.Output);
            Assert.IsTrue(await subscriber.WaitForAsync(2, TimeSpan.FromSeconds(5)), twin.Output);
            CollectionAssert.AreEqual(new[] { Online, Offline }, Texts(subscriber), twin.Output);
            StringAssert.Contains(twin.Output, "flush: queue log complete");
        }

        [TestMethod]
        [Timeout(90000, CooperativeCancellation = true)]
        public async Task A_command_typed_on_stdin_reaches_the_node_without_printing_the_token()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            const string id = "stdin-node";
            await using MqttSubscriber subscriber = await MqttSubscriber.ConnectAsync(broker.Host, broker.Port, broker.CaCertificates, broker.Token, "device/status/" + id);
            using TwinProcess twin = TwinProcess.Start(broker.Token, Args(broker, id));
            Assert.IsTrue(await subscriber.WaitForAsync(1, TimeSpan.FromSeconds(30)), twin.Output);
            twin.SendLine("interval=36");
            twin.SendLine("ping");
            Assert.IsNotNull(await TestNodes.WaitUntilAsync(() => twin.Output.Contains("command interval accepted", StringComparison.Ordinal)
                && twin.Output.Contains("command ping accepted", StringComparison.Ordinal), TimeSpan.FromSeconds(20)), twin.Output);
            Assert.IsTrue(await subscriber.WaitForAsync(2, TimeSpan.FromSeconds(10)), "ping answered with the status: " + twin.Output);
            twin.Terminate();
            Assert.IsTrue(await twin.WaitForExitAsync(TimeSpan.FromSeconds(20)), twin.Output);
            Assert.IsFalse(twin.Output.Contains(broker.Token, StringComparison.Ordinal));
        }

        private static string[] Args(MosquittoBroker broker, string id, params string[] extra)
        {
            return new[]
            {
                "--broker", broker.Host, "--port", broker.Port.ToString(CultureInfo.InvariantCulture), "--ca", broker.CaFile,
                "--client-id", id, "--interval", "1", "--batch", "2", "--no-persist", "--timeout", "60",
            }.Concat(extra).ToArray();
        }

        private static string[] Texts(MqttSubscriber subscriber)
        {
            return subscriber.Messages.Select(m => Encoding.UTF8.GetString(m.Payload)).ToArray();
        }
    }
}
