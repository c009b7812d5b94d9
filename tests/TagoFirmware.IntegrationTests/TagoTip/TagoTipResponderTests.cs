using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Protocol;
using TagoFirmware.Host.Broker;
using TagoFirmware.Host.TagoTip;

namespace TagoFirmware.IntegrationTests.TagoTip
{
    /// <summary>The receipt responder answers TagoTiP pushes on a real mosquitto, and stays silent when frozen.</summary>
    [TestClass]
    public sealed class TagoTipResponderTests
    {
        [TestMethod]
        public async Task Pushes_through_mosquitto_get_their_receipts_and_a_frozen_responder_answers_nothing()
        {
            using PlainMosquitto broker = PlainMosquitto.Start();
            await using TagoTipReceiptResponder responder = await TagoTipReceiptResponder.StartAsync("127.0.0.1", broker.Port, null, null);
            var acks = new BlockingCollection<string>();
            using IMqttClient device = new MqttClientFactory().CreateMqttClient();
            device.ApplicationMessageReceivedAsync += args =>
            {
                acks.Add(Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(args.ApplicationMessage.Payload)));
                return Task.CompletedTask;
            };
            await device.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("dev-1").WithCleanSession().Build());
            await device.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("$tip/dev-1/ack", MqttQualityOfServiceLevel.AtLeastOnce).Build());

            await Push(device, "!1|@1795617000000[temperature:=23.5#C;humidity:=65.2#%]");
            Assert.IsTrue(acks.TryTake(out string ack, TimeSpan.FromSeconds(5)));
            Assert.AreEqual("!1|OK|2", ack);
            await Push(device, "!2|[temperature:=NaN]");
            Assert.IsTrue(acks.TryTake(out ack, TimeSpan.FromSeconds(5)));
            Assert.AreEqual("!2|ERR|invalid_payload", ack);

            responder.Frozen = true;
            await Push(device, "!3|[temperature:=1]");
            Assert.IsFalse(acks.TryTake(out _, TimeSpan.FromMilliseconds(800)));
            Assert.AreEqual(2, responder.Judge.PointsStored);
        }

        private static Task Push(IMqttClient device, string frame)
        {
            return device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("$tip/dev-1/push")
                .WithPayload(Encoding.UTF8.GetBytes(frame)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        /// <summary>A mosquitto with one plain, anonymous loopback listener (the responder's own test broker).</summary>
        private sealed class PlainMosquitto : IDisposable
        {
            private readonly Process _process;
            private readonly string _directory;

            private PlainMosquitto(Process process, string directory, int port)
            {
                _process = process;
                _directory = directory;
                Port = port;
            }

            public int Port { get; }

            public static PlainMosquitto Start()
            {
                int port = TagoLikeBroker.FreeLoopbackPort();
                string directory = Path.Combine(Path.GetTempPath(), "tagotip-mosquitto-" + Guid.NewGuid().ToString("N").Substring(0, 12));
                Directory.CreateDirectory(directory);
                string config = Path.Combine(directory, "mosquitto.conf");
                File.WriteAllText(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
                Process process = Process.Start(new ProcessStartInfo("/usr/sbin/mosquitto", "-c " + config) { RedirectStandardError = true, RedirectStandardOutput = true });
                var broker = new PlainMosquitto(process, directory, port);
                for (int i = 0; i < 100; i++)
                {
                    try
                    {
                        using var probe = new TcpClient("127.0.0.1", port);
                        return broker;
                    }
                    catch (SocketException)
                    {
                        Thread.Sleep(50);
                    }
                }

                broker.Dispose();
                throw new InvalidOperationException("mosquitto did not start on port " + port);
            }

            public void Dispose()
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit(5000);
                }

                _process.Dispose();
                Directory.Delete(_directory, true);
            }
        }
    }
}
