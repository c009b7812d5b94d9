using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Diagnostics.PacketInspection;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using TagoFirmware.Connection;
using TagoFirmware.Host.Tls;
using TagoFirmware.Session;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// <see cref="MqttConnection"/> on MQTTnet 5: translates calls and events only; the connect-attempt protocol is
    /// the core's, the same as on the device. A fresh client per attempt; closing disposes it. TLS validates the broker
    /// against the request's CA PEM and host name only (<see cref="CaPinnedValidator"/>).
    /// </summary>
    public sealed class MqttNetLink : MqttConnection, IDisposable
    {
        private readonly bool _useMqtt5;
        private readonly ConcurrentDictionary<int, double> _ackLatencies = new ConcurrentDictionary<int, double>();
        private int _nextMessageId;
        private int _tlsFailures;

        // Per attempt, worker thread (the CONNECT flag is set on MQTTnet's send path).
        private CaPinnedValidator _validator;
        private volatile bool _connectSent;

        /// <summary>Creates the link.</summary>
        /// <param name="inboxCapacity">Inbox size (events beyond it are dropped, which the supervisor tolerates).</param>
        /// <param name="useMqtt5">Speak MQTT 5 instead of 3.1.1 (the device's M2Mqtt default is 3.1.1).</param>
        public MqttNetLink(int inboxCapacity = 64, bool useMqtt5 = false)
            : base(new ThreadPoolWorker(), new SystemClock(), inboxCapacity)
        {
            _useMqtt5 = useMqtt5;
        }

        /// <summary>Attempts that failed in TLS (certificate from another CA, wrong host name...).</summary>
        public int TlsFailures => Volatile.Read(ref _tlsFailures);

        /// <summary>Why the latest attempt failed, for the console; never contains the token.</summary>
        public string LastFailureReason { get; private set; }

        /// <summary>
        /// Takes the time from handing publish <paramref name="messageId"/> to MQTTnet until its PUBACK (QoS 1; QoS 0:
        /// until the packet was written), for the console's per-publish line.
        /// </summary>
        /// <param name="messageId">Id returned by <see cref="MqttConnection.Publish"/>.</param>
        /// <param name="milliseconds">The latency.</param>
        /// <returns>False when none was recorded.</returns>
        public bool TryTakeAckLatency(int messageId, out double milliseconds) => _ackLatencies.TryRemove(messageId, out milliseconds);

        /// <summary>Disconnects gracefully (no will) and releases the client.</summary>
        public void Dispose() => Disconnect();

        /// <inheritdoc />
        protected override object CreateClient(MqttConnectRequest request)
        {
            _connectSent = false;
            _validator = null;
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            client.InspectPacketAsync += args =>
            {
                // First outbound byte 0x10: CONNECT (MQTT 3.1.1 §2.2.1). From here on TLS is done.
                if (args.Direction == MqttPacketFlowDirection.Outbound && args.Buffer.Length > 0 && args.Buffer[0] == 0x10)
                {
                    _connectSent = true;
                }

                return Task.CompletedTask;
            };
            client.DisconnectedAsync += args =>
            {
                if (args.ClientWasConnected)
                {
                    OnClosed(client);
                }

                return Task.CompletedTask;
            };
            client.ApplicationMessageReceivedAsync += args =>
            {
                OnMessage(client, args.ApplicationMessage.Topic, args.ApplicationMessage.Payload.ToArray());
                return Task.CompletedTask;
            };
            return client;
        }

        /// <inheritdoc />
        protected override int ConnectClient(object client, MqttConnectRequest request)
        {
            int timeoutMs = request.TimeoutMs > 0 ? request.TimeoutMs : 30000;
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
                builder = builder.WithWillTopic(request.WillTopic)
                    .WithWillPayload(request.WillPayload ?? System.Text.Encoding.UTF8.GetBytes(request.WillMessage ?? string.Empty))
                    .WithWillQualityOfServiceLevel(Qos(request.WillQos))
                    .WithWillRetain(false); // TagoIO has no retain; a strict broker refuses a retained will
            }

            if (request.UseTls)
            {
                // No CA PEM: the OS trust store (like the device's deployed bundle). Never "accept all".
                CaPinnedValidator validator = string.IsNullOrEmpty(request.CaCertificatesPem)
                    ? CaPinnedValidator.SystemTrust(request.Host)
                    : new CaPinnedValidator(ParsePem(request.CaCertificatesPem), request.Host);
                _validator = validator;
                builder = builder.WithTlsOptions(o => o
                    .UseTls(true)
                    .WithTargetHost(request.Host)
                    .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                    .WithCertificateValidationHandler(args => validator.Validate(args.Certificate, args.Chain, args.SslPolicyErrors)));
            }

            using var cancel = new CancellationTokenSource(timeoutMs);
            MqttClientConnectResult result = ((IMqttClient)client).ConnectAsync(builder.Build(), cancel.Token).GetAwaiter().GetResult();
            int code = result.ResultCode == MqttClientConnectResultCode.Success ? 0 : _useMqtt5 ? (int)result.ResultCode : ToMqtt311Code(result.ResultCode);
            LastFailureReason = code == 0 ? null : "CONNACK " + code + " (" + result.ResultCode + ")";
            return code;
        }

        /// <inheritdoc />
        protected override ConnectError Describe(Exception ex, bool created, out int socketCode)
        {
            socketCode = 0;
            ConnectError error = ConnectError.Other;
            string reason = ex.GetType().Name + ": " + ex.Message;
            if (_validator?.LastFailure != null)
            {
                error = ConnectError.Handshake;
                reason = _validator.LastFailure;
            }
            else
            {
                for (Exception e = ex; e != null && error == ConnectError.Other; e = e.InnerException)
                {
                    if (e is AuthenticationException)
                    {
                        error = ConnectError.Handshake;
                    }
                    else if (e is SocketException se)
                    {
                        bool lookup = se.SocketErrorCode == SocketError.HostNotFound || se.SocketErrorCode == SocketError.TryAgain || se.SocketErrorCode == SocketError.NoData;
                        error = lookup ? ConnectError.Lookup : ConnectError.Socket;
                        socketCode = lookup ? 0 : Math.Abs(se.ErrorCode);
                        reason = "socket error " + se.SocketErrorCode;
                    }
                    else if (e is MqttProtocolViolationException)
                    {
                        error = ConnectError.Protocol;
                    }
                    else if (e is MqttCommunicationTimedOutException || e is TimeoutException || e is OperationCanceledException)
                    {
                        error = ConnectError.Timeout;
                        reason = "timed out";
                    }
                }

                if (_connectSent && (error == ConnectError.Other || error == ConnectError.Socket))
                {
                    // The connection broke after the CONNECT left: the broker closed it without a CONNACK.
                    error = ConnectError.Exchange;
                    reason = "connection closed after CONNECT, no CONNACK";
                }
                else if (error == ConnectError.Other && (ex is MqttCommunicationException || ex is System.IO.IOException))
                {
                    error = ConnectError.Socket;
                }
            }

            if (error == ConnectError.Handshake)
            {
                Interlocked.Increment(ref _tlsFailures);
            }

            LastFailureReason = reason;
            Log?.Write(error == ConnectError.Handshake ? LogLevel.Error : LogLevel.Warning, "mqtt connect failed (" + error + "): " + reason);
            return error;
        }

        /// <inheritdoc />
        protected override bool ClientConnected(object client) => ((IMqttClient)client).IsConnected;

        /// <inheritdoc />
        protected override int PublishOn(object client, string topic, byte[] payload, int qos)
        {
            int id = NextId();
            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload((byte[])payload.Clone())
                .WithQualityOfServiceLevel(Qos(qos))
                .WithRetainFlag(false)
                .Build();
            long started = Stopwatch.GetTimestamp();
            Task.Run(async () =>
            {
                bool ok = false;
                try
                {
                    ok = (await ((IMqttClient)client).PublishAsync(message, CancellationToken.None).ConfigureAwait(false)).IsSuccess;
                }
                catch (Exception)
                {
                    // A publish that did not complete is given up, like M2Mqtt's IsPublished = false.
                }

                if (ok)
                {
                    if (_ackLatencies.Count > 256)
                    {
                        _ackLatencies.Clear(); // nobody takes them (a caller that does not log latencies)
                    }

                    _ackLatencies[id] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                if (qos == 1)
                {
                    OnPublished(client, id, ok);
                }
            });
            return id;
        }

        /// <inheritdoc />
        protected override int SubscribeOn(object client, string topicFilter, int qos)
        {
            MqttClientSubscribeOptions options = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter, Qos(qos)).Build();

            // A lost SUBACK shows up as a closed session, which the supervisor handles.
            ((IMqttClient)client).SubscribeAsync(options, CancellationToken.None).ContinueWith(t => t.Exception, TaskScheduler.Default);
            return NextId();
        }

        /// <inheritdoc />
        protected override void DisconnectClient(object client)
        {
            ((IMqttClient)client).DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).Wait(1000);
        }

        /// <inheritdoc />
        protected override void CloseClient(object client)
        {
            // Disposing ends a running ConnectAsync; done in the background so the main loop never waits on it.
            Task.Run(() => ((IMqttClient)client).Dispose());
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

        private static MqttQualityOfServiceLevel Qos(int qos) => qos == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce;

        private static X509Certificate2Collection ParsePem(string pem)
        {
            var roots = new X509Certificate2Collection();
            try
            {
                roots.ImportFromPem(pem);
            }
            catch (CryptographicException)
            {
                // An unreadable bundle trusts nothing: every handshake fails as TLS.
            }

            return roots;
        }

        // Ids 1..65535 like MQTT packet identifiers (MQTT 3.1.1 §2.3.1), wrapping.
        private int NextId()
        {
            int id;
            int next;
            do
            {
                id = Volatile.Read(ref _nextMessageId);
                next = id >= 65535 ? 1 : id + 1;
            }
            while (Interlocked.CompareExchange(ref _nextMessageId, next, id) != id);
            return next;
        }
    }
}
