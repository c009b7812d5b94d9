using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// MQTTnet 5 client wrapped the way the device adapter wraps M2Mqtt: <see cref="BeginConnect"/> and
    /// <see cref="Publish"/> return at once, the work runs on the thread pool, and every outcome is posted to an
    /// inbox (<see cref="TryDequeue"/>) that the node loop drains. Each connect uses a fresh client and a failed or
    /// closed one is disposed, like M2Mqtt's <c>Close()</c> after a failed connect.
    /// </summary>
    public sealed class MqttNetConnection : IDisposable
    {
        private readonly MqttLinkSettings _settings;
        private readonly ConcurrentQueue<LinkEvent> _inbox = new ConcurrentQueue<LinkEvent>();
        private readonly object _gate = new object();
        private IMqttClient _client;
        private CancellationTokenSource _connectCancel;
        private int _generation;
        private int _nextMessageId;
        private volatile bool _connecting;
        private volatile bool _connected;

        /// <summary>Creates a link; nothing happens until <see cref="BeginConnect"/>.</summary>
        /// <param name="settings">Connection settings.</param>
        public MqttNetConnection(MqttLinkSettings settings)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        }

        /// <summary>True between a successful CONNACK and the session's end.</summary>
        public bool IsConnected => _connected;

        /// <summary>True while a connect attempt runs.</summary>
        public bool IsConnecting => _connecting;

        /// <summary>Number of connect attempts started.</summary>
        public int ConnectAttempts { get; private set; }

        /// <summary>Takes the oldest event from the inbox.</summary>
        /// <param name="linkEvent">The event, or null when the inbox is empty.</param>
        /// <returns>True when an event was taken.</returns>
        public bool TryDequeue(out LinkEvent linkEvent)
        {
            return _inbox.TryDequeue(out linkEvent);
        }

        /// <summary>Starts a connect attempt on a worker task; the outcome arrives in the inbox.</summary>
        /// <returns>False when an attempt is already running or the link is connected.</returns>
        public bool BeginConnect()
        {
            lock (_gate)
            {
                if (_connecting || _connected)
                {
                    return false;
                }

                _connecting = true;
                ConnectAttempts++;
                int generation = ++_generation;
                DisposeClient();
                var factory = new MqttClientFactory();
                IMqttClient client = factory.CreateMqttClient();
                _client = client;
                _connectCancel = new CancellationTokenSource(TimeSpan.FromSeconds(_settings.ConnectTimeoutSeconds + 2));
                CancellationToken token = _connectCancel.Token;
                client.DisconnectedAsync += args => OnDisconnected(generation, args);
                client.ApplicationMessageReceivedAsync += args => OnMessage(generation, args);
                Task.Run(() => ConnectAsync(client, generation, token));
                return true;
            }
        }

        /// <summary>
        /// Publishes without waiting: returns the message id at once; the PUBACK (QoS 1) or the write (QoS 0) is
        /// reported as <see cref="LinkEventKind.PublishAcked"/> with that id. Never sets retain (TagoIO forbids it).
        /// </summary>
        /// <param name="topic">Topic.</param>
        /// <param name="payload">Payload bytes (not copied: the caller must not change them until the ack).</param>
        /// <param name="qos">0 or 1.</param>
        /// <returns>Message id (&gt; 0), or 0 when not connected.</returns>
        public int Publish(string topic, byte[] payload, int qos)
        {
            IMqttClient client;
            int generation;
            lock (_gate)
            {
                if (!_connected || _client == null)
                {
                    return 0;
                }

                client = _client;
                generation = _generation;
            }

            int id = Interlocked.Increment(ref _nextMessageId);
            if (id <= 0)
            {
                _nextMessageId = 1;
                id = 1;
            }

            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(qos >= 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
                .WithRetainFlag(false)
                .Build();
            long started = Stopwatch.GetTimestamp();
            Task.Run(async () =>
            {
                try
                {
                    MqttClientPublishResult result = await client.PublishAsync(message, CancellationToken.None).ConfigureAwait(false);
                    double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (result.IsSuccess)
                    {
                        Post(generation, new LinkEvent(LinkEventKind.PublishAcked, 0, id, null) { LatencyMilliseconds = ms });
                    }
                    else
                    {
                        Post(generation, new LinkEvent(LinkEventKind.PublishFailed, (int)result.ReasonCode, id, "broker answered " + result.ReasonCode));
                    }
                }
                catch (Exception ex)
                {
                    Post(generation, new LinkEvent(LinkEventKind.PublishFailed, 0, id, Describe(ex)));
                }
            });
            return id;
        }

        /// <summary>Subscribes to a topic filter (made again after every connect: clean session).</summary>
        /// <param name="topicFilter">Topic filter.</param>
        /// <param name="qos">0 or 1.</param>
        /// <returns>False when not connected.</returns>
        public bool Subscribe(string topicFilter, int qos)
        {
            IMqttClient client = _client;
            if (!_connected || client == null)
            {
                return false;
            }

            var options = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(topicFilter, qos >= 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
                .Build();
            Task.Run(async () =>
            {
                try
                {
                    await client.SubscribeAsync(options, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // A lost subscription shows up as a closed session, which the node handles.
                }
            });
            return true;
        }

        /// <summary>
        /// Ends the session or the running attempt and releases the client. Events of the old session are dropped,
        /// so a late CONNACK cannot resurrect a link the node has given up on.
        /// </summary>
        public void Close()
        {
            lock (_gate)
            {
                _generation++;
                _connecting = false;
                _connected = false;
                DisposeClient();
            }
        }

        /// <summary>Closes the link and waits (at most 2 s) for the graceful DISCONNECT, so the will is not published.</summary>
        public void Dispose()
        {
            Task pending;
            lock (_gate)
            {
                _generation++;
                _connecting = false;
                _connected = false;
                pending = DisposeClient();
            }

            pending.Wait(TimeSpan.FromSeconds(2));
        }

        private Task DisposeClient()
        {
            IMqttClient client = _client;
            CancellationTokenSource cancel = _connectCancel;
            _client = null;
            _connectCancel = null;
            if (cancel != null)
            {
                try
                {
                    cancel.Cancel();
                }
                catch (ObjectDisposedException)
                {
                }

                cancel.Dispose();
            }

            if (client == null)
            {
                return Task.CompletedTask;
            }

            {
                // Disconnect gracefully when we can (no will); dispose in the background so Close never blocks the loop.
                return Task.Run(async () =>
                {
                    try
                    {
                        if (client.IsConnected)
                        {
                            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                            await client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
                        }
                    }
                    catch (Exception)
                    {
                    }
                    finally
                    {
                        client.Dispose();
                    }
                });
            }
        }

        private async Task ConnectAsync(IMqttClient client, int generation, CancellationToken token)
        {
            CaPinnedValidator validator = null;
            try
            {
                var builder = new MqttClientOptionsBuilder()
                    .WithTcpServer(_settings.Host, _settings.Port)
                    .WithClientId(_settings.ClientId)
                    .WithCredentials(_settings.UserName, _settings.Password)
                    .WithCleanSession(true)
                    .WithKeepAlivePeriod(TimeSpan.FromSeconds(_settings.KeepAliveSeconds))
                    .WithTimeout(TimeSpan.FromSeconds(_settings.ConnectTimeoutSeconds))
                    .WithProtocolVersion(_settings.UseMqtt5 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311);
                if (_settings.WillTopic != null)
                {
                    builder = builder.WithWillTopic(_settings.WillTopic)
                        .WithWillPayload(_settings.WillPayload)
                        .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                        .WithWillRetain(false);
                }

                if (!_settings.Plaintext)
                {
                    validator = new CaPinnedValidator(_settings.CaCertificates, _settings.Host);
                    CaPinnedValidator v = validator;
                    builder = builder.WithTlsOptions(o => o
                        .UseTls(true)
                        .WithTargetHost(_settings.Host)
                        .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                        .WithCertificateValidationHandler(args => v.Validate(args.Certificate, args.Chain)));
                }

                MqttClientConnectResult result = await client.ConnectAsync(builder.Build(), token).ConfigureAwait(false);
                if (result.ResultCode == MqttClientConnectResultCode.Success)
                {
                    lock (_gate)
                    {
                        if (generation != _generation)
                        {
                            return;
                        }

                        _connecting = false;
                        _connected = true;
                    }

                    _inbox.Enqueue(new LinkEvent(LinkEventKind.Connected, 0, 0, "CONNACK accepted"));
                }
                else
                {
                    PostConnectFailure(generation, ClassifyResult(result.ResultCode), (int)result.ResultCode, "CONNACK " + result.ResultCode);
                }
            }
            catch (Exception ex)
            {
                if (validator != null && validator.LastFailure != null)
                {
                    PostConnectFailure(generation, LinkEventKind.TlsFailed, 0, validator.LastFailure);
                    return;
                }

                PostConnectFailure(generation, Classify(ex, out int code), code, Describe(ex));
            }
        }

        /// <summary>Maps a CONNACK result to an event kind (3.1.1 code 4 → 0x86, code 5 → 0x87 in MQTTnet).</summary>
        private static LinkEventKind ClassifyResult(MqttClientConnectResultCode code)
        {
            return code == MqttClientConnectResultCode.BadUserNameOrPassword || code == MqttClientConnectResultCode.NotAuthorized
                ? LinkEventKind.Refused
                : LinkEventKind.ConnectRejected;
        }

        private static LinkEventKind Classify(Exception ex, out int code)
        {
            code = 0;
            for (Exception e = ex; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException)
                {
                    return LinkEventKind.TlsFailed;
                }
            }

            return LinkEventKind.NetworkFailed;
        }

        private static string Describe(Exception ex)
        {
            Exception inner = ex;
            while (inner.InnerException != null && (inner is MQTTnet.Exceptions.MqttCommunicationException || inner is AggregateException))
            {
                inner = inner.InnerException;
            }

            if (inner is SocketException se)
            {
                return "socket error " + se.SocketErrorCode;
            }

            if (inner is OperationCanceledException || inner is TimeoutException)
            {
                return "timed out";
            }

            if (inner is IOException || inner is AuthenticationException)
            {
                return inner.GetType().Name + ": " + inner.Message;
            }

            return inner.GetType().Name + ": " + inner.Message;
        }

        private void PostConnectFailure(int generation, LinkEventKind kind, int code, string reason)
        {
            lock (_gate)
            {
                if (generation != _generation)
                {
                    return;
                }

                _connecting = false;
                _connected = false;
                DisposeClient();
                _inbox.Enqueue(new LinkEvent(kind, code, 0, reason));
            }
        }

        private Task OnDisconnected(int generation, MqttClientDisconnectedEventArgs args)
        {
            if (!args.ClientWasConnected)
            {
                return Task.CompletedTask;
            }

            lock (_gate)
            {
                if (generation != _generation || !_connected)
                {
                    return Task.CompletedTask;
                }

                _connected = false;
            }

            string reason = args.Reason + (args.Exception != null ? " (" + Describe(args.Exception) + ")" : string.Empty);
            _inbox.Enqueue(new LinkEvent(LinkEventKind.Closed, (int)args.Reason, 0, reason));
            return Task.CompletedTask;
        }

        private Task OnMessage(int generation, MqttApplicationMessageReceivedEventArgs args)
        {
            MqttApplicationMessage message = args.ApplicationMessage;
            byte[] payload = message.Payload.IsEmpty ? new byte[0] : System.Buffers.BuffersExtensions.ToArray(message.Payload);
            Post(generation, new LinkEvent(LinkEventKind.MessageReceived, 0, 0, null) { Topic = message.Topic, Payload = payload });
            return Task.CompletedTask;
        }

        private void Post(int generation, LinkEvent linkEvent)
        {
            if (generation == _generation)
            {
                _inbox.Enqueue(linkEvent);
            }
        }
    }
}
