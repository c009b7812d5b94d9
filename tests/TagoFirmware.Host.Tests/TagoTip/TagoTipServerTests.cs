using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Protocol;
using TagoFirmware.Host.TagoTip;

namespace TagoFirmware.Host.Tests.TagoTip
{
    /// <summary>The twin's TagoTiP server, driven by a plain MQTTnet client as a device would.</summary>
    [TestClass]
    public sealed class TagoTipServerTests
    {
        private const string Serial = "node-7";
        private const string Hash = "4deedd7bab8817ec";

        [TestMethod]
        public async Task Pushes_get_receipts_with_their_sequence_echoed_and_bad_ones_their_error()
        {
            var printed = new ConcurrentQueue<string>();
            await using TagoTipServer server = await Server().StartAsync(printed.Enqueue);
            await using Device device = await Device.ConnectAsync(server, Hash);

            Assert.AreEqual("!1|OK|2", await device.PushAsync("!1|@1795617000000[temperature:=23.5#C;humidity:=65.2#%]"));
            Assert.AreEqual("!1|ERR|invalid_seq", await device.PushAsync("!1|[temperature:=23.6]"));
            Assert.AreEqual("!2|ERR|invalid_payload", await device.PushAsync("!2|[temperature:=1e5]"));
            Assert.AreEqual("OK|1", await device.PushAsync("[humidity:=1]"));

            Assert.AreEqual(2, server.Judge.FramesStored);
            Assert.AreEqual(3, server.Judge.PointsStored);
            Assert.IsTrue(printed.Any(l => l.Contains("variable=temperature  value=23.5  unit=C  time=2026-11-25T14:30:00.000Z", StringComparison.Ordinal)));
            Assert.IsFalse(printed.Any(l => l.Contains(Hash, StringComparison.Ordinal)));
        }

        [TestMethod]
        public async Task A_wrong_hash_is_refused_at_connect()
        {
            var printed = new ConcurrentQueue<string>();
            await using TagoTipServer server = await Server().StartAsync(printed.Enqueue);

            await Assert.ThrowsAsync<Exception>(() => Device.ConnectAsync(server, "4deedd7b00000000"));
            Assert.AreEqual(1, printed.Count(l => l.StartsWith("[tagotip] refused ", StringComparison.Ordinal)));
        }

        [TestMethod]
        public async Task The_server_closes_a_connection_at_its_lifetime_and_says_why()
        {
            TagoTipServer options = Server();
            options.LifetimeSeconds = 1.5;
            var printed = new ConcurrentQueue<string>();
            await using TagoTipServer server = await options.StartAsync(printed.Enqueue);
            await using Device device = await Device.ConnectAsync(server, Hash);

            Assert.AreEqual("ERR|ttl_expired", await device.NextAckAsync(TimeSpan.FromSeconds(5)));
            Assert.IsTrue(await device.WaitDisconnectedAsync(TimeSpan.FromSeconds(5)));
            Assert.IsTrue(SpinWait.SpinUntil(() => printed.Any(l => l.Contains(": ttl_expired", StringComparison.Ordinal)), 5000));
            Assert.AreEqual(1, printed.Count(l => l.StartsWith("[tagotip] closed ", StringComparison.Ordinal)), "closed once");
        }

        [TestMethod]
        public async Task The_server_closes_an_idle_connection_and_says_why()
        {
            TagoTipServer options = Server();
            options.IdleSeconds = 1;
            await using TagoTipServer server = await options.StartAsync(null);
            await using Device device = await Device.ConnectAsync(server, Hash);

            Assert.AreEqual("ERR|keep_alive_timeout", await device.NextAckAsync(TimeSpan.FromSeconds(5)));
            Assert.IsTrue(await device.WaitDisconnectedAsync(TimeSpan.FromSeconds(5)));
        }

        [TestMethod]
        public async Task Subscriptions_beyond_the_profile_rate_are_refused()
        {
            TagoTipServer options = Server();
            options.SubscriptionsPerMinute = 2;
            var printed = new ConcurrentQueue<string>();
            await using TagoTipServer server = await options.StartAsync(printed.Enqueue);
            await using Device first = await Device.ConnectAsync(server, Hash);
            await using Device second = await Device.ConnectAsync(server, Hash, "second");

            await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => Device.ConnectAsync(server, Hash, "third"));
            Assert.AreEqual(1, printed.Count(l => l.StartsWith("[tagotip] refused subscription ", StringComparison.Ordinal)));
        }

        [TestMethod]
        public async Task Injected_faults_replace_or_withhold_the_receipt()
        {
            TagoTipServer options = Server();
            Assert.IsTrue(TagoTipFrameJudge.TryParseFault("server_error", out var fault));
            options.Fault = fault;
            await using (TagoTipServer server = await options.StartAsync(null))
            await using (Device device = await Device.ConnectAsync(server, Hash))
            {
                Assert.AreEqual("!5|ERR|server_error", await device.PushAsync("!5|[t:=1]"));
                Assert.AreEqual(0, server.Judge.FramesStored);
            }

            Assert.IsTrue(TagoTipFrameJudge.TryParseFault("lost:1", out fault));
            options = Server();
            options.Fault = fault;
            await using (TagoTipServer server = await options.StartAsync(null))
            await using (Device device = await Device.ConnectAsync(server, Hash))
            {
                await device.PublishAsync("!6|[t:=1]");
                Assert.IsNull(await device.NextAckAsync(TimeSpan.FromMilliseconds(700)));
                Assert.AreEqual(1, server.Judge.FramesStored);
            }
        }

