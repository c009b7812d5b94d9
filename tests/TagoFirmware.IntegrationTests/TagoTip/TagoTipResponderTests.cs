using System;
using System.Collections.Concurrent;
using System.Threading.Channels;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Protocol;
using TagoFirmware.IntegrationTests.Infrastructure;
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
            using PlaintextMosquitto broker = PlaintextMosquitto.Start();
            await using TagoTipReceiptResponder responder = await TagoTipReceiptResponder.StartAsync("127.0.0.1", broker.Port, null, null);
            // Awaited, not blocked on: a test thread held in a blocking wait is one thread fewer for MQTTnet's callbacks.
            Channel<string> acks = Channel.CreateUnbounded<string>();
            var judged = new ConcurrentQueue<string>();
            responder.Judged = (serial, push) => judged.Enqueue(serial + " " + push.Ack);
            using IMqttClient device = new MqttClientFactory().CreateMqttClient();
            device.ApplicationMessageReceivedAsync += args =>
            {
                acks.Writer.TryWrite(Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(args.ApplicationMessage.Payload)));
                return Task.CompletedTask;
            };
            await device.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("dev-1").WithCleanSession().Build());
            await device.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("$tip/dev-1/ack", MqttQualityOfServiceLevel.AtLeastOnce).Build());

            await Push(device, "!1|@1795617000000[temperature:=23.5#C;humidity:=65.2#%]");
            Assert.AreEqual("!1|OK|2", await NextAck(acks, TimeSpan.FromSeconds(20), judged, broker));
            await Push(device, "!2|[temperature:=NaN]");
            Assert.AreEqual("!2|ERR|invalid_payload", await NextAck(acks, TimeSpan.FromSeconds(20), judged, broker));

            responder.Frozen = true;
            await Push(device, "!3|[temperature:=1]");
            await Task.Delay(800);
            Assert.IsFalse(acks.Reader.TryRead(out _));
            Assert.AreEqual(2, responder.Judge.PointsStored);
        }

        private static async Task<string> NextAck(Channel<string> acks, TimeSpan timeout, ConcurrentQueue<string> judged, PlaintextMosquitto broker)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                return await acks.Reader.ReadAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail("no receipt within " + timeout.TotalSeconds + " s; the responder judged [" + string.Join(", ", judged) + "]; mosquitto log:\n" + broker.ReadLog());
                return null;
            }
        }

        private static Task Push(IMqttClient device, string frame)
        {
            return device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("$tip/dev-1/push")
                .WithPayload(Encoding.UTF8.GetBytes(frame)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }
    }
}
