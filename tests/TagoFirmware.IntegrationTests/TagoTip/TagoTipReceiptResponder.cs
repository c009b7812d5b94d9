using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using TagoFirmware.Host.Broker;
using TagoFirmware.Host.TagoTip;

namespace TagoFirmware.IntegrationTests.TagoTip
{
    /// <summary>
    /// Answers TagoTiP pushes on an ordinary broker (mosquitto in the integration tests): subscribes to
    /// <c>$tip/+/push</c>, judges each push like the TagoTiP server (<see cref="TagoTipFrameJudge"/>, any serial
    /// accepted, since such a broker checks no hash) and publishes the receipt on <c>$tip/{serial}/ack</c>.
    /// <see cref="Frozen"/> makes it ignore pushes altogether, as a stalled server would.
    /// </summary>
    public sealed class TagoTipReceiptResponder : IAsyncDisposable
    {
        private readonly IMqttClient _client;
        private readonly Action<string> _print;
        private int _frozen;

        private TagoTipReceiptResponder(IMqttClient client, TagoTipFrameJudge judge, Action<string> print)
        {
            _client = client;
            Judge = judge;
            _print = print ?? (_ => { });
        }

        /// <summary>The judge: stored frames and points, refusals, faults.</summary>
        public TagoTipFrameJudge Judge { get; }

        /// <summary>When true, pushes are neither stored nor answered.</summary>
        public bool Frozen
        {
            get => Volatile.Read(ref _frozen) != 0;
            set => Volatile.Write(ref _frozen, value ? 1 : 0);
        }

        /// <summary>Called with the serial and every stored point; for tests.</summary>
        public Action<string, TagoTipDataPoint> Stored { get; set; }

        /// <summary>Called with the serial and the verdict of every push judged (its <c>!N</c> and receipt); for tests.</summary>
        public Action<string, TagoTipPush> Judged { get; set; }

        /// <summary>Connects to a plain MQTT broker and starts answering.</summary>
        /// <param name="host">Broker host.</param>
        /// <param name="port">Broker port (plain TCP).</param>
        /// <param name="fault">A fault to inject, or null.</param>
        /// <param name="print">Where notes go (null: nowhere).</param>
        /// <returns>The running responder.</returns>
        public static async Task<TagoTipReceiptResponder> StartAsync(string host, int port, (string Kind, double Probability)? fault, Action<string> print)
        {
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            var responder = new TagoTipReceiptResponder(client, new TagoTipFrameJudge(null, fault, 1), print);
            client.ApplicationMessageReceivedAsync += responder.OnPushAsync;
            MqttClientOptions options = new MqttClientOptionsBuilder()
                .WithTcpServer(host, port)
                .WithClientId("tagotip-responder-" + Guid.NewGuid().ToString("N").Substring(0, 8))
                .WithCleanSession()
                .Build();
            await client.ConnectAsync(options).ConfigureAwait(false);
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter("$tip/+/push", MqttQualityOfServiceLevel.AtLeastOnce).Build()).ConfigureAwait(false);
            return responder;
        }

        private async Task OnPushAsync(MqttApplicationMessageReceivedEventArgs args)
        {
            string topic = args.ApplicationMessage.Topic;
            if (Frozen || !topic.StartsWith("$tip/", StringComparison.Ordinal) || !topic.EndsWith("/push", StringComparison.Ordinal) || topic.Length <= 10)
            {
                return;
            }

            string serial = topic.Substring(5, topic.Length - 10);
            TagoTipPush verdict = Judge.Judge(serial, System.Buffers.BuffersExtensions.ToArray(args.ApplicationMessage.Payload));
            Judged?.Invoke(serial, verdict);
            if (verdict.Stored)
            {
                foreach (TagoTipDataPoint point in verdict.Points)
                {
                    _print(LiveInspectorFormatter.Format(serial, point));
                    Stored?.Invoke(serial, point);
                }
            }

            if (verdict.Ack != null)
            {
                await _client.PublishAsync(new MqttApplicationMessageBuilder()
                    .WithTopic("$tip/" + serial + "/ack")
                    .WithPayload(Encoding.UTF8.GetBytes(verdict.Ack))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build()).ConfigureAwait(false);
            }
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            try
            {
                await _client.DisconnectAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
            }

            _client.Dispose();
        }
    }
}
