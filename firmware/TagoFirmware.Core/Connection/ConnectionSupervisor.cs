using System;
using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>
    /// Supervises the node's connection: WiFi → valid clock → MQTT connected → online, with jittered backoff, a slow
    /// credentials-refused state, dead-link detection, a last-resort reboot request and an orderly stop. One
    /// <see cref="Step"/> per main-loop turn does the work and fills <see cref="Report"/>, which the caller acts on
    /// after the step. Nothing here blocks, sleeps or starts threads, so every path runs under a fake clock in tests.
    /// README "How the node behaves" has the transition table and the log markers.
    /// </summary>
    /// <remarks>Every member is called from the main loop thread.</remarks>
    public sealed partial class ConnectionSupervisor
    {
        /// <summary>At most this many inbox events are handled per step, so a message flood cannot starve the loop.</summary>
        public const int MaxEventsPerStep = 32;

        /// <summary>Extra time granted to a WiFi attempt beyond its own deadline (the adapter should have ended it).</summary>
        public const int WifiDeadlineGraceMs = 5000;

        /// <summary>Step spacing while a WiFi, clock or MQTT attempt runs: the adapters report those by polling.</summary>
        public const int AttemptPollMs = 100;

        /// <summary>While online, the WiFi link is checked this often (a lost link also closes the MQTT socket).</summary>
        public const int NetworkCheckMs = 5000;

        /// <summary>An orderly stop waits at most this long for the PUBACK of the "offline" status before DISCONNECT.</summary>
        public const int StopAckWaitMs = 2000;

        private readonly SessionOptions _options;
        private readonly IUplinkTransport _transport;
        private readonly IClock _clock;
        private readonly INetworkLink _network;
        private readonly ITimeSync _timeSync;
        private readonly IMqttLink _mqtt;
        private readonly ILog _log;
        private readonly IStatusIndicator _status;
        private readonly Backoff _wifiBackoff;
        private readonly Backoff _mqttBackoff;
        private readonly MqttConnectRequest _request;
        private readonly LinkEvent _event = new LinkEvent();
        private readonly LinkHealth _health;
        private readonly PublishTracker _pending;
        private readonly ConnectRetryPolicy _retry;
        private readonly LinkReport _report;
        private readonly string _endpoint;
        private readonly string _configError;
        private readonly bool _sessions;
        private readonly ProtocolFallback _versions;
        private bool _wanted;
        private int _subscribeId = -1;
        private NodeStatus _uplinkStatus = NodeStatus.Online;

        private SessionState _state;
        private long _nowMs;
        private bool _started;
        private NodeStatus _shownStatus = NodeStatus.Starting;
        private bool _backoffForWifi;
        private long _deadlineMs;
        private long _nextNetworkCheckMs;
        private bool _connectStarted;
        private int _connectAttempts;
        private long _authBlockedUntilMs;
        private bool _authBlocked;
        private bool _everConnected;
        private int _offlineStatusId = -1;
        private bool _stopped;

        /// <summary>Creates the supervisor in WifiDown (or ConfigInvalid when the options do not validate).</summary>
        /// <param name="options">Session options; read here and on every step, never changed.</param>
        /// <param name="transport">The uplink protocol (topics, status payloads, credentials).</param>
        /// <param name="ports">The platform ports; Clock, Network, Mqtt and Random are required.</param>
        /// <exception cref="ArgumentNullException">A required argument or port is missing (a wiring error).</exception>
        public ConnectionSupervisor(SessionOptions options, IUplinkTransport transport, NodePorts ports)
        {
            if (options == null || transport == null || ports == null || ports.Clock == null || ports.Network == null
                || ports.Mqtt == null || ports.Random == null)
            {
                throw new ArgumentNullException("options, transport or a port");
            }

            _options = options;
            _transport = transport;
            _clock = ports.Clock;
            _network = ports.Network;
            _timeSync = ports.TimeSync;
            _mqtt = ports.Mqtt;
            _log = ports.Log;
            _status = ports.Status;
            _wifiBackoff = new Backoff(options.BackoffBaseMs, options.BackoffCapMs, ports.Random);
            _mqttBackoff = new Backoff(options.BackoffBaseMs, options.BackoffCapMs, ports.Random);

            // One slot more than the application may use: the "online" status publish is tracked too.
            int capacity = (options.MaxInFlight < 1 ? 1 : options.MaxInFlight) + 1;
            _sessions = options.ShortSessions;
            // With short sessions, health is the receipts' business (the uplink), not the PUBACKs'.
            _health = new LinkHealth(capacity, options.AckTimeoutMs, options.StableConnectionMs,
                !_sessions && options.Qos == 1 && options.NoAckRebootMs > 0 ? options.NoAckRebootMs : 0);
            _pending = _health.Pending;
            _report = new LinkReport(capacity, MaxEventsPerStep);

            _endpoint = options.Host + ":" + options.Port.ToString() + (options.UseTls ? " tls" : " plaintext");
            _request = new MqttConnectRequest();
            _request.Host = options.Host;
            _request.Port = options.Port;
            _request.UseTls = options.UseTls;
            _request.CaCertificatesPem = options.CaCertificatesPem;
            _request.ClientId = options.ClientId;
            _request.KeepAliveSeconds = options.KeepAliveSeconds;
            _request.CleanSession = true;
            _request.TimeoutMs = options.MqttConnectTimeoutMs;
            _versions = new ProtocolFallback(options.ProtocolLevel, options.ClientId);
            _retry = new ConnectRetryPolicy(_versions);
            _request.ProtocolLevel = _versions.Level;
            transport.PrepareConnect(_request, options.Token);
            _request.LimitMessageRate = !_sessions;
            _wanted = !_sessions;
            _configError = options.Validate();
            _state = _configError == null ? SessionState.WifiDown : SessionState.ConfigInvalid;
        }

        /// <summary>The current state.</summary>
        public SessionState State => _state;

        /// <summary>True while application publishes are accepted.</summary>
        public bool IsOnline => _state == SessionState.Online;

        /// <summary>True once an orderly stop has ended (or a reboot was requested): nothing more happens.</summary>
        public bool IsStopped => _stopped;

        /// <summary>Self-heal asked for a reboot (None otherwise): once <see cref="IsStopped"/>, the node flushes and reboots.</summary>
        public RebootReason RebootReason { get; private set; }

        /// <summary>The uplink transport (topics, payload format).</summary>
        public IUplinkTransport Transport => _transport;

        /// <summary>What the latest step (or <see cref="Stop"/>) produced; read it before the next step.</summary>
        public LinkReport Report => _report;

        /// <summary>Successful MQTT connects that followed an earlier connection (diagnostics "reconnects").</summary>
        public int Reconnects { get; private set; }

        /// <summary>Connect attempts the broker refused for bad credentials (diagnostics "auth_failures").</summary>
        public int AuthFailures { get; private set; }

        /// <summary>Monotonic time the current (or latest) MQTT connection was established.</summary>
        public long ConnectedAtMs => _health.ConnectedAtMs;

        /// <summary>Short sessions: true from <see cref="OpenSession"/> until the session ends.</summary>
        public bool SessionWanted => _wanted;

        /// <summary>The MQTT protocol level the next (or current) connection speaks.</summary>
        public int ProtocolLevel => _request.ProtocolLevel;

        /// <summary>Links dropped because a QoS 1 publish went unacknowledged past the ack timeout.</summary>
        public int DeadLinkDrops => _health.DeadLinkDrops;

        /// <summary>How the latest failed connect attempt failed (None after a refusal or a success). The host twin
        /// maps Tls to its exit code 4.</summary>
        public ConnectFailure LastConnectFailure => _retry.LastFailure;

        /// <summary>The MQTT backoff's failure count (reset after a connection stayed up <see cref="SessionOptions.StableConnectionMs"/>).</summary>
        public int MqttBackoffAttempts => _mqttBackoff.Attempts;

        /// <summary>QoS 1 publishes (application and status) awaiting their PUBACK.</summary>
        public int InFlightCount => _pending.Count;

        /// <summary>
        /// When the next step is due without a link event: a deadline, a timer or a check. While online and idle this
        /// is seconds away; the loop also wakes when the link's inbox receives an event. long.MaxValue = never.
        /// </summary>
        public long NextDueMs
        {
            get
            {
                switch (_state)
                {
                    case SessionState.Online:
                        return _health.NextDueMs(_nextNetworkCheckMs);
                    case SessionState.Backoff:
                    case SessionState.AuthFailed:
                        return Min(_state == SessionState.Backoff ? _deadlineMs : _authBlockedUntilMs, _nowMs + NetworkCheckMs);
                    case SessionState.Stopping:
                        return _deadlineMs;
                    case SessionState.Subscribing:
                        return Min(_deadlineMs, _nowMs + AttemptPollMs);
                    case SessionState.Idle:
                        return _wanted ? _nowMs : _nextNetworkCheckMs;
                    case SessionState.ConfigInvalid:
                    case SessionState.Rebooting:
                    case SessionState.Stopped:
                        return long.MaxValue;
                    default:
                        return _nowMs + AttemptPollMs;
                }
            }
        }

        /// <summary>
        /// One turn of the state machine: drains the link inbox, checks the lower layers, advances the current state.
        /// Fills <see cref="Report"/>. Returns quickly; never throws.
        /// </summary>
        /// <param name="nowMs">The monotonic time (<see cref="IClock.MonotonicMs"/>) of this step.</param>
        public void Step(long nowMs)
        {
            _nowMs = nowMs;
            _report.Clear();
            try
            {
                if (!_started)
                {
                    Start(nowMs);
                }

                if (!IsStopped && _state != SessionState.ConfigInvalid)
                {
                    DrainEvents(nowMs);
                    CheckNetwork(nowMs);
                    RunState(nowMs);
                }
            }
            catch (Exception ex)
            {
                // A port broke its no-throw contract. Log the type only (a message could carry anything) and go on.
                Log(LogLevel.Error, "session error: " + ex.GetType().Name + " in " + ConnectionText.StateName(_state));
            }
        }

        /// <summary>Publishes an application payload on the transport's data topic at the configured QoS.</summary>
        /// <param name="payload">The encoded payload (the transport's <see cref="IUplinkTransport.Format"/>).</param>
        /// <returns>A message id (≥ 0), or a negative <see cref="PublishError"/>.</returns>
        public int PublishData(byte[] payload)
        {
            return Publish(_transport.DataTopic, payload, _options.Qos);
        }

        /// <summary>
        /// Publishes through the session (never retained); call between steps. At QoS 1 the id later appears in
        /// <see cref="LinkReport.Acked"/> or <see cref="LinkReport.Lost"/>; at QoS 0 a non-negative result means sent.
        /// </summary>
        /// <param name="topic">Topic name (no wildcards).</param>
        /// <param name="payload">Payload bytes.</param>
        /// <param name="qos">0 or 1.</param>
        /// <returns>A message id (≥ 0), or a negative <see cref="PublishError"/>; refused unless Online.</returns>
        public int Publish(string topic, byte[] payload, int qos)
        {
            if (topic == null || topic.Length == 0 || payload == null || (qos != 0 && qos != 1))
            {
                return PublishError.InvalidArgument;
            }

            if (_state != SessionState.Online || !_mqtt.IsConnected)
            {
                return PublishError.NotOnline;
            }

            // The last slot is reserved for the status publish made right after connecting.
            if (qos == 1 && _pending.Count >= _pending.Capacity - 1)
            {
                return PublishError.TooManyInFlight;
            }

            int id = _mqtt.Publish(topic, payload, qos);
            if (id < 0)
            {
                return id == PublishError.NotOnline ? PublishError.NotOnline : PublishError.Rejected;
            }

            if (qos == 1)
            {
                _pending.Track(id, false, _clock.MonotonicMs);
            }

            return id;
        }

        /// <summary>
        /// Starts an orderly stop. Online, the "offline" status goes out first (a clean DISCONNECT makes the broker
        /// drop the will, so without it the dashboard would keep showing "online") and the steps that follow wait up to
        /// <see cref="StopAckWaitMs"/> for its PUBACK, then DISCONNECT; otherwise the link is closed now. Unacknowledged
        /// publishes end up in <see cref="LinkReport.Lost"/>. Step until <see cref="IsStopped"/>.
        /// </summary>
        /// <param name="nowMs">Monotonic time now.</param>
        /// <param name="announceOffline">False for a battery-mode sleep, which keeps the status "online" between wakes.</param>
        public void Stop(long nowMs, bool announceOffline)
        {
            _nowMs = nowMs;
            _report.Clear();
            BeginStop(nowMs, announceOffline);
        }

        /// <summary>Short sessions in use, and no stop under way or done.</summary>
        private bool SessionRunning => _sessions && !_stopped && _state != SessionState.Stopping;

        /// <summary>Short sessions: a batch is due; connect (now, or when the backoff or credentials wait allows).</summary>
        public void OpenSession()
        {
            _wanted = _sessions || _wanted;
        }

        /// <summary>
        /// Short sessions: nothing more is due, or the uplink ended the session after a receipt (a
        /// <c>ttl_expired</c>/<c>keep_alive_timeout</c> is the server's normal end). DISCONNECT, then idle until the
        /// next <see cref="OpenSession"/>; no backoff, no failure counted.
        /// </summary>
        /// <param name="nowMs">Monotonic time now.</param>
        /// <param name="reason">For the log line.</param>
        public void EndSession(long nowMs, string reason)
        {
            if (!SessionRunning)
            {
                return;
            }

            _wanted = false;
            if (_state == SessionState.Online || _state == SessionState.Subscribing || _state == SessionState.MqttConnecting)
            {
                EndLink(true);
                SetState(SessionState.Idle, LogLevel.Info, "session ended: " + reason);
            }
        }

        /// <summary>Short sessions: the server answered <c>rate_limited</c>: end the session and back off with jitter.</summary>
        /// <param name="nowMs">Monotonic time now.</param>
        public void EndSessionRateLimited(long nowMs)
        {
            if (SessionRunning)
            {
                _mqtt.Disconnect();
                RateLimited(nowMs, "rate_limited");
            }
        }

        /// <summary>
        /// Short sessions: the server refused the credentials in a receipt (<c>invalid_token</c>, <c>device_not_found</c>):
        /// end the session and wait the auth retry interval, as after a CONNACK refusal (an operator can restore the
        /// Authorization without touching the node, so the node keeps retrying, slowly).
        /// </summary>
        /// <param name="nowMs">Monotonic time now.</param>
        /// <param name="why">The server's code, for the log line.</param>
        public void EndSessionCredentialsRefused(long nowMs, string why)
        {
            if (!SessionRunning)
            {
                return;
            }

            EndLink(true);
            EnterAuthFailed(nowMs, "credentials refused (" + why + ")");
        }

        /// <summary>Closes the MQTT link (DISCONNECT first when asked): unacknowledged publishes are reported lost, and the
        /// self-heal clock starts again.</summary>
        private void EndLink(bool disconnect)
        {
            if (disconnect)
            {
                _mqtt.Disconnect();
            }

            _mqtt.Close();
            _connectStarted = false;
            _pending.LoseAll(_report);
            _pending.ForgetUnacked();
        }

        private void EnterAuthFailed(long nowMs, string cause)
        {
            AuthFailures++;
            _authBlocked = true;
            _authBlockedUntilMs = nowMs + _options.AuthRetryIntervalMs;
            SetState(SessionState.AuthFailed, LogLevel.Error, cause + "; auth failures " + AuthFailures.ToString()
                + ", next attempt in " + (_options.AuthRetryIntervalMs / 1000).ToString() + " s");
        }

        /// <summary>Short sessions: what the LED shows between and during sessions (the uplink's health: receipts).</summary>
        /// <param name="status">Online while the last session got its receipts; else the problem.</param>
        public void ShowUplinkHealth(NodeStatus status)
        {
            _uplinkStatus = status;
            ShowStatus(StatusFor(_state));
        }

        private void BeginStop(long nowMs, bool announceOffline)
        {
            if (IsStopped || _state == SessionState.Stopping)
            {
                return;
            }

            byte[] offline = _transport.OfflinePayload;
            if (announceOffline && _state == SessionState.Online && _transport.StatusTopic != null && offline != null)
            {
                _offlineStatusId = _mqtt.Publish(_transport.StatusTopic, offline, 1);
                if (_offlineStatusId >= 0)
                {
                    _pending.Track(_offlineStatusId, true, nowMs);
                    _deadlineMs = nowMs + StopAckWaitMs;
                    SetState(SessionState.Stopping, LogLevel.Info, "stopping: offline status sent");
                    return;
                }
            }

            FinishStop(nowMs);
        }

        private void FinishStop(long nowMs)
        {
            bool wasConnected = _state == SessionState.Online || _state == SessionState.Stopping || _state == SessionState.Subscribing;
            _pending.LoseAll(_report);
            if (wasConnected || _state == SessionState.MqttConnecting)
            {
                _mqtt.Disconnect();
            }

            _mqtt.Close();
            SetState(RebootReason == RebootReason.None ? SessionState.Stopped : SessionState.Rebooting, LogLevel.Info, "session stopped");
            _report.WentOffline = wasConnected;
        }

        private void Start(long nowMs)
        {
            _started = true;
            Log(LogLevel.Info, "session start: " + _endpoint + ", client id " + _options.ClientId + ", transport "
                + _transport.Name + ", qos " + _options.Qos.ToString() + ", mqtt " + (_options.ProtocolLevel == 0 ? "auto"
                : ProtocolFallback.Name(_options.ProtocolLevel)));
            if (_state == SessionState.ConfigInvalid)
            {
                Log(LogLevel.Error, "config invalid: " + _configError + " -> ConfigInvalid");
            }

            ShowStatus(_state == SessionState.ConfigInvalid ? NodeStatus.ConfigInvalid : NodeStatus.NoWifi);
        }

        private void SetState(SessionState state, LogLevel level, string reason)
        {
            _state = state;
            _stopped = state == SessionState.Stopped || state == SessionState.Rebooting;
            Log(level, reason + " -> " + ConnectionText.StateName(state));
            ShowStatus(StatusFor(state));
        }

        private NodeStatus StatusFor(SessionState state)
        {
            switch (state)
            {
                case SessionState.WifiDown:
                case SessionState.WifiConnecting:
                    return NodeStatus.NoWifi;
                case SessionState.ClockWait:
                    return NodeStatus.NoClock;
                case SessionState.Online:
                case SessionState.Idle:
                case SessionState.Subscribing:
                    return _sessions ? _uplinkStatus : NodeStatus.Online;
                case SessionState.AuthFailed:
                    return NodeStatus.CredentialsRefused;
                case SessionState.Backoff:
                    return _backoffForWifi ? NodeStatus.NoWifi : NodeStatus.NoBroker;
                case SessionState.MqttConnecting:
                    return _sessions ? _uplinkStatus : NodeStatus.NoBroker;
                default:
                    return _shownStatus;
            }
        }

        private void ShowStatus(NodeStatus status)
        {
            if (status != _shownStatus && _status != null)
            {
                _status.Show(status);
            }

            _shownStatus = status;
        }

        private void Log(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, message);
            }
        }

        private static long Min(long a, long b)
        {
            return a < b ? a : b;
        }
    }
}
