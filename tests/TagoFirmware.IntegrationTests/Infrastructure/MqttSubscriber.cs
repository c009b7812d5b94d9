using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.IntegrationTests.Infrastructure
{
    /// <summary>An MQTTnet client that subscribes to a topic filter over TLS and collects what arrives.</summary>
    public sealed class MqttSubscriber : IAsyncDisposable
    {
        private readonly IMqttClient _client;
        private readonly ConcurrentQueue<ReceivedMessage> _messages = new ConcurrentQueue<ReceivedMessage>();
        private MqttClientOptions _options;
        private MqttClientSubscribeOptions _subscription;
        private volatile bool _disposed;

        private MqttSubscriber(IMqttClient client)
        {
            _client = client;
        }

        /// <summary>Messages received so far, in arrival order.</summary>
        public ReceivedMessage[] Messages => _messages.ToArray();

        /// <summary>Number of messages received.</summary>
        public int Count => _messages.Count;

        /// <summary>Connects (user Token) and subscribes at QoS 1.</summary>
        /// <param name="host">Broker host.</param>
        /// <param name="port">Broker port.</param>
        /// <param name="ca">Trusted CA.</param>
        /// <param name="token">Password.</param>
        /// <param name="topicFilter">Topic filter.</param>
        /// <param name="persistentClientId">Null: a clean session that ends with the connection. Otherwise a persistent
        /// session (clean session false) under this client id that reconnects by itself every 200 ms after a drop; on
        /// a broker with persistence, QoS 1 messages published while it was away are delivered when it is back.</param>
        /// <returns>The connected subscriber.</returns>
        public static async Task<MqttSubscriber> ConnectAsync(string host, int port, X509Certificate2Collection ca, string token, string topicFilter, string persistentClientId = null)
        {
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            var subscriber = new MqttSubscriber(client);
            client.ApplicationMessageReceivedAsync += args =>
            {
                MqttApplicationMessage m = args.ApplicationMessage;
                byte[] payload = m.Payload.IsEmpty ? new byte[0] : System.Buffers.BuffersExtensions.ToArray(m.Payload);
                subscriber._messages.Enqueue(new ReceivedMessage(m.Topic, payload, DateTime.UtcNow));
                return Task.CompletedTask;
            };
            var validator = new CaPinnedValidator(ca, host);
            MqttClientOptions options = new MqttClientOptionsBuilder()
                .WithTcpServer(host, port)
                .WithClientId(persistentClientId ?? "test-subscriber-" + Guid.NewGuid().ToString("N").Substring(0, 8))
                .WithCredentials("Token", token)
                .WithCleanSession(persistentClientId == null)
                .WithTimeout(TimeSpan.FromSeconds(30))
                .WithTlsOptions(o => o.UseTls(true).WithTargetHost(host).WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                    .WithCertificateValidationHandler(a => validator.Validate(a.Certificate, a.Chain)))
                .Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45)); // a loaded 2-core CI machine can take seconds per TLS handshake
            MqttClientConnectResult result = await client.ConnectAsync(options, timeout.Token);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException("subscriber refused: " + result.ResultCode);
            }

            subscriber._options = options;
            subscriber._subscription = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build();
            await client.SubscribeAsync(subscriber._subscription, timeout.Token);
            if (persistentClientId != null)
            {
                client.DisconnectedAsync += disconnected =>
                {
                    _ = Task.Run(subscriber.ReconnectLoopAsync);
                    return Task.CompletedTask;
                };
            }

            return subscriber;
        }

        /// <summary>Publishes <paramref name="payload"/> at QoS 1 (e.g. a downlink command) and waits for the PUBACK.</summary>
        /// <param name="topic">Topic.</param>
        /// <param name="payload">Payload bytes.</param>
        /// <returns>A task that completes when the broker acknowledged.</returns>
        public async Task PublishAsync(string topic, byte[] payload)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            MqttApplicationMessage message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            MqttClientPublishResult result = await _client.PublishAsync(message, timeout.Token);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException("publish to " + topic + " refused: " + result.ReasonCode);
            }
        }

        /// <summary>Publishes UTF-8 text at QoS 1.</summary>
        /// <param name="topic">Topic.</param>
        /// <param name="text">Payload text.</param>
        /// <returns>A task that completes when the broker acknowledged.</returns>
        public Task PublishAsync(string topic, string text)
        {
            return PublishAsync(topic, System.Text.Encoding.UTF8.GetBytes(text));
        }

        /// <summary>Times the persistent subscriber reconnected.</summary>
        public int Reconnects { get; private set; }

        private async Task ReconnectLoopAsync()
        {
            while (!_disposed && !_client.IsConnected)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    MqttClientConnectResult result = await _client.ConnectAsync(_options, timeout.Token);
                    if (result.ResultCode == MqttClientConnectResultCode.Success)
                    {
                        Reconnects++;
                        if (!result.IsSessionPresent)
                        {
                            // The broker lost the session (no persistence): subscribe again.
                            await _client.SubscribeAsync(_subscription, timeout.Token);
                        }

                        return;
                    }
                }
                catch (Exception)
                {
                    // Broker still down: try again shortly.
                }

                await Task.Delay(200);
            }
        }

        /// <summary>Waits until at least <paramref name="count"/> messages matched <paramref name="predicate"/>.</summary>
        /// <param name="count">Messages wanted.</param>
        /// <param name="timeout">Upper bound.</param>
        /// <param name="predicate">Filter (null: all).</param>
        /// <returns>True when reached in time.</returns>
        public async Task<bool> WaitForAsync(int count, TimeSpan timeout, Func<ReceivedMessage, bool> predicate = null)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                int matched = 0;
                foreach (ReceivedMessage m in _messages)
                {
                    if (predicate == null || predicate(m))
                    {
                        matched++;
                    }
                }

                if (matched >= count)
                {
                    return true;
                }

                await Task.Delay(50);
            }

            return false;
        }

        /// <summary>Messages on topics that start with <paramref name="prefix"/>.</summary>
        /// <param name="prefix">Topic prefix.</param>
        /// <returns>Matching messages.</returns>
        public List<ReceivedMessage> OnTopicsStartingWith(string prefix)
        {
            var list = new List<ReceivedMessage>();
            foreach (ReceivedMessage m in _messages)
            {
                if (m.Topic.StartsWith(prefix, StringComparison.Ordinal))
                {
                    list.Add(m);
                }
            }

            return list;
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            _disposed = true;
            try
            {
                if (_client.IsConnected)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
                }
            }
            catch (Exception)
            {
            }

            _client.Dispose();
        }
    }
}
