using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using TagoFirmware.Host.Tls;
using TagoFirmware.Session;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// <see cref="IMqttLink"/> on MQTTnet 5, translating only: connects run on a worker task, and every outcome, ack,
    /// message and close is recorded in a <see cref="LinkEventQueue"/> that the supervisor drains. Each attempt uses a
    /// fresh client; <see cref="Close"/> disposes it (the host's equivalent of M2Mqtt's mandatory <c>Close()</c>).
    /// TLS validates the broker against the request's CA PEM and host name only (<see cref="CaPinnedValidator"/>).
    /// </summary>
    public sealed class MqttNetLink : IMqttLink, IDisposable
    {
        private readonly object _gate = new object();
        private readonly LinkEventQueue _inbox;
        private readonly bool _useMqtt5;
        private IMqttClient _client;
        private CancellationTokenSource _connectCancel;
        private int _generation;
        private int _nextMessageId;
        private bool _attemptRunning;
        private bool _outcomePending;
        private volatile bool _connected;
        private int _tlsFailures;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, double> _ackLatencies = new System.Collections.Concurrent.ConcurrentDictionary<int, double>();

        /// <summary>Creates the link.</summary>
        /// <param name="inboxCapacity">Inbox size (events beyond it are dropped, which the supervisor tolerates).</param>
        /// <param name="useMqtt5">Speak MQTT 5 instead of 3.1.1 (the device's M2Mqtt default is 3.1.1).</param>
        public MqttNetLink(int inboxCapacity = 64, bool useMqtt5 = false)
        {
            _inbox = new LinkEventQueue(inboxCapacity);
            _useMqtt5 = useMqtt5;
        }

        /// <inheritdoc />
        public bool IsConnected => _connected;

        /// <summary>Connect attempts started.</summary>
        public int ConnectAttempts { get; private set; }

        /// <summary>Attempts that failed in TLS (certificate from another CA, wrong host name...).</summary>
        public int TlsFailures => Volatile.Read(ref _tlsFailures);

        /// <summary>Kind of the latest connect failure (<see cref="ConnectFailure.None"/> after a success).</summary>
        public ConnectFailure LastFailure { get; private set; }

        /// <summary>Reason of the latest connect failure or refusal, for logs; never contains the token.</summary>
        public string LastFailureReason { get; private set; }

        /// <summary>Optional log for failure reasons (the supervisor logs the transition; this adds the why).</summary>
        public ILog Log { get; set; }

        /// <inheritdoc />
        public bool BeginConnect(MqttConnectRequest request)
        {
            if (request == null)
            {
                return false;
            }

            lock (_gate)
            {
                if (_attemptRunning || _outcomePending || _connected)
                {
                    return false;
                }

                ReleaseClient(false);
                _attemptRunning = true;
                ConnectAttempts++;
                int generation = ++_generation;
                IMqttClient client = new MqttClientFactory().CreateMqttClient();
                _client = client;
                int timeoutMs = request.TimeoutMs > 0 ? request.TimeoutMs : 30000;
                _connectCancel = new CancellationTokenSource(timeoutMs);
                CancellationToken token = _connectCancel.Token;
                client.DisconnectedAsync += args => OnDisconnected(generation, args);
                client.ApplicationMessageReceivedAsync += args => OnMessage(generation, args);
                Task.Run(() => ConnectAsync(client, request, generation, timeoutMs, token));
                return true;
            }
        }

        /// <summary>
        /// Takes the measured time from handing publish <paramref name="messageId"/> to MQTTnet until its PUBACK arrived
        /// (QoS 1; for QoS 0 until the packet was written to the socket), for the console's per-publish line.
        /// </summary>
        /// <param name="messageId">Id returned by <see cref="Publish"/>.</param>
        /// <param name="milliseconds">The latency.</param>
        /// <returns>False when none was recorded (unknown id, or already taken).</returns>
        public bool TryTakeAckLatency(int messageId, out double milliseconds)
        {
            return _ackLatencies.TryRemove(messageId, out milliseconds);
        }

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int qos)
        {
            if (topic == null || payload == null || (qos != 0 && qos != 1))
            {
                return PublishError.InvalidArgument;
            }

            IMqttClient client;
            int generation;
            int id;
            lock (_gate)
            {
                if (!_connected || _client == null || !_client.IsConnected)
                {
                    return PublishError.NotOnline;
                }

                client = _client;
                generation = _generation;
                // Ids 1..65535 like MQTT packet identifiers (MQTT 3.1.1 §2.3.1), wrapping.
                _nextMessageId = _nextMessageId >= 65535 ? 1 : _nextMessageId + 1;
                id = _nextMessageId;
            }

            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload((byte[])payload.Clone())
                .WithQualityOfServiceLevel(qos == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
                .WithRetainFlag(false)
                .Build();
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            Task.Run(async () =>
            {
                try
                {
                    MqttClientPublishResult result = await client.PublishAsync(message, CancellationToken.None).ConfigureAwait(false);
                    if (result.IsSuccess)
                    {
                        if (_ackLatencies.Count > 256)
                        {
                            _ackLatencies.Clear(); // nobody takes them (a caller that does not log latencies)
                        }

                        _ackLatencies[id] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    }

                    if (qos == 1)
                    {
                        Post(generation, result.IsSuccess ? LinkEventKind.PublishAcked : LinkEventKind.PublishFailed, (int)result.ReasonCode, ConnectFailure.None, id, null, null);
                    }
                }
                catch (Exception)
                {
                    if (qos == 1)
                    {
                        Post(generation, LinkEventKind.PublishFailed, -1, ConnectFailure.None, id, null, null);
                    }
                }
            });
            return id;
        }

        /// <inheritdoc />
        public int Subscribe(string topicFilter, int qos)
        {
            if (topicFilter == null || (qos != 0 && qos != 1))
            {
                return PublishError.InvalidArgument;
            }

            IMqttClient client;
            int id;
            lock (_gate)
            {
                if (!_connected || _client == null)
                {
                    return PublishError.NotOnline;
                }

                client = _client;
                _nextMessageId = _nextMessageId >= 65535 ? 1 : _nextMessageId + 1;
                id = _nextMessageId;
            }

            MqttClientSubscribeOptions options = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(topicFilter, qos == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
                .Build();
            Task.Run(async () =>
            {
                try
                {
                    await client.SubscribeAsync(options, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // A lost SUBACK shows up as a closed session, which the supervisor handles.
                }
            });
            return id;
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            Task pending;
            lock (_gate)
            {
                pending = ReleaseClient(true);
            }

            try
            {
                pending.Wait(1000);
            }
            catch (AggregateException)
            {
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            lock (_gate)
            {
                ReleaseClient(false);
            }
        }

        /// <inheritdoc />
        public bool TryTakeEvent(LinkEvent into)
        {
            if (!_inbox.TryTake(into))
            {
                return false;
            }

            if (into.Kind == LinkEventKind.ConnectSucceeded || into.Kind == LinkEventKind.ConnectRefused || into.Kind == LinkEventKind.ConnectFailed)
            {
                lock (_gate)
                {
                    _outcomePending = false;
                }
            }

            return true;
        }

        /// <summary>Disconnects gracefully (no will) and releases the client.</summary>
        public void Dispose()
        {
            Disconnect();
        }

        // Called under _gate. Ends the current client (DISCONNECT first when graceful) and invalidates its events.
        private Task ReleaseClient(bool graceful)
        {
            _generation++;
            _attemptRunning = false;
            _outcomePending = false;
            _connected = false;
            _inbox.Clear();
            IMqttClient client = _client;
            CancellationTokenSource cancel = _connectCancel;
            _client = null;
            _connectCancel = null;
            if (cancel != null)
            {
                cancel.Cancel();
                cancel.Dispose();
            }

            if (client == null)
            {
                return Task.CompletedTask;
            }

            return Task.Run(async () =>
            {
                try
                {
                    if (graceful && client.IsConnected)
                    {
                        using var timeout = new CancellationTokenSource(900);
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

        private async Task ConnectAsync(IMqttClient client, MqttConnectRequest request, int generation, int timeoutMs, CancellationToken token)
        {
            CaPinnedValidator validator = null;
            try
            {
                MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
                    .WithTcpServer(request.Host, request.Port)
                    .WithClientId(request.ClientId)
                    .WithCredentials(request.Username, request.Password)
                    .WithCleanSession(request.CleanSession)
                    .WithKeepAlivePeriod(TimeSpan.FromSeconds(request.KeepAliveSeconds > 0 ? request.KeepAliveSeconds : 60))
                    .WithTimeout(TimeSpan.FromMilliseconds(timeoutMs))
                    .WithProtocolVersion(_useMqtt5 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311);
                if (request.WillTopic != null)
                {
                    byte[] will = request.WillPayload ?? System.Text.Encoding.UTF8.GetBytes(request.WillMessage ?? string.Empty);
                    builder = builder.WithWillTopic(request.WillTopic)
                        .WithWillPayload(will)
                        .WithWillQualityOfServiceLevel(request.WillQos == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
                        .WithWillRetain(false); // TagoIO forbids retain; a strict broker refuses a retained will
                }

                if (request.UseTls)
                {
                    // No CA PEM: the platform's own store (the OS trust store here, like the device's deployed bundle),
                    // with the platform's chain and host-name checks. Never "accept all".
                    validator = string.IsNullOrEmpty(request.CaCertificatesPem)
                        ? CaPinnedValidator.SystemTrust(request.Host)
                        : new CaPinnedValidator(ParsePem(request.CaCertificatesPem), request.Host);
                    CaPinnedValidator v = validator;
                    builder = builder.WithTlsOptions(o => o
                        .UseTls(true)
                        .WithTargetHost(request.Host)
                        .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                        .WithCertificateValidationHandler(args => v.Validate(args.Certificate, args.Chain, args.SslPolicyErrors)));
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

                        _attemptRunning = false;
                        _outcomePending = true;
                        _connected = true;
                        LastFailure = ConnectFailure.None;
                        LastFailureReason = null;
                        _inbox.Post(LinkEventKind.ConnectSucceeded, 0, ConnectFailure.None, 0, null, null);
                    }

                    return;
                }

                int code = _useMqtt5 ? (int)result.ResultCode : ToMqtt311Code(result.ResultCode);
                Outcome(generation, LinkEventKind.ConnectRefused, code, ConnectFailure.None, "CONNACK " + code + " (" + result.ResultCode + ")");
            }
            catch (Exception ex)
            {
                ConnectFailure failure = validator != null && validator.LastFailure != null ? ConnectFailure.Tls : Classify(ex, token);
                string reason = failure == ConnectFailure.Tls && validator != null && validator.LastFailure != null ? validator.LastFailure : Describe(ex);
                if (failure == ConnectFailure.Tls)
                {
                    Interlocked.Increment(ref _tlsFailures);
                }

                Outcome(generation, LinkEventKind.ConnectFailed, -1, failure, reason);
            }
        }

        private void Outcome(int generation, LinkEventKind kind, int code, ConnectFailure failure, string reason)
        {
            lock (_gate)
            {
                if (generation != _generation)
                {
                    return;
                }

                _attemptRunning = false;
                _outcomePending = true;
                _connected = false;
                LastFailure = kind == LinkEventKind.ConnectRefused ? ConnectFailure.None : failure;
                LastFailureReason = reason;
                _inbox.Post(kind, code, failure, 0, null, null);
            }

            ILog log = Log;
            log?.Write(kind == LinkEventKind.ConnectRefused || failure == ConnectFailure.Tls ? LogLevel.Error : LogLevel.Warning, "mqtt connect " + (kind == LinkEventKind.ConnectRefused ? "refused: " : "failed (" + failure + "): ") + reason);
        }

        /// <summary>MQTTnet reports 3.1.1 CONNACK codes in MQTT 5 terms; map them back (MQTT 3.1.1 §3.2.2.3).</summary>
        private static int ToMqtt311Code(MqttClientConnectResultCode code)
        {
            switch (code)
            {
                case MqttClientConnectResultCode.UnsupportedProtocolVersion: return 1;
                case MqttClientConnectResultCode.ClientIdentifierNotValid: return 2;
                case MqttClientConnectResultCode.ServerUnavailable: return 3;
                case MqttClientConnectResultCode.BadUserNameOrPassword: return 4;
                case MqttClientConnectResultCode.NotAuthorized: return 5;
                default: return (int)code;
            }
        }

        private static X509Certificate2Collection ParsePem(string pem)
        {
            var roots = new X509Certificate2Collection();
            if (!string.IsNullOrEmpty(pem))
            {
                try
                {
                    roots.ImportFromPem(pem);
                }
                catch (CryptographicException)
                {
                    // An unreadable bundle trusts nothing: every handshake fails as TLS.
                }
            }

            return roots;
        }

        private static ConnectFailure Classify(Exception ex, CancellationToken token)
        {
            for (Exception e = ex; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException)
                {
                    return ConnectFailure.Tls;
                }

                if (e is SocketException se)
                {
                    return se.SocketErrorCode == SocketError.HostNotFound || se.SocketErrorCode == SocketError.TryAgain || se.SocketErrorCode == SocketError.NoData
                        ? ConnectFailure.Dns
                        : ConnectFailure.Network;
                }

                if (e is MqttProtocolViolationException)
                {
                    return ConnectFailure.Protocol;
                }

                if (e is MqttCommunicationTimedOutException || e is TimeoutException)
                {
                    return ConnectFailure.Timeout;
                }
            }

            if (ex is OperationCanceledException || token.IsCancellationRequested)
            {
                return ConnectFailure.Timeout;
            }

            return ex is MqttCommunicationException || ex is System.IO.IOException ? ConnectFailure.Communication : ConnectFailure.Internal;
        }

        private static string Describe(Exception ex)
        {
            Exception inner = ex;
            while (inner.InnerException != null && (inner is MqttCommunicationException || inner is AggregateException))
            {
                inner = inner.InnerException;
            }

            if (inner is SocketException se)
            {
                return "socket error " + se.SocketErrorCode;
            }

            if (inner is OperationCanceledException)
            {
                return "timed out";
            }

            return inner.GetType().Name + ": " + inner.Message;
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
                _inbox.Post(LinkEventKind.Closed, (int)args.Reason, ConnectFailure.None, 0, null, null);
            }

            return Task.CompletedTask;
        }

        private Task OnMessage(int generation, MqttApplicationMessageReceivedEventArgs args)
        {
            MqttApplicationMessage message = args.ApplicationMessage;
            byte[] payload = message.Payload.IsEmpty ? new byte[0] : System.Buffers.BuffersExtensions.ToArray(message.Payload);
            Post(generation, LinkEventKind.MessageReceived, 0, ConnectFailure.None, 0, message.Topic, payload);
            return Task.CompletedTask;
        }

        private void Post(int generation, LinkEventKind kind, int code, ConnectFailure failure, int id, string topic, byte[] payload)
        {
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _inbox.Post(kind, code, failure, id, topic, payload);
                }
            }
        }
    }
}
