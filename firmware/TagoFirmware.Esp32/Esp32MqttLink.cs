using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using TagoFirmware.Session;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IMqttLink"/> over nanoFramework.M2Mqtt 5.1.220 <c>MqttClient</c>. Connects on the app's
    /// <see cref="BlockingWorker"/>; the library's event handlers only record facts in a lock-protected
    /// <see cref="LinkEventQueue"/> that the supervisor drains on the main loop. Every point of
    /// shared/reference/m2mqtt-behaviour.md is handled here; the table is in README "The ESP32 app".
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>A fresh <c>MqttClient</c> per attempt (6-argument constructor, <c>MqttSslProtocols.TLSv1_2</c> — <c>None</c>
    /// would mean TLS 1.3 only — and the CA from config as an <c>X509Certificate</c> built once from the PEM text).
    /// The constructor resolves DNS and caches the address, so a new instance also follows a broker whose address
    /// changed, and it cannot carry M2Mqtt's stale exception of the previous connection. The previous instance is
    /// closed on the worker first, so its threads are gone before the new ones start.</item>
    /// <item>The 10-argument Connect with the will: QoS 1, willRetain <b>false</b> (a broker that forbids retain
    /// refuses the CONNECT), willFlag true, clean session, keep-alive from the request (60 s). The result is compared
    /// by value (0 also prints as GrantedQoS0).</item>
    /// <item>Refusals: M2Mqtt usually <i>throws</i> on a bad token while <c>ConnectionOpened</c> carries CONNACK 5. The
    /// handler records the code for the running attempt; a throwing Connect is reported as ConnectFailed with that
    /// code (the core turns 4/5/0x86/0x87 into "credentials refused"). Because the event is raised on the library's
    /// receive thread, which races the throwing Connect, the worker waits <see cref="ConnackGraceMs"/> for it before
    /// classifying a MqttCommunicationException that came without a code.</item>
    /// <item><c>Close()</c> right after any refused or failed Connect, on the worker (otherwise the receive thread keeps
    /// spinning at 100 % of a core); the supervisor's own <see cref="Close"/> afterwards is harmless.</item>
    /// <item><c>MqttSettings.InflightQueueSize</c> (a process-wide singleton, default int.MaxValue) is set small: every
    /// queued message pins its payload in the managed heap until PUBACK, and the queue also holds the SUBSCRIBE and
    /// every inbound QoS 1 command until acknowledged, which M2Mqtt silently drops (no PUBACK) when the queue is full.
    /// See the constructor for the size.</item>
    /// <item>No Publish unless the session is up and <c>IsConnected</c> (Publish only enqueues and never checks).
    /// Payloads are not copied: M2Mqtt keeps the caller's array until the PUBACK and re-encodes it on every retry, and
    /// the <see cref="IMqttLink.Publish"/> contract hands that array over (a fresh exact-length array per publish, or
    /// one that never changes), so no caller can corrupt a retried message and no second payload-sized copy is made.</item>
    /// <item>Events of an old client instance (a late ConnectionClosed after we replaced it) are ignored by comparing
    /// the sender with the current client.</item>
    /// <item><c>ValidateServerCertificate</c> is forced to true (its default); it is never set false.</item>
    /// </list>
    /// </remarks>
    public sealed class Esp32MqttLink : IMqttLink, IBlockingJob
    {
        /// <summary>Inbox capacity: a step drains at most 32 events (NodeSupervisor.MaxEventsPerStep).</summary>
        public const int InboxCapacity = 32;

        /// <summary>
        /// How long the worker waits for a late <c>ConnectionOpened</c> after Connect threw without one (the receive
        /// thread raises it while the connecting thread unwinds; 100 % of refused attempts carried the code on the host).
        /// </summary>
        public const int ConnackGraceMs = 300;

        private readonly object _sync = new object();
        private readonly BlockingWorker _worker;
        private readonly LinkEventQueue _inbox = new LinkEventQueue(InboxCapacity);

        // Guarded by _sync (shared between the main loop, the worker and M2Mqtt's threads).
        private MqttClient _client;
        private MqttClient _retiring;
        private MqttConnectRequest _request;
        private bool _attemptRunning;
        private bool _outcomeUntaken;
        private bool _abortAttempt;
        private bool _established;
        private int _connackCode = -1;

        // Worker only.
        private X509Certificate _caCertificate;
        private string _caSource;

        /// <summary>Creates the link and sets M2Mqtt's process-wide settings.</summary>
        /// <param name="worker">The app's blocking-operation thread.</param>
        /// <param name="inflightQueueSize">
        /// M2Mqtt's in-flight queue bound. Use the session's MaxInFlight + 1 (the supervisor's "online" status publish)
        /// + 1 (the command SUBSCRIBE) + 1 (an inbound QoS 1 command awaiting its PUBACK): 6 with SensorNode's
        /// MaxInFlight of 3 (one data batch, one diagnostics payload, one ping status; the one-batch rule is what bounds
        /// the payload RAM).
        /// </param>
        public Esp32MqttLink(BlockingWorker worker, int inflightQueueSize)
        {
            _worker = worker;
            MqttSettings.Instance.InflightQueueSize = inflightQueueSize < 2 ? 2 : inflightQueueSize;

            // Default already; stated so no later edit can silently turn broker validation off.
            MqttSettings.Instance.ValidateServerCertificate = true;
        }

        /// <summary>Events dropped because the inbox was full (diagnostics).</summary>
        public int DroppedEvents
        {
            get { return _inbox.Dropped; }
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get
            {
                MqttClient client;
                lock (_sync)
                {
                    client = _established ? _client : null;
                }

                return client != null && client.IsConnected;
            }
        }

        /// <inheritdoc />
        public bool BeginConnect(MqttConnectRequest request)
        {
            if (request == null)
            {
                return false;
            }

            lock (_sync)
            {
                if (_attemptRunning || _outcomeUntaken)
                {
                    return false;
                }

                // The old instance (if the supervisor did not close it) is closed on the worker, not here.
                if (_client != null)
                {
                    _retiring = _client;
                    _client = null;
                }

                _established = false;
                _request = request;
                _attemptRunning = true;
                _abortAttempt = false;
                _connackCode = -1;
            }

            if (!_worker.Post(this))
            {
                lock (_sync)
                {
                    _attemptRunning = false;
                }

                return false;
            }

            return true;
        }

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int qos)
        {
            if (topic == null || topic.Length == 0 || payload == null || payload.Length == 0 || (qos != 0 && qos != 1))
            {
                return PublishError.InvalidArgument;
            }

            MqttClient client = CurrentEstablished();
            if (client == null || !client.IsConnected)
            {
                // M2Mqtt would enqueue without limit while disconnected.
                return PublishError.NotOnline;
            }

            try
            {
                // No copy: IMqttLink.Publish hands the array over (SensorNode passes a fresh exact-length array per
                // publish, the online status a never-changing one), and M2Mqtt keeps it until PUBACK for its retries.
                // A copy here would cost a second payload-sized allocation next to mbedTLS's buffers.
                // contentType and userProperties must be null on MQTT 3.1.1; retain is never set (TagoIO has none, and a
                // broker that forbids it drops the connection).
                ushort id = client.Publish(topic, payload, null, null, qos == 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce, false);
                return id;
            }
            catch (Exception)
            {
                // MqttClientException(InflightQueueFull / TopicWildcard / TopicLength), or the client closing under us.
                return PublishError.Rejected;
            }
        }

        /// <inheritdoc />
        public int Subscribe(string topicFilter, int qos)
        {
            if (topicFilter == null || topicFilter.Length == 0 || (qos != 0 && qos != 1))
            {
                return PublishError.InvalidArgument;
            }

            MqttClient client = CurrentEstablished();
            if (client == null || !client.IsConnected)
            {
                return PublishError.NotOnline;
            }

            try
            {
                // Once per connect (clean session), so the two small arrays are not a hot-path allocation.
                ushort id = client.Subscribe(
                    new string[] { topicFilter },
                    new MqttQoSLevel[] { qos == 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce });
                return id;
            }
            catch (Exception)
            {
                return PublishError.Rejected;
            }
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            MqttClient client = Detach();
            if (client == null)
            {
                return;
            }

            try
            {
                // DISCONNECT first, so the broker discards the will ("offline" is not published on a planned sleep).
                client.Disconnect();
            }
            catch (Exception)
            {
                // Already gone: the broker will publish the will, which is then the truth.
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

            if (into.Kind == LinkEventKind.ConnectSucceeded || into.Kind == LinkEventKind.ConnectRefused
                || into.Kind == LinkEventKind.ConnectFailed)
            {
                lock (_sync)
                {
                    _outcomeUntaken = false;
                }
            }

            return true;
        }

        /// <summary>Runs one connect attempt on the worker thread (the <see cref="IBlockingJob"/> side; not for callers).</summary>
        public void Run()
        {
            MqttClient retiring;
            MqttConnectRequest request;
            lock (_sync)
            {
                retiring = _retiring;
                _retiring = null;
                request = _request;
            }

            CloseQuietly(retiring);

            X509Certificate ca;
            try
            {
                ca = request.UseTls ? CaFor(request.CaCertificatesPem) : null;
            }
            catch (Exception)
            {
                // The configured CA text does not parse: a certificate problem, not the network.
                Finish(null, LinkEventKind.ConnectFailed, -1, ConnectFailure.Tls);
                return;
            }

            MqttClient client;
            try
            {
                // Resolves DNS (Dns.GetHostEntry) and caches the first address; throws when the lookup fails.
                client = new MqttClient(
                    request.Host,
                    request.Port,
                    request.UseTls,
                    ca,
                    null,
                    request.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            }
            catch (Exception ex)
            {
                Finish(null, LinkEventKind.ConnectFailed, -1, MqttFailureClassifier.ClassifyConstructor(ex));
                return;
            }

            client.ConnectionOpened += OnConnectionOpened;
            client.MqttMsgPublished += OnPublished;
            client.MqttMsgPublishReceived += OnPublishReceived;
            client.ConnectionClosed += OnConnectionClosed;

            lock (_sync)
            {
                if (_abortAttempt)
                {
                    // Close() came while DNS ran: the supervisor already gave up on this attempt.
                    client = null;
                }
                else
                {
                    _client = client;
                }
            }

            if (client == null)
            {
                Finish(null, LinkEventKind.ConnectFailed, -1, ConnectFailure.Timeout);
                return;
            }

            long started = Environment.TickCount64;
            try
            {
                MqttReasonCode code = client.Connect(
                    request.ClientId,
                    request.Username,
                    request.Password,
                    false,
                    request.WillQos == 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce,
                    request.WillTopic != null,
                    request.WillTopic,
                    request.WillMessage,
                    request.CleanSession,
                    (ushort)request.KeepAliveSeconds);

                int value = (int)code;
                if (value == (int)MqttReasonCode.Success)
                {
                    Finish(client, LinkEventKind.ConnectSucceeded, 0, ConnectFailure.None);
                }
                else
                {
                    Finish(client, LinkEventKind.ConnectRefused, value, ConnectFailure.None);
                }
            }
            catch (Exception ex)
            {
                long elapsed = Environment.TickCount64 - started;
                int connack = ConnackSeen();
                if (connack < 0 && ex is nanoFramework.M2Mqtt.Exceptions.MqttCommunicationException)
                {
                    Thread.Sleep(ConnackGraceMs);
                    connack = ConnackSeen();
                }

                Finish(client, LinkEventKind.ConnectFailed, connack, MqttFailureClassifier.ClassifyConnect(ex, connack, elapsed));
            }
        }

        private void Finish(MqttClient client, LinkEventKind kind, int code, ConnectFailure failure)
        {
            bool closeNow = kind != LinkEventKind.ConnectSucceeded;
            lock (_sync)
            {
                if (kind == LinkEventKind.ConnectSucceeded && (_abortAttempt || _client != client))
                {
                    // Close() raced a successful connect: report it as the timeout the supervisor acted on.
                    kind = LinkEventKind.ConnectFailed;
                    code = -1;
                    failure = ConnectFailure.Timeout;
                    closeNow = true;
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
                _outcomeUntaken = _inbox.Post(kind, code, failure, 0, null, null);
            }

            if (closeNow)
            {
                // Required after any refused or failed Connect: stops M2Mqtt's receive thread.
                CloseQuietly(client);
            }
        }

        private MqttClient CurrentEstablished()
        {
            lock (_sync)
            {
                return _established ? _client : null;
            }
        }

        private MqttClient Detach()
        {
            lock (_sync)
            {
                MqttClient client = _client;
                _client = null;
                _established = false;
                if (_attemptRunning)
                {
                    _abortAttempt = true;
                }

                return client;
            }
        }

        private int ConnackSeen()
        {
            lock (_sync)
            {
                return _connackCode;
            }
        }

        private X509Certificate CaFor(string pem)
        {
            if (pem == null || pem.Length == 0)
            {
                // Null: native TLS uses the CA bundle stored on the device (nanoff --networkdeployment).
                return null;
            }

            if (_caCertificate == null || !ReferenceEquals(_caSource, pem))
            {
                // The string constructor appends the NUL terminator mbedTLS needs for PEM; parsed once, reused.
                _caCertificate = new X509Certificate(pem);
                _caSource = pem;
            }

            return _caCertificate;
        }

        private static void CloseQuietly(MqttClient client)
        {
            if (client == null)
            {
                return;
            }

            try
            {
                // Best effort and documented never to throw; sleeps 200 ms and waits up to 1 s for the keep-alive thread.
                client.Close();
            }
            catch (Exception)
            {
                // Nothing more can be done for a client we are dropping.
            }
        }

        // ---- M2Mqtt event handlers: record one fact each, under the lock; no work, no Publish, no logging. ----

        private void OnConnectionOpened(object sender, ConnectionOpenedEventArgs e)
        {
            lock (_sync)
            {
                if (sender == _client && e != null && e.Message != null)
                {
                    _connackCode = (int)e.Message.ReturnCode;
                }
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            lock (_sync)
            {
                if (sender != _client || e == null)
                {
                    return;
                }
            }

            _inbox.Post(e.IsPublished ? LinkEventKind.PublishAcked : LinkEventKind.PublishFailed, -1, ConnectFailure.None, e.MessageId, null, null);
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            lock (_sync)
            {
                if (sender != _client || !_established || e == null)
                {
                    return;
                }
            }

            // The library allocated topic and payload for this message; ownership passes to the core.
            _inbox.Post(LinkEventKind.MessageReceived, -1, ConnectFailure.None, 0, e.Topic, e.Message);
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            lock (_sync)
            {
                if (sender != _client || !_established)
                {
                    // An old instance, or a failed connect (its outcome event already says so).
                    return;
                }

                _established = false;
            }

            _inbox.Post(LinkEventKind.Closed, -1, ConnectFailure.None, 0, null, null);
        }
    }
}
