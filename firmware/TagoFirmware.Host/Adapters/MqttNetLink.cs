using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Diagnostics.PacketInspection;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using TagoFirmware.Connection;
using TagoFirmware.Host.Tls;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary><see cref="MqttConnection"/> on MQTTnet 5: translates calls and events only; a fresh client per attempt.</summary>
    /// <remarks>TLS validates against the request's CA PEM and host name only (<see cref="CaPinnedValidator"/>). Logs one
    /// line per publish (QoS 1 with its PUBACK latency) and takes injected downlink messages.</remarks>
    public sealed class MqttNetLink : MqttConnection, IDisposable
    {
        private const int NotTlsCode = -0x7200; // mbedTLS's "no TLS answer" (mbedtls/ssl.h)
        private readonly ConcurrentQueue<(string Topic, byte[] Payload)> _injected = new ConcurrentQueue<(string, byte[])>();
        private object _subscribed; // the latest client with a SUBACK: injected messages wait for one
        private int _nextMessageId;
        private int _tlsFailures;

        // Per attempt, worker thread (the CONNECT flag is set on MQTTnet's send path).
        private CaPinnedValidator _validator;
        private volatile bool _connectSent;

        /// <summary>Creates the link.</summary>
        public MqttNetLink(int inboxCapacity = 64)
            : base(new ThreadPoolWorker(), new SystemClock(), inboxCapacity)
        {
        }

        /// <summary>Attempts that failed in TLS (certificate from another CA, wrong host name...).</summary>
        public int TlsFailures => Volatile.Read(ref _tlsFailures);

        /// <summary>Why the latest attempt failed, for the console; never contains the token.</summary>
        public string LastFailureReason { get; private set; }

        /// <summary>Delivers a message as the broker would, once the connection has subscribed; safe from any thread.</summary>
        public void Inject(string topic, byte[] payload)
        {
            _injected.Enqueue((topic, payload));
            DeliverInjected(Volatile.Read(ref _subscribed));
        }

        /// <summary>Disconnects gracefully (no will) and releases the client.</summary>
        public void Dispose() => Disconnect();

        /// <inheritdoc />
        protected override object CreateClient(SessionOptions request)
        {
            _connectSent = false;
            _validator = null;
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            client.InspectPacketAsync += args =>
            {
                // First outbound byte 0x10 is a CONNECT (MQTT 3.1.1 §2.2.1): from here on TLS is done.
                _connectSent |= args.Direction == MqttPacketFlowDirection.Outbound && args.Buffer.Length > 0 && args.Buffer[0] == 0x10;
                return Task.CompletedTask;
            };
            client.DisconnectedAsync += args =>
            {
                if (args.ClientWasConnected)
                    OnClosed(client);
                return Task.CompletedTask;
            };
            client.ApplicationMessageReceivedAsync += args =>
            {
                // Size and command rate are checked before the payload is copied out of MQTTnet's buffer.
                MqttApplicationMessage message = args.ApplicationMessage;
                if (Admit(client, message.Payload.Length > int.MaxValue ? int.MaxValue : (int)message.Payload.Length))
                    Report(client, LinkEventKind.MessageReceived, -1, 0, message.Topic, message.Payload.ToArray());
                return Task.CompletedTask;
            };
            return client;
        }

        /// <inheritdoc />
        protected override int ConnectClient(object client, SessionOptions request)
        {
            int timeoutMs = request.MqttConnectTimeoutMs > 0 ? request.MqttConnectTimeoutMs : 30000;
            _validator = request.UseTls ? CaPinnedValidator.ForPem(request.CaCertificatesPem, request.Host) : null;
            MqttClientOptions options = For(request, timeoutMs, _validator);
            using var cancel = new CancellationTokenSource(timeoutMs);
            MqttClientConnectResult result = ((IMqttClient)client).ConnectAsync(options, cancel.Token).GetAwaiter().GetResult();
            int code = result.ResultCode == MqttClientConnectResultCode.Success ? 0 : request.ProtocolLevel == 5 ? (int)result.ResultCode : ToMqtt311Code(result.ResultCode);
            LastFailureReason = code == 0 ? null : "CONNACK " + code + " (" + result.ResultCode + ")";
            return code;
        }

        /// <inheritdoc />
        protected override ConnectFailure Describe(Exception ex, bool created, out int socketCode)
        {
            ConnectFailure error = Describe(ex, _connectSent, _validator, out socketCode, out string reason);
            bool tls = MqttConnection.Classify(error, socketCode, -1, 0) == ConnectFailure.Tls;
            if (tls)
                Interlocked.Increment(ref _tlsFailures);
            LastFailureReason = reason;
            Log?.Write(tls ? LogLevel.Error : LogLevel.Warning, "mqtt connect failed (" + error + "): " + reason);
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
            // One "variable" key per TagoIO data item.
            string what = "publish #" + id + " " + topic + " (" + payload.Length + " B, " + (Encoding.UTF8.GetString(payload).Split("\"variable\":").Length - 1) + " item(s))";
            if (qos == 0)
                Log?.Write(LogLevel.Info, what + " sent at QoS 0 (no acknowledgement)");
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

                if (qos == 1)
                {
                    Log?.Write(ok ? LogLevel.Info : LogLevel.Warning, what + (ok ? " acknowledged in " + Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : " failed; its readings stay queued"));
                    Report(client, ok ? LinkEventKind.PublishAcked : LinkEventKind.PublishFailed, -1, id, null, null);
                }
            });
            return id;
        }

        /// <inheritdoc />
        protected override int SubscribeOn(object client, string topicFilter, int qos)
        {
            MqttClientSubscribeOptions options = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter, Qos(qos)).Build();

            int id = NextId();
            ((IMqttClient)client).SubscribeAsync(options, CancellationToken.None).ContinueWith(t =>
            {
                // A failed exchange reports nothing: the supervisor's SUBACK deadline or the closed session handles it.
                if (t.IsCompletedSuccessfully && t.Result.Items.Count > 0)
                {
                    Report(client, LinkEventKind.Subscribed, (int)t.Result.Items.First().ResultCode, id, null, null); // MQTTnet's codes are the wire values (0-2 granted, 0x80+ refused)
                    Volatile.Write(ref _subscribed, client);
                    DeliverInjected(client);
                }
            }, TaskScheduler.Default);
            return id;
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

        private void DeliverInjected(object client)
        {
            while (client != null && ((IMqttClient)client).IsConnected && _injected.TryDequeue(out var message))
                Report(client, LinkEventKind.MessageReceived, -1, 0, message.Topic, message.Payload);
        }

        // Ids 1..65535 like MQTT packet identifiers (MQTT 3.1.1 §2.3.1), wrapping; main loop thread only.
        private int NextId() => _nextMessageId = _nextMessageId >= 65535 ? 1 : _nextMessageId + 1;

        private static MqttClientOptions For(SessionOptions request, int timeoutMs, CaPinnedValidator validator)
        {
            MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
                .WithTcpServer(request.Host, request.Port)
                .WithClientId(request.ClientId)
                .WithCredentials(request.Username, request.Password)
                .WithCleanSession(true)
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(request.KeepAliveSeconds > 0 ? request.KeepAliveSeconds : 60))
                .WithTimeout(TimeSpan.FromMilliseconds(timeoutMs))
                .WithProtocolVersion(request.ProtocolLevel == 5 ? MqttProtocolVersion.V500 : request.ProtocolLevel == 3 ? MqttProtocolVersion.V310 : MqttProtocolVersion.V311);
            if (request.WillTopic != null)
            {
                builder = builder.WithWillTopic(request.WillTopic)
                    .WithWillPayload(Encoding.UTF8.GetBytes(request.WillMessage ?? string.Empty))
                    .WithWillQualityOfServiceLevel(Qos(1))
                    .WithWillRetain(false); // TagoIO has no retain; a strict broker refuses a retained will
            }

            if (validator != null)
            {
                builder = builder.WithTlsOptions(o => o
                    .UseTls(true)
                    .WithTargetHost(request.Host)
                    .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                    .WithCertificateValidationHandler(args => validator.Validate(args.Certificate, args.Chain)));
            }

            return builder.Build();
        }

        // MQTTnet reports 3.1.1 CONNACK codes in MQTT 5 terms; maps them back (MQTT 3.1.1 §3.2.2.3, MQTT 5 §3.2.2.2).
        private static int ToMqtt311Code(MqttClientConnectResultCode code) => code switch
        {
            MqttClientConnectResultCode.UnsupportedProtocolVersion => 1,
            MqttClientConnectResultCode.ClientIdentifierNotValid => 2,
            MqttClientConnectResultCode.ServerUnavailable => 3,
            MqttClientConnectResultCode.BadUserNameOrPassword => 4,
            MqttClientConnectResultCode.NotAuthorized => 5,
            _ => (int)code,
        };

        private static MqttQualityOfServiceLevel Qos(int qos) => qos == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce;

        /// <summary>What an exception of <c>ConnectAsync</c> means, in the core's terms.</summary>
        public static ConnectFailure Describe(Exception ex, bool connectSent, CaPinnedValidator validator, out int socketCode, out string reason)
        {
            socketCode = 0;
            if (validator?.LastFailure != null)
            {
                reason = validator.LastFailure;
                return ConnectFailure.Tls;
            }

            reason = ex.GetType().Name + ": " + ex.Message;
            ConnectFailure error = ConnectFailure.Internal;
            bool dropped = false; // the server closed or reset the connection
            for (Exception e = ex; e != null && error == ConnectFailure.Internal; e = e.InnerException)
            {
                if (e is AuthenticationException)
                    error = TlsRefusal(e, out socketCode, out reason);
                else if (e is SocketException se)
                {
                    bool lookup = se.SocketErrorCode is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData;
                    error = lookup ? ConnectFailure.Dns : ConnectFailure.Network;
                    socketCode = lookup ? 0 : Math.Abs(se.ErrorCode); // host codes are never mbedTLS's
                    reason = "socket error " + se.SocketErrorCode;
                    dropped = se.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted;
                }
                else if (e is MqttProtocolViolationException)
                    error = ConnectFailure.Protocol;
                else if (e is MqttCommunicationTimedOutException or TimeoutException or OperationCanceledException)
                {
                    error = ConnectFailure.Timeout;
                    reason = "timed out";
                }
                else if (e is System.IO.IOException && e.InnerException == null)
                {
                    dropped = true; // end of stream
                }
            }

            if (connectSent && error is ConnectFailure.Internal or ConnectFailure.Network)
            {
                // The connection broke after the CONNECT left: the broker closed it without a CONNACK.
                error = ConnectFailure.Communication;
                reason = "connection closed after CONNECT, no CONNACK";
            }
            else if (validator != null && dropped && error is ConnectFailure.Internal or ConnectFailure.Network)
            {
                // Dropped after TCP, before TLS was done: a plaintext MQTT port reads the ClientHello as a malformed packet
                // (mosquitto resets; MQTTnet passes the SocketException up without its IOException).
                error = ConnectFailure.Tls;
                socketCode = NotTlsCode;
                reason = "the server did not answer TLS (it dropped the connection in the handshake): wrong port? MQTT over TLS is usually 8883";
            }
            else if (error == ConnectFailure.Internal && ex is MqttCommunicationException or System.IO.IOException)
                error = ConnectFailure.Network;
            return error;
        }

        // Platforms name these only in messages: OpenSSL's "protocol version" alert (RFC 8446 §6.2) or "unsupported protocol",
        // SChannel's SEC_E_ALGORITHM_MISMATCH (0x80090331); for non-TLS bytes "wrong version number" or "frame size".
        // Both report the mbedTLS code of the same failure (mbedtls/ssl.h), so the core logs the device's line.
        private static ConnectFailure TlsRefusal(Exception authentication, out int socketCode, out string reason)
        {
            socketCode = 0;
            for (Exception e = authentication; e != null; e = e.InnerException)
            {
                string message = e.Message ?? string.Empty;
                bool windowsMismatch = e is System.ComponentModel.Win32Exception w && w.NativeErrorCode == unchecked((int)0x80090331);
                if (windowsMismatch || message.Contains("protocol version", StringComparison.OrdinalIgnoreCase)
                    || message.Contains("unsupported protocol", StringComparison.OrdinalIgnoreCase))
                {
                    reason = "the server's TLS version is too old: it offers no TLS 1.2 or 1.3, which the node requires (" + message + ")";
                    socketCode = -0x6E00;
                    return ConnectFailure.Tls;
                }

                if (message.Contains("wrong version number", StringComparison.OrdinalIgnoreCase) || message.Contains("frame size", StringComparison.OrdinalIgnoreCase))
                {
                    reason = "the server did not answer TLS: wrong port? (" + message + ")";
                    socketCode = NotTlsCode;
                    return ConnectFailure.Tls;
                }
            }

            reason = "TLS handshake failed: " + authentication.GetBaseException().Message;
            return ConnectFailure.Tls;
        }
    }
}