        [TestMethod]
        [DataRow("rate_limited")]
        [DataRow("server_error:0.5")]
        [DataRow("invalid_seq:1")]
        [DataRow("invalid_payload:0")]
        [DataRow("lost:0.25")]
        public void Fault_specs_name_a_kind_and_an_optional_probability(string text)
        {
            Assert.IsTrue(TagoTipFrameJudge.TryParseFault(text, out var fault));
            Assert.IsTrue(text.StartsWith(fault.Kind, StringComparison.Ordinal));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("timeout")]
        [DataRow("lost:2")]
        [DataRow("lost:x")]
        public void Bad_fault_specs_are_refused(string text)
        {
            Assert.IsFalse(TagoTipFrameJudge.TryParseFault(text, out _));
        }

        [TestMethod]
        public void A_push_for_a_serial_outside_the_profile_is_device_not_found()
        {
            var judge = new TagoTipFrameJudge(new[] { Serial }, null, 1);

            Assert.AreEqual("!3|ERR|device_not_found", judge.Judge("other", Encoding.UTF8.GetBytes("!3|[t:=1]")).Ack);
            Assert.AreEqual("ERR|payload_too_large", judge.Judge(Serial, new byte[16385]).Ack);
            Assert.AreEqual("!4|ERR|invalid_payload", judge.Judge(Serial, Encoding.UTF8.GetBytes("!4|[t:=]")).Ack);
        }

        [TestMethod]
        public void A_sequence_number_not_above_the_serials_last_is_invalid_seq_and_not_stored()
        {
            var judge = new TagoTipFrameJudge(new[] { Serial }, null, 1);

            Assert.AreEqual("!5|OK|1", judge.Judge(Serial, Encoding.UTF8.GetBytes("!5|[t:=1]")).Ack);
            Assert.AreEqual("!5|ERR|invalid_seq", judge.Judge(Serial, Encoding.UTF8.GetBytes("!5|[t:=1]")).Ack);
            Assert.AreEqual("!4|ERR|invalid_seq", judge.Judge(Serial, Encoding.UTF8.GetBytes("!4|[t:=1]")).Ack);
            Assert.AreEqual("OK|1", judge.Judge(Serial, Encoding.UTF8.GetBytes("[t:=1]")).Ack);
            Assert.AreEqual("!6|OK|1", judge.Judge(Serial, Encoding.UTF8.GetBytes("!6|[t:=1]")).Ack);
            Assert.AreEqual(3, judge.FramesStored);
        }

        private static TagoTipServer Server()
        {
            return new TagoTipServer { Serial = Serial, Hash = Hash, LifetimeSeconds = 60, IdleSeconds = 60 };
        }

        /// <summary>A device as a plain MQTTnet client: user and password from the hash, subscribed to its ack topic.</summary>
        private sealed class Device : IAsyncDisposable
        {
            private readonly IMqttClient _client;
            private readonly ConcurrentQueue<string> _acks = new ConcurrentQueue<string>();
            private readonly SemaphoreSlim _arrived = new SemaphoreSlim(0);

            private Device(IMqttClient client)
            {
                _client = client;
                _client.ApplicationMessageReceivedAsync += args =>
                {
                    _acks.Enqueue(Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(args.ApplicationMessage.Payload)));
                    _arrived.Release();
                    return Task.CompletedTask;
                };
            }

            public static async Task<Device> ConnectAsync(TagoTipServer server, string hash, string clientId = Serial)
            {
                IMqttClient client = new MqttClientFactory().CreateMqttClient();
                var device = new Device(client);
                try
                {
                    await client.ConnectAsync(new MqttClientOptionsBuilder()
                        .WithTcpServer(server.Host, server.Port)
                        .WithClientId(clientId)
                        .WithCredentials(hash.Substring(0, 8), hash.Substring(8, 8))
                        .WithCleanSession()
                        .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
                        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
                        .WithTlsOptions(o => o.UseTls().WithCertificateValidationHandler(_ => true))
                        .Build());
                    MqttClientSubscribeResult result = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                        .WithTopicFilter("$tip/" + Serial + "/ack", MqttQualityOfServiceLevel.AtLeastOnce).Build());
                    foreach (MqttClientSubscribeResultItem item in result.Items)
                    {
                        if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
                        {
                            throw new InvalidOperationException("subscription refused: " + item.ResultCode);
                        }
                    }

                    return device;
                }
                catch
                {
                    client.Dispose();
                    throw;
                }
            }

            public Task PublishAsync(string payload)
            {
                return _client.PublishAsync(new MqttApplicationMessageBuilder()
                    .WithTopic("$tip/" + Serial + "/push")
                    .WithPayload(Encoding.UTF8.GetBytes(payload))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build());
            }

            public async Task<string> PushAsync(string payload)
            {
                await PublishAsync(payload);
                return await NextAckAsync(TimeSpan.FromSeconds(5));
            }

            public async Task<string> NextAckAsync(TimeSpan timeout)
            {
                if (!await _arrived.WaitAsync(timeout))
                {
                    return null;
                }

                _acks.TryDequeue(out string ack);
                return ack;
            }

            public async Task<bool> WaitDisconnectedAsync(TimeSpan timeout)
            {
                DateTime end = DateTime.UtcNow + timeout;
                while (_client.IsConnected && DateTime.UtcNow < end)
                {
                    await Task.Delay(50);
                }

                return !_client.IsConnected;
            }

            public async ValueTask DisposeAsync()
            {
                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync();
                }

                _client.Dispose();
            }
        }
    }
}
