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
    public sealed class ConnectionSupervisor
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
        private readonly PublishTracker _pending;
        private readonly LinkReport _report;
        private readonly string _endpoint;
        private readonly string _configError;
        private readonly bool _sessions;
        private readonly ProtocolFallback _versions;
        private bool _wanted;
        private int _subscribeId = -1;
        private NodeStatus _uplinkStatus = NodeStatus.Online;

        private SessionState _state;
        private long _stateSinceMs;
        private long _nowMs;
        private bool _started;
        private NodeStatus _shownStatus = NodeStatus.Starting;
        private bool _backoffForWifi;
        private long _deadlineMs;
        private long _nextNetworkCheckMs;
        private bool _connectStarted;
        private long _authBlockedUntilMs;
        private bool _authBlocked;
        private long _connectedAtMs;
        private bool _stableReached;
        private bool _everConnected;
        private bool _justDropped;
        private bool _staleRetryUsed;
        private int _offlineStatusId = -1;

        // Read every step while online: copied once (a property call costs interpreted IL on the device).
        private readonly long _ackTimeoutMs;
        private readonly long _stableMs;
        private readonly long _selfHealMs;
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
                throw new ArgumentNullException("ports", "options, transport, Clock, Network, Mqtt and Random are required");
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
            _pending = new PublishTracker(capacity);
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
            _request.ProtocolLevel = _versions.Level;
            transport.PrepareConnect(_request, options.Token);
            _sessions = options.ShortSessions;
            _request.LimitMessageRate = !_sessions;
            _wanted = !_sessions;

            _ackTimeoutMs = options.AckTimeoutMs;
            _stableMs = options.StableConnectionMs;
            // With short sessions, health is the receipts' business (the uplink), not the PUBACKs'.
            _selfHealMs = !_sessions && options.Qos == 1 && options.NoAckRebootMs > 0 ? options.NoAckRebootMs : 0;
            _configError = options.Validate();
            _state = _configError == null ? SessionState.WifiDown : SessionState.ConfigInvalid;
        }

        /// <summary>The current state.</summary>
        public SessionState State => _state;

        /// <summary>Monotonic time the current state was entered.</summary>
        public long StateSinceMs => _stateSinceMs;

        /// <summary>True while application publishes are accepted.</summary>
        public bool IsOnline => _state == SessionState.Online;

        /// <summary>True once an orderly stop has ended (or a reboot was requested): nothing more happens.</summary>
        public bool IsStopped => _stopped;

        /// <summary>Self-heal asked for a reboot (None otherwise): once <see cref="IsStopped"/>, the node flushes and reboots.</summary>
        public RebootReason RebootReason { get; private set; }

        /// <summary>The options' validation error when in ConfigInvalid, else null.</summary>
        public string ConfigError => _configError;

        /// <summary>The uplink transport (topics, payload format).</summary>
        public IUplinkTransport Transport => _transport;

        /// <summary>What the latest step (or <see cref="Stop"/>) produced; read it before the next step.</summary>
        public LinkReport Report => _report;

        /// <summary>Successful MQTT connects that followed an earlier connection (diagnostics "reconnects").</summary>
        public int Reconnects { get; private set; }

        /// <summary>Connect attempts the broker refused for bad credentials (diagnostics "auth_failures").</summary>
        public int AuthFailures { get; private set; }

        /// <summary>Monotonic time the current (or latest) MQTT connection was established.</summary>
        public long ConnectedAtMs => _connectedAtMs;

        /// <summary>Short sessions: true from <see cref="OpenSession"/> until the session ends.</summary>
        public bool SessionWanted => _wanted;

        /// <summary>The MQTT protocol level the next (or current) connection speaks.</summary>
        public int ProtocolLevel => _request.ProtocolLevel;

        /// <summary>MQTT connect attempts started.</summary>
        public int ConnectAttempts { get; private set; }

        /// <summary>Links dropped because a QoS 1 publish went unacknowledged past the ack timeout.</summary>
        public int DeadLinkDrops { get; private set; }

        /// <summary>The last CONNACK refusal code seen, or -1.</summary>
        public int LastRefusalCode { get; private set; } = -1;

        /// <summary>How the latest failed connect attempt failed (None after a refusal or a success). The host twin
        /// maps Tls to its exit code 4.</summary>
        public ConnectFailure LastConnectFailure { get; private set; }

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
                        long due = _nextNetworkCheckMs;
                        if (_pending.Count > 0)
                        {
                            due = Min(due, _pending.OldestSentMs + _ackTimeoutMs);
                        }

                        if (!_stableReached)
                        {
                            due = Min(due, _connectedAtMs + _stableMs);
                        }

                        if (SelfHealArmed)
                        {
                            due = Min(due, _pending.UnackedSinceMs + _selfHealMs);
                        }

                        return due;
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

        private bool SelfHealArmed => _selfHealMs > 0 && _pending.UnackedSinceMs >= 0;

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
            if (!_sessions || IsStopped || _state == SessionState.Stopping)
            {
                return;
            }

            _wanted = false;
            bool open = _state == SessionState.Online || _state == SessionState.Subscribing || _state == SessionState.MqttConnecting;
            if (open)
            {
                _mqtt.Disconnect();
                _mqtt.Close();
                _connectStarted = false;
                _pending.LoseAll(_report);
                _pending.ForgetUnacked();
                SetState(SessionState.Idle, nowMs, LogLevel.Info, "session ended: " + reason);
            }
        }

        /// <summary>Short sessions: the server answered <c>rate_limited</c>: end the session and back off with jitter.</summary>
        /// <param name="nowMs">Monotonic time now.</param>
        public void EndSessionRateLimited(long nowMs)
        {
            if (_sessions && !IsStopped && _state != SessionState.Stopping)
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
            if (!_sessions || IsStopped || _state == SessionState.Stopping)
            {
                return;
            }

            _mqtt.Disconnect();
            _mqtt.Close();
            _connectStarted = false;
            _pending.LoseAll(_report);
            _pending.ForgetUnacked();
            AuthFailures++;
            _authBlocked = true;
            _authBlockedUntilMs = nowMs + _options.AuthRetryIntervalMs;
            SetState(SessionState.AuthFailed, nowMs, LogLevel.Error, "credentials refused (" + why + "); auth failures "
                + AuthFailures.ToString() + ", next attempt in " + (_options.AuthRetryIntervalMs / 1000).ToString() + " s");
        }

        /// <summary>Short sessions: what the LED shows between and during sessions (the uplink's health: receipts).</summary>
        /// <param name="status">Online while the last session got its receipts; else the problem.</param>
        public void ShowUplinkHealth(NodeStatus status)
        {
            _uplinkStatus = status;
            ShowStatus(StatusFor(_state));
        }

        private void RateLimited(long nowMs, string reason)
        {
            _mqtt.Close();
            _connectStarted = false;
            _pending.LoseAll(_report);
            _pending.ForgetUnacked();
            _report.WentOffline = _state == SessionState.Online;
            EnterBackoff(nowMs, false, "rate-limited: " + reason);
        }

        /// <summary>The connection went away: with short sessions the server's normal end of a session, else a drop.</summary>
        private void LinkLost(long nowMs, string reason)
        {
            if (!_sessions)
            {
                DropLink(nowMs, reason);
                return;
            }

            SessionClosed(nowMs, reason);
        }

        private void SessionClosed(long nowMs, string reason)
        {
            // TagoIO closes a device's connection at its lifetime (10-15 s) and after 5 s idle: normal, so no backoff
            // growth, no failure count and no dead-link alarm.
            _mqtt.Close();
            _connectStarted = false;
            _pending.LoseAll(_report);
            _pending.ForgetUnacked();
            _report.WentOffline = _state == SessionState.Online;
            _wanted = false;
            SetState(SessionState.Idle, nowMs, LogLevel.Info, reason + " (end of session)");
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
                    SetState(SessionState.Stopping, nowMs, LogLevel.Info, "stopping: offline status sent");
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
            SetState(RebootReason == RebootReason.None ? SessionState.Stopped : SessionState.Rebooting, nowMs, LogLevel.Info, "session stopped");
            _report.WentOffline = wasConnected;
        }

        private void Start(long nowMs)
        {
            _started = true;
            _stateSinceMs = nowMs;
            Log(LogLevel.Info, "session start: " + _endpoint + ", client id " + _options.ClientId + ", transport "
                + _transport.Name + ", qos " + _options.Qos.ToString() + ", mqtt " + (_options.ProtocolLevel == 0 ? "auto"
                : ProtocolFallback.Name(_options.ProtocolLevel)));
            if (_state == SessionState.ConfigInvalid)
            {
                Log(LogLevel.Error, "config invalid: " + _configError + " -> ConfigInvalid");
            }

            ShowStatus(_state == SessionState.ConfigInvalid ? NodeStatus.ConfigInvalid : NodeStatus.NoWifi);
        }

        private void RunState(long nowMs)
        {
            switch (_state)
            {
                case SessionState.WifiDown:
                    RunWifiDown(nowMs);
                    break;
                case SessionState.WifiConnecting:
                    RunWifiConnecting(nowMs);
                    break;
                case SessionState.ClockWait:
                    RunClockWait(nowMs);
                    break;
                case SessionState.MqttConnecting:
                    TryBeginConnect();
                    if (nowMs >= _deadlineMs)
                    {
                        HandleConnectFailure(nowMs, false, -1, ConnectFailure.Timeout,
                            "mqtt connect timed out after " + _options.MqttConnectTimeoutMs.ToString() + " ms");
                    }

                    break;
                case SessionState.Online:
                    RunOnline(nowMs);
                    break;
                case SessionState.Subscribing:
                    if (!_mqtt.IsConnected)
                    {
                        SessionClosed(nowMs, "closed before SUBACK");
                    }
                    else if (nowMs >= _deadlineMs)
                    {
                        RateLimited(nowMs, "no SUBACK within " + _options.SubscribeTimeoutMs.ToString() + " ms");
                    }

                    break;
                case SessionState.Idle:
                    if (_wanted)
                    {
                        EnterMqttLayer(nowMs, "session due");
                    }

                    break;
                case SessionState.Stopping:
                    if (nowMs >= _deadlineMs || !_mqtt.IsConnected)
                    {
                        FinishStop(nowMs);
                    }

                    break;
                case SessionState.Backoff:
                    if (nowMs >= _deadlineMs)
                    {
                        if (_backoffForWifi)
                        {
                            RunWifiDown(nowMs);
                        }
                        else
                        {
                            EnterMqttLayer(nowMs, "backoff over");
                        }
                    }

                    break;
                case SessionState.AuthFailed:
                    if (nowMs >= _authBlockedUntilMs)
                    {
                        _authBlocked = false;
                        EnterMqttLayer(nowMs, "auth retry interval over");
                    }

                    break;
            }
        }

        private void RunWifiDown(long nowMs)
        {
            if (_network.IsUp)
            {
                _wifiBackoff.Reset();
                EnterMqttLayer(nowMs, "wifi up");
                return;
            }

            if (_network.BeginConnect(_options.WifiConnectTimeoutMs))
            {
                _deadlineMs = nowMs + _options.WifiConnectTimeoutMs + WifiDeadlineGraceMs;
                SetState(SessionState.WifiConnecting, nowMs, LogLevel.Info,
                    "wifi connecting (timeout " + _options.WifiConnectTimeoutMs.ToString() + " ms)");
            }
            else if (_state != SessionState.WifiDown)
            {
                // The adapter is still busy with an earlier attempt: wait for it in WifiDown.
                SetState(SessionState.WifiDown, nowMs, LogLevel.Info, "wifi down: waiting for the previous attempt to end");
            }
        }

        private void RunWifiConnecting(long nowMs)
        {
            NetworkConnectResult result = _network.TakeConnectResult();
            if (result == NetworkConnectResult.Connected || (result == NetworkConnectResult.None && _network.IsUp))
            {
                _wifiBackoff.Reset();
                EnterMqttLayer(nowMs, "wifi up");
            }
            else if (result == NetworkConnectResult.Failed)
            {
                EnterBackoff(nowMs, true, "wifi failed: no IP address");
            }
            else if (result == NetworkConnectResult.TimedOut)
            {
                EnterBackoff(nowMs, true, "wifi failed: timed out");
            }
            else if (nowMs >= _deadlineMs)
            {
                EnterBackoff(nowMs, true, "wifi failed: no outcome by the deadline");
            }
        }

        private void CheckNetwork(long nowMs)
        {
            bool aboveWifi = _state == SessionState.ClockWait || _state == SessionState.MqttConnecting
                || _state == SessionState.Online || _state == SessionState.AuthFailed || _state == SessionState.Idle
                || _state == SessionState.Subscribing
                || (_state == SessionState.Backoff && !_backoffForWifi);
            _nextNetworkCheckMs = nowMs + NetworkCheckMs;
            if (!aboveWifi || _network.IsUp)
            {
                return;
            }

            bool wasOnline = _state == SessionState.Online || _state == SessionState.Subscribing;
            if (wasOnline || _state == SessionState.MqttConnecting)
            {
                _mqtt.Close();
                _connectStarted = false;
            }

            _pending.LoseAll(_report);
            _pending.ForgetUnacked();
            if (wasOnline)
            {
                _justDropped = true;
                _staleRetryUsed = false;
            }

            SetState(SessionState.WifiDown, nowMs, LogLevel.Warning, "wifi lost");
            _report.WentOffline = wasOnline;
        }

        private void EnterMqttLayer(long nowMs, string reason)
        {
            if (!_network.IsUp)
            {
                SetState(SessionState.WifiDown, nowMs, LogLevel.Warning, "wifi lost");
                RunWifiDown(nowMs);
            }
            else if (!WallClock.IsValid(_clock.UtcNow))
            {
                _pending.ForgetUnacked();
                _deadlineMs = nowMs + _options.ClockResyncIntervalMs;
                RequestTimeSync();
                SetState(SessionState.ClockWait, nowMs, LogLevel.Info, reason + "; clock not set, waiting for SNTP");
            }
            else if (_authBlocked && nowMs < _authBlockedUntilMs)
            {
                _pending.ForgetUnacked();
                SetState(SessionState.AuthFailed, nowMs, LogLevel.Warning, reason + "; credentials were refused, next attempt in "
                    + (_authBlockedUntilMs - nowMs).ToString() + " ms");
            }
            else if (!_wanted)
            {
                _pending.ForgetUnacked();
                SetState(SessionState.Idle, nowMs, LogLevel.Info, reason + "; idle");
            }
            else
            {
                EnterMqttConnecting(nowMs, reason);
            }
        }

        private void RunClockWait(long nowMs)
        {
            if (WallClock.IsValid(_clock.UtcNow))
            {
                EnterMqttLayer(nowMs, "clock valid");
            }
            else if (nowMs >= _deadlineMs)
            {
                _deadlineMs = nowMs + _options.ClockResyncIntervalMs;
                RequestTimeSync();
            }
        }

        private void RequestTimeSync()
        {
            if (_timeSync != null && !_timeSync.RequestSync())
            {
                Log(LogLevel.Warning, "clock: time sync request failed");
            }
        }

        private void EnterMqttConnecting(long nowMs, string reason)
        {
            _connectStarted = false;
            _deadlineMs = nowMs + _options.MqttConnectTimeoutMs;
            SetState(SessionState.MqttConnecting, nowMs, LogLevel.Info,
                reason + "; mqtt connecting to " + _endpoint + " (attempt " + (ConnectAttempts + 1).ToString() + ")");
            TryBeginConnect();
        }

        private void TryBeginConnect()
        {
            if (!_connectStarted && _mqtt.BeginConnect(_request))
            {
                _connectStarted = true;
                ConnectAttempts++;
            }
        }

        private void DrainEvents(long nowMs)
        {
            for (int i = 0; i < MaxEventsPerStep && !IsStopped; i++)
            {
                if (!_mqtt.TryTakeEvent(_event))
                {
                    return;
                }

                HandleEvent(nowMs, _event);
                _event.Clear();
            }
        }

        private void HandleEvent(long nowMs, LinkEvent e)
        {
            bool attempt = _state == SessionState.MqttConnecting && _connectStarted;
            switch (e.Kind)
            {
                case LinkEventKind.ConnectSucceeded:
                    if (attempt)
                    {
                        OnConnected(nowMs);
                    }
                    else
                    {
                        // The outcome of an attempt the supervisor already gave up on: do not keep that session.
                        _mqtt.Close();
                        Log(LogLevel.Debug, "mqtt: late connect outcome ignored");
                    }

                    break;
                case LinkEventKind.ConnectRefused:
                case LinkEventKind.ConnectFailed:
                    if (attempt)
                    {
                        bool refused = e.Kind == LinkEventKind.ConnectRefused;
                        HandleConnectFailure(nowMs, refused, e.ReasonCode, refused ? ConnectFailure.None : e.Failure, null);
                    }

                    break;
                case LinkEventKind.PublishAcked:
                    if (_pending.Ack(e.MessageId, nowMs, _report) && e.MessageId == _offlineStatusId && _state == SessionState.Stopping)
                    {
                        FinishStop(nowMs);
                    }

                    break;
                case LinkEventKind.PublishFailed:
                    if (_pending.Fail(e.MessageId, _report) && _state == SessionState.Online)
                    {
                        DropLink(nowMs, "mqtt publish failed: message " + e.MessageId.ToString() + " given up by the client");
                    }

                    break;
                case LinkEventKind.MessageReceived:
                    if (_state == SessionState.Online || _state == SessionState.Subscribing)
                    {
                        _report.AddMessage(e.Topic, e.Payload);
                    }

                    break;
                case LinkEventKind.CommandsDropped:
                    _report.CommandsDropped += e.ReasonCode;
                    break;
                case LinkEventKind.Closed:
                    if (_state == SessionState.Online || _state == SessionState.Subscribing)
                    {
                        LinkLost(nowMs, "mqtt connection lost: closed by the broker or the network");
                    }

                    break;
                case LinkEventKind.Subscribed:
                    if (_state == SessionState.Subscribing && e.MessageId == _subscribeId)
                    {
                        if (e.ReasonCode >= 0x80 || e.ReasonCode < 0)
                        {
                            RateLimited(nowMs, "SUBACK " + e.ReasonCode.ToString());
                        }
                        else
                        {
                            GoOnline(nowMs, "subscribed at qos " + e.ReasonCode.ToString());
                        }
                    }

                    break;
            }
        }

        private void OnConnected(long nowMs)
        {
            _connectStarted = false;
            if (_everConnected)
            {
                Reconnects++;
            }

            _everConnected = true;
            LastConnectFailure = ConnectFailure.None;
            _justDropped = false;
            _staleRetryUsed = false;
            _connectedAtMs = nowMs;
            _stableReached = false;
            if (_versions.Keep())
            {
                Log(LogLevel.Info, "mqtt: protocol " + ProtocolFallback.Name(_versions.Level) + " accepted; kept until reboot");
            }

            // Clean session: the command subscription is made again after every connect (TagoIO guide,
            // "Subscribing to Topics"); the "online" status matches the will (QoS 1, never retained).
            string filter = _transport.CommandTopicFilter;
            _subscribeId = filter == null ? -1 : _mqtt.Subscribe(filter, 1);
            if (filter != null && _subscribeId < 0)
            {
                _mqtt.Close();
                EnterBackoff(nowMs, false, "mqtt connected but subscribe failed");
                return;
            }

            if (_sessions)
            {
                // Nothing is pushed before the receipt topic is subscribed: a receipt sent earlier would be lost.
                _deadlineMs = nowMs + _options.SubscribeTimeoutMs;
                SetState(SessionState.Subscribing, nowMs, LogLevel.Info, "mqtt connected; subscribing");
                return;
            }

            byte[] online = _transport.OnlinePayload;
            if (_transport.StatusTopic != null && online != null)
            {
                int id = _mqtt.Publish(_transport.StatusTopic, online, 1);
                if (id < 0)
                {
                    _mqtt.Close();
                    EnterBackoff(nowMs, false, "mqtt connected but the online status publish failed");
                    return;
                }

                _pending.Track(id, true, nowMs);
            }

            GoOnline(nowMs, "mqtt connected");
        }

        private void GoOnline(long nowMs, string reason)
        {
            SetState(SessionState.Online, nowMs, LogLevel.Info, reason);
            _nextNetworkCheckMs = nowMs + NetworkCheckMs;
            _report.WentOnline = true;
        }

        private void HandleConnectFailure(long nowMs, bool refused, int code, ConnectFailure failure, string text)
        {
            // M2Mqtt's receive thread keeps spinning after a failed Connect unless Close() is called.
            _mqtt.Close();
            _connectStarted = false;

            // The broker is not reachable, so the node no longer "believes it is connected": the self-heal clock
            // starts again (a broker outage is not something a reboot fixes).
            _pending.ForgetUnacked();
            LastConnectFailure = failure;
            if (code > 0)
            {
                LastRefusalCode = code;
            }

            // A refused or unspoken version: try the next one at once (first connection of the boot only).
            // A probable credentials refusal (the adapter's third close in a row) is not a version problem.
            bool closedEarly = !refused && code < 0 && failure == ConnectFailure.Communication;
            if ((closedEarly || (refused && (code == 1 || code == 0x84))) && _versions.TryNext())
            {
                _request.ProtocolLevel = _versions.Level;
                EnterMqttConnecting(nowMs, "mqtt: " + (refused ? "CONNACK " + code.ToString() : "closed before CONNACK")
                    + "; trying MQTT " + ProtocolFallback.Name(_versions.Level));
                return;
            }

            _request.ProtocolLevel = _versions.Level;
            bool probable = failure == ConnectFailure.ProbableAuthRefusal;
            if (ConnectionText.IsCredentialsRefusal(code) || probable)
            {
                AuthFailures++;
                _authBlocked = true;
                _authBlockedUntilMs = nowMs + _options.AuthRetryIntervalMs;
                _justDropped = false;
                SetState(SessionState.AuthFailed, nowMs, LogLevel.Error, (probable
                    ? "mqtt: token probably refused (3 closes after CONNECT, no CONNACK; else MQTT version or per-IP limit)"
                    : "mqtt refused: bad credentials (CONNACK " + code.ToString() + ", " + ConnectionText.RefusalName(code)
                        + (refused ? "" : ", reported as an exception") + ")")
                    + "; auth failures " + AuthFailures.ToString() + ", next attempt in "
                    + (_options.AuthRetryIntervalMs / 1000).ToString() + " s");
                return;
            }

            if (text == null)
            {
                text = refused
                    ? "mqtt refused: CONNACK " + code.ToString() + " (" + ConnectionText.RefusalName(code) + ")"
                    : "mqtt connect failed: " + ConnectionText.FailureName(failure) + (code >= 0 ? " (CONNACK " + code.ToString() + " seen)" : "");
            }

            // M2Mqtt may throw a stale exception from the previous connection on the first reconnect although the
            // broker accepted it: retry that once at once, then back off.
            bool looksStale = !refused && (failure == ConnectFailure.Communication || code == 0);
            if (_justDropped && !_staleRetryUsed && looksStale)
            {
                _staleRetryUsed = true;
                EnterMqttConnecting(nowMs, text + "; first reconnect after a drop, retrying once now");
                return;
            }

            _justDropped = false;
            EnterBackoff(nowMs, false, text);
        }

        private void RunOnline(long nowMs)
        {
            if (!_mqtt.IsConnected)
            {
                LinkLost(nowMs, "mqtt connection lost: client reports disconnected");
                return;
            }

            if (_pending.Count > 0 && nowMs - _pending.OldestSentMs >= _ackTimeoutMs)
            {
                DeadLinkDrops++;
                DropLink(nowMs, "mqtt dead link: no PUBACK for message " + _pending.OldestId.ToString() + " within "
                    + _options.AckTimeoutMs.ToString() + " ms");
                return;
            }

            if (!_stableReached && nowMs - _connectedAtMs >= _stableMs)
            {
                _stableReached = true;
                _mqttBackoff.Reset();
                Log(LogLevel.Debug, "mqtt connection stable: backoff reset");
            }

            // Self-heal: believed connected at QoS 1, yet nothing acknowledged for the configured time.
            if (SelfHealArmed && nowMs - _pending.UnackedSinceMs >= _selfHealMs)
            {
                Log(LogLevel.Error, "self-heal: no PUBACK for " + (nowMs - _pending.UnackedSinceMs).ToString()
                    + " ms while connected at qos 1; rebooting");
                RebootReason = RebootReason.NoAckTimeout;
                BeginStop(nowMs, true);
            }
        }

        private void DropLink(long nowMs, string reason)
        {
            _mqtt.Close();
            _pending.LoseAll(_report);
            _justDropped = true;
            _staleRetryUsed = false;
            EnterBackoff(nowMs, false, reason);
            _report.WentOffline = true;
        }

        private void EnterBackoff(long nowMs, bool wifi, string reason)
        {
            Backoff backoff = wifi ? _wifiBackoff : _mqttBackoff;
            int window = backoff.WindowMs;
            int attempt = backoff.Attempts + 1;
            int delay = backoff.NextDelayMs();
            _backoffForWifi = wifi;
            _deadlineMs = nowMs + delay;
            SetState(SessionState.Backoff, nowMs, LogLevel.Warning, reason + "; backoff " + delay.ToString() + " ms ("
                + (wifi ? "wifi" : "mqtt") + " attempt " + attempt.ToString() + ", window " + window.ToString() + " ms)");
        }

        private void SetState(SessionState state, long nowMs, LogLevel level, string reason)
        {
            _state = state;
            _stopped = state == SessionState.Stopped || state == SessionState.Rebooting;
            _stateSinceMs = nowMs;
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
