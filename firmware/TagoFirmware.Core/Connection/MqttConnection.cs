using System;
using System.Threading;
using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>The <see cref="IMqttLink"/> connect-attempt protocol; an adapter subclass drives a library client and reports its events through the <c>On…</c> methods.</summary>
    /// <remarks>Attempts run on the <see cref="IWorker"/> (M2Mqtt's constructor resolves DNS, its Connect can hang 30 s), one at a time, one outcome each; failed clients
    /// are closed at once (M2Mqtt's receive thread spins otherwise). M2Mqtt may throw on a bad token while <c>ConnectionOpened</c> carries the CONNACK on another thread,
    /// hence <see cref="ConnackGraceMs"/>; TagoIO's self-hostable broker refuses a bad token by closing without CONNACK, hence <see cref="ClosesBeforeAuthSuspected"/>.</remarks>
    public abstract class MqttConnection : IMqttLink, IBlockingJob
    {
        /// <summary>How long the worker waits for a late CONNACK code after the exchange broke without one.</summary>
        public const int ConnackGraceMs = 300;

        /// <summary>Consecutive closes after CONNECT without a CONNACK that make a credential refusal probable.</summary>
        public const int ClosesBeforeAuthSuspected = 3;

        /// <summary>M2Mqtt waits a fixed 30 s for the CONNACK, then throws as for a broken connection: this late, it is that timeout.</summary>
        public const int ConnackTimeoutThresholdMs = 25000;

        // mbedTLS codes (x509.h, ssl.h) and what they mean here.
        private static readonly int[] s_tlsCodes = { -0x2700, -0x6E00, -0x7200, -0x7780, -0x7280, -0x6800, -0x7F00 };

        private static readonly string[] s_tlsTexts = ("cert not trusted (CA, host, date)|TLS too old (1.2 required)|no TLS answer: wrong port?|fatal alert"
            + "|closed in handshake: wrong port?|timed out|out of memory").Split('|');

        private readonly object _sync = new object();
        private readonly IWorker _worker;
        private readonly IClock _clock;
        private readonly LinkEventQueue _inbox;

        // Guarded by _sync: shared by the main loop, the worker and the library's threads.
        private object _client;
        private SessionOptions _request;
        private bool _attemptRunning;
        private bool _outcomeUntaken;
        private bool _abort;
        private bool _established;
        private int _connack; // BeginConnect sets -1
        private int _closesWithoutConnack;

        /// <summary>Creates the connection.</summary>
        protected MqttConnection(IWorker worker, IClock clock, int inboxCapacity)
        {
            _worker = worker;
            _clock = clock;
            _inbox = new LinkEventQueue(inboxCapacity);
        }

        /// <summary>Optional log for the detail of a failed attempt, written on the main loop when it is taken.</summary>
        public ILog Log { get; set; }

        /// <inheritdoc />
        public WaitHandle Arrived => _inbox.Arrived;

        /// <inheritdoc />
        public bool IsConnected => Online() != null;

        /// <inheritdoc />
        public bool BeginConnect(SessionOptions request)
        {
            lock (_sync)
            {
                // A client left open blocks the next attempt until the supervisor's deadline closes it.
                if (_attemptRunning || _outcomeUntaken || _client != null)
                {
                    return false;
                }

                _request = request;
                _attemptRunning = true;
                _abort = false;
                _connack = -1;
            }

            _worker.Post(this);
            return true;
        }

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int qos) => payload == null || payload.Length == 0 ? ConnectionSupervisor.Rejected : Send(topic, payload, qos);

        /// <inheritdoc />
        public int Subscribe(string topicFilter, int qos) => Send(topicFilter, null, qos);

        /// <inheritdoc />
        public void Disconnect()
        {
            object client = Detach();
            if (client == null)
            {
                return;
            }

            try
            {
                // DISCONNECT first, so the broker discards the will.
                DisconnectClient(client);
            }
            catch (Exception)
            {
                // Already gone: the broker publishes the will, which is then the truth.
            }

            CloseQuietly(client);
        }

        /// <inheritdoc />
        public void Close()
        {
            CloseQuietly(Detach());
        }

        /// <inheritdoc />
        public bool TryTakeEvent(LinkEvent into)
        {
            if (!_inbox.TryTake(into))
            {
                return false;
            }

            if (into.Kind <= LinkEventKind.ConnectFailed) // the three connect outcomes (None is never posted)
            {
                lock (_sync)
                {
                    _outcomeUntaken = false;
                }

                ILog log = Log;
                if (into.Topic != null && log != null)
                {
                    log.Write(LogLevel.Warning, "mqtt: " + into.Topic);
                }
            }

            return true;
        }

        /// <summary>Posts <see cref="LinkEventKind.NetworkLost"/> (any thread): the network adapter saw the IP link go down.</summary>
        public void NetworkLost() => _inbox.Post(LinkEventKind.NetworkLost, -1, ConnectFailure.None, 0, null, null);

        /// <summary>Runs one connect attempt on the worker thread (the <see cref="IBlockingJob"/> side; not for callers).</summary>
        public void Run()
        {
            SessionOptions request = _request;
            object client = null;
            long started = _clock.MonotonicMs;
            try
            {
                client = CreateClient(request);
                bool aborted;
                lock (_sync)
                {
                    aborted = _abort;
                    if (!aborted)
                    {
                        _client = client;
                    }
                }

                // Close() came while DNS ran: no CONNECT, and Finish reports the timeout the supervisor acted on.
                int code = aborted ? 0 : ConnectClient(client, request);
                Finish(client, code == 0 ? LinkEventKind.ConnectSucceeded : LinkEventKind.ConnectRefused, code, ConnectFailure.None, null);
            }
            catch (Exception ex)
            {
                int socketCode;
                ConnectFailure failure = Describe(ex, client != null, out socketCode);
                if (failure == ConnectFailure.Communication && Connack() < 0)
                {
                    Thread.Sleep(ConnackGraceMs);
                }

                int connack = Connack();

                failure = Classify(failure, socketCode, connack, _clock.MonotonicMs - started);
                Finish(client, LinkEventKind.ConnectFailed, connack, failure, Explain(socketCode));
            }
        }

        /// <summary>Worker thread: creates a client for the request. May block (DNS) and throw.</summary>
        protected abstract object CreateClient(SessionOptions request);

        /// <summary>Worker thread: sends CONNECT (will, clean session, keep-alive) and waits for the CONNACK. May throw.</summary>
        protected abstract int ConnectClient(object client, SessionOptions request);

        /// <summary>Worker thread: says what an exception of <see cref="CreateClient"/> or <see cref="ConnectClient"/> means (<see cref="ConnectFailure.Communication"/>: after the CONNECT left).</summary>
        protected abstract ConnectFailure Describe(Exception ex, bool created, out int socketCode);

        /// <summary>The library's own view of the session; may stay true on a frozen broker.</summary>
        protected abstract bool ClientConnected(object client);

        /// <summary>Enqueues a publish (never retained) on an established client. May throw.</summary>
        protected abstract int PublishOn(object client, string topic, byte[] payload, int qos);

        /// <summary>Enqueues a SUBSCRIBE for one filter. May throw.</summary>
        protected abstract int SubscribeOn(object client, string topicFilter, int qos);

        /// <summary>Sends DISCONNECT (no will published). May throw; the client is closed afterwards either way.</summary>
        protected abstract void DisconnectClient(object client);

        /// <summary>Closes a client and stops its threads, without DISCONNECT. May throw; may take about a second.</summary>
        protected abstract void CloseClient(object client);

        /// <summary>Library thread: the CONNACK arrived with <paramref name="code"/> (M2Mqtt's <c>ConnectionOpened</c>).</summary>
        protected void OnConnack(object sender, int code)
        {
            lock (_sync)
            {
                if (sender == _client)
                {
                    _connack = code;
                }
            }
        }

        /// <summary>Library thread: whether a message of <paramref name="length"/> bytes may enter; ask before copying the payload, then report it.</summary>
        protected bool Admit(object sender, int length)
        {
            return Current(sender, true) && _inbox.Admit(length, _clock.MonotonicMs, !_request.ShortSessions); // a client exists only after a request
        }

        /// <summary>Library thread: a PUBACK or given-up publish, or (established clients only) a SUBACK (<paramref name="code"/> = granted QoS) or an admitted message.</summary>
        protected void Report(object sender, LinkEventKind kind, int code, int messageId, string topic, byte[] payload)
        {
            if (Current(sender, kind > LinkEventKind.PublishFailed))
            {
                _inbox.Post(kind, code, ConnectFailure.None, messageId, topic, payload);
            }
        }

        /// <summary>Library thread: the established connection was lost or closed by the broker.</summary>
        protected void OnClosed(object sender)
        {
            lock (_sync)
            {
                if (sender != _client || !_established)
                {
                    // An old client, or a failed connect whose outcome already says so.
                    return;
                }

                _established = false;
            }

            _inbox.Post(LinkEventKind.Closed, -1, ConnectFailure.None, 0, null, null);
        }

        /// <summary>A socket error with an mbedTLS code is TLS; a break after CONNECT without a CONNACK this late is M2Mqtt's timeout (with a CONNACK: a refusal whose socket closed, or a stale exception).</summary>
        public static ConnectFailure Classify(ConnectFailure failure, int socketCode, int connackCode, long elapsedMs)
            => failure == ConnectFailure.Network && IsTlsCode(socketCode) ? ConnectFailure.Tls
                : failure == ConnectFailure.Communication && connackCode < 0 && elapsedMs >= ConnackTimeoutThresholdMs ? ConnectFailure.Timeout : failure;

        /// <summary>True for an mbedTLS TLS error, not a positive errno or an mbedTLS network code (-0x42 to -0x52, mbedtls/net_sockets.h).</summary>
        public static bool IsTlsCode(int code) => code < -0x52 || (code < 0 && code > -0x42);

        /// <summary>A short explanation of an mbedTLS code for the log, or null; nanoFramework passes no verify flags, so every failed certificate check is -0x2700 (TLS 1.0/1.1 only: -0x6E00, -0x7780; plaintext port: -0x7200, -0x7280; mbedtls/ssl.h).</summary>
        public static string Explain(int socketCode)
        {
            if (!IsTlsCode(socketCode))
            {
                return null;
            }

            for (int i = 0; i < s_tlsCodes.Length; i++)
            {
                if (s_tlsCodes[i] == socketCode)
                {
                    return "tls -0x" + (-socketCode).ToString("X4") + ": " + s_tlsTexts[i];
                }
            }

            return "tls error " + socketCode.ToString();
        }

        private void Finish(object client, LinkEventKind kind, int code, ConnectFailure failure, string detail)
        {
            lock (_sync)
            {
                if (kind == LinkEventKind.ConnectSucceeded && (_abort || _client != client))
                {
                    // Close() came during the attempt: report the timeout the supervisor acted on.
                    kind = LinkEventKind.ConnectFailed;
                    code = -1;
                    failure = ConnectFailure.Timeout;
                }

                // Closed after CONNECT without a CONNACK: count it, and after a few in a row blame the credentials.
                bool closedEarly = failure == ConnectFailure.Communication && code < 0;
                _closesWithoutConnack = closedEarly ? _closesWithoutConnack + 1 : 0;
                if (_closesWithoutConnack >= ClosesBeforeAuthSuspected)
                {
                    failure = ConnectFailure.ProbableAuthRefusal;
                }

                if (kind == LinkEventKind.ConnectSucceeded)
                {
                    _established = true;
                }
                else if (_client == client)
                {
                    _client = null;
                }

                _attemptRunning = false;
                _outcomeUntaken = _inbox.Post(kind, code, failure, 0, detail, null);
            }

            if (kind != LinkEventKind.ConnectSucceeded)
            {
                CloseQuietly(client);
            }
        }

        // A publish (payload set) or a subscribe; M2Mqtt would queue without limit while disconnected. Topics and QoS come from a validated config.
        private int Send(string topic, byte[] payload, int qos)
        {
            object client = Online();
            if (client == null)
            {
                return ConnectionSupervisor.NotOnline;
            }

            try
            {
                return payload == null ? SubscribeOn(client, topic, qos) : PublishOn(client, topic, payload, qos);
            }
            catch (Exception)
            {
                // In-flight queue full, a topic the library refuses, or the client closing under us.
                return ConnectionSupervisor.Rejected;
            }
        }

        private bool Current(object sender, bool establishedOnly)
        {
            lock (_sync)
            {
                return sender == _client && (_established || !establishedOnly);
            }
        }

        private object Online()
        {
            object client;
            lock (_sync)
            {
                client = _established ? _client : null;
            }

            return client != null && ClientConnected(client) ? client : null;
        }

        private object Detach()
        {
            lock (_sync)
            {
                object client = _client;
                _client = null;
                _established = false;
                _abort = _attemptRunning;
                return client;
            }
        }

        private int Connack()
        {
            lock (_sync)
            {
                return _connack;
            }
        }

        private void CloseQuietly(object client)
        {
            if (client == null)
            {
                return;
            }

            try
            {
                CloseClient(client);
            }
            catch (Exception)
            {
                // Nothing more can be done for a client being dropped.
            }
        }
    }
}
