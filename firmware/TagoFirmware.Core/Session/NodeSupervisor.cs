using System;

namespace TagoFirmware.Session
{
    /// <summary>
    /// The session state machine of a node: WiFi → valid clock → MQTT connected → online, with jittered backoff,
    /// a slow credentials-refused state, dead-link detection and a last-resort reboot. One <see cref="Step"/> call per
    /// main-loop turn does all the work; nothing in here blocks, sleeps or starts threads, so every path runs under a
    /// fake clock in tests. README "How the node behaves" has the transition table and the log markers.
    /// </summary>
    /// <remarks>
    /// Threading: every member except <see cref="CompletedSteps"/> must be called from the main loop thread.
    /// <see cref="CompletedSteps"/> is an int (atomic to read on a 32-bit MCU) for the device watchdog thread.
    /// </remarks>
    public sealed class NodeSupervisor
    {
        /// <summary>At most this many inbox events are handled per step, so a message flood cannot starve the loop.</summary>
        public const int MaxEventsPerStep = 32;

        /// <summary>
        /// Extra time the supervisor grants a WiFi attempt beyond its own deadline before calling it failed (the
        /// adapter's cancellation token should have ended it already).
        /// </summary>
        public const int WifiDeadlineGraceMs = 5000;

        private const int ResumeWifi = 0;
        private const int ResumeMqtt = 1;

        private readonly SessionOptions _options;
        private readonly IUplinkTransport _transport;
        private readonly IClock _clock;
        private readonly INetworkLink _network;
        private readonly ITimeSync _timeSync;
        private readonly IMqttLink _mqtt;
        private readonly ISessionListener _listener;
        private readonly ILog _log;
        private readonly IStatusIndicator _status;
        private readonly IDeviceControl _device;
        private readonly Backoff _wifiBackoff;
        private readonly Backoff _mqttBackoff;
        private readonly MqttConnectRequest _request;
        private readonly LinkEvent _event = new LinkEvent();
        private readonly string _endpoint;
        private readonly string _configError;

        // Unacknowledged QoS 1 publishes, as parallel arrays (no struct arrays on nanoFramework).
        private readonly int[] _pendingIds;
        private readonly long[] _pendingSentMs;
        private readonly bool[] _pendingInternal;
        private int _pendingCount;

        private SessionState _state;
        private long _stateSinceMs;
        private long _nowMs;
        private bool _started;
        private NodeStatus _shownStatus = NodeStatus.Starting;

        private long _wifiDeadlineMs;
        private long _nextClockSyncMs;
        private bool _connectStarted;
        private long _mqttDeadlineMs;
        private int _backoffResume;
        private long _backoffUntilMs;
        private long _authBlockedUntilMs;
        private bool _authBlocked;

        private long _connectedAtMs;
        private bool _stableReached;
        private bool _everConnected;
        private bool _justDropped;
        private bool _staleRetryUsed;
        private long _unackedSinceMs = -1;

        private int _reconnects;
        private int _authFailures;
        private int _connectAttempts;
        private int _deadLinkDrops;
        private int _lastRefusalCode = -1;
        private ConnectFailure _lastConnectFailure = ConnectFailure.None;
        // Written with Interlocked (a full fence) so the watchdog thread sees progress; nanoFramework has no volatile.
        private int _completedSteps;

        /// <summary>Creates the supervisor in WifiDown (or ConfigInvalid when the options do not validate).</summary>
        /// <param name="options">Session options; read once here and on every step, never changed.</param>
        /// <param name="transport">The uplink protocol (e.g. <see cref="TagoMqttJsonTransport"/>).</param>
        /// <param name="ports">The platform ports; Clock, Network, Mqtt and Random are required.</param>
        /// <exception cref="ArgumentNullException">A required argument or port is missing (a wiring error at start-up).</exception>
        public NodeSupervisor(SessionOptions options, IUplinkTransport transport, SessionPorts ports)
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
            _listener = ports.Listener;
            _log = ports.Log;
            _status = ports.Status;
            _device = ports.Device;
            _wifiBackoff = new Backoff(options.BackoffBaseMs, options.BackoffCapMs, ports.Random);
            _mqttBackoff = new Backoff(options.BackoffBaseMs, options.BackoffCapMs, ports.Random);

            int capacity = options.MaxInFlight < 1 ? 1 : options.MaxInFlight;

            // One slot more than the application may use: the "online" status publish is tracked too.
            _pendingIds = new int[capacity + 1];
            _pendingSentMs = new long[capacity + 1];
            _pendingInternal = new bool[capacity + 1];

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
            transport.PrepareConnect(_request, options.Token);

            _configError = options.Validate();
            _state = _configError == null ? SessionState.WifiDown : SessionState.ConfigInvalid;
        }

        /// <summary>The current state.</summary>
        public SessionState State
        {
            get { return _state; }
        }

        /// <summary>Monotonic time the current state was entered.</summary>
        public long StateSinceMs
        {
            get { return _stateSinceMs; }
        }

        /// <summary>True while application publishes are accepted.</summary>
        public bool IsOnline
        {
            get { return _state == SessionState.Online; }
        }

        /// <summary>The options' validation error when in ConfigInvalid, else null.</summary>
        public string ConfigError
        {
            get { return _configError; }
        }

        /// <summary>The uplink transport (topics, payload format).</summary>
        public IUplinkTransport Transport
        {
            get { return _transport; }
        }

        /// <summary>Successful MQTT connects that followed an earlier connection (diagnostics "reconnects").</summary>
        public int Reconnects
        {
            get { return _reconnects; }
        }

        /// <summary>Connect attempts the broker refused for bad credentials (diagnostics "auth_failures").</summary>
        public int AuthFailures
        {
            get { return _authFailures; }
        }

        /// <summary>MQTT connect attempts started.</summary>
        public int ConnectAttempts
        {
            get { return _connectAttempts; }
        }

        /// <summary>Links dropped because a QoS 1 publish went unacknowledged past the ack timeout.</summary>
        public int DeadLinkDrops
        {
            get { return _deadLinkDrops; }
        }

        /// <summary>The last refusal code (CONNACK) seen, or -1.</summary>
        public int LastRefusalCode
        {
            get { return _lastRefusalCode; }
        }

        /// <summary>
        /// How the latest failed connect attempt failed (None after a refusal, which <see cref="LastRefusalCode"/>
        /// describes; reset to None on success). The host twin maps Tls to its exit code 4.
        /// </summary>
        public ConnectFailure LastConnectFailure
        {
            get { return _lastConnectFailure; }
        }

        /// <summary>The MQTT backoff's failure count (resets after a connection stayed up <see cref="SessionOptions.StableConnectionMs"/>).</summary>
        public int MqttBackoffAttempts
        {
            get { return _mqttBackoff.Attempts; }
        }

        /// <summary>QoS 1 publishes (application and status) awaiting their PUBACK.</summary>
        public int InFlightCount
        {
            get { return _pendingCount; }
        }

        /// <summary>
        /// Steps completed since start (wraps at int.MaxValue to int.MinValue). The device watchdog thread reads it and
        /// reboots when it has not changed for 2 minutes: the main loop is hung. Safe to read from any thread.
        /// </summary>
        public int CompletedSteps
        {
            get { return _completedSteps; }
        }

        /// <summary>Monotonic time of the latest step.</summary>
        public long LastStepMs
        {
            get { return _nowMs; }
        }

        /// <summary>
        /// Runs one turn of the state machine: drains the link inbox, checks the lower layers, advances the current
        /// state, then calls <see cref="ISessionListener.OnStep"/>. Returns quickly; never throws.
        /// </summary>
        /// <param name="nowMs">The monotonic time (<see cref="IClock.MonotonicMs"/>) of this step.</param>
        public void Step(long nowMs)
        {
            _nowMs = nowMs;
            try
            {
                if (!_started)
                {
                    Start(nowMs);
                }

                if (_state != SessionState.Rebooting && _state != SessionState.Stopped)
                {
                    DrainEvents(nowMs);
                    CheckNetwork(nowMs);
                    RunState(nowMs);
                }
            }
            catch (Exception ex)
            {
                // A port broke its no-throw contract. Log the type only (a message could carry anything) and go on.
                Log(LogLevel.Error, "session error: " + ex.GetType().Name + " in state " + StateName(_state));
            }

            if (_listener != null)
            {
                try
                {
                    _listener.OnStep(nowMs);
                }
                catch (Exception ex)
                {
                    Log(LogLevel.Error, "listener error: " + ex.GetType().Name + " in OnStep");
                }
            }

            System.Threading.Interlocked.Increment(ref _completedSteps);
        }

        /// <summary>Publishes an application payload on the transport's data topic at the configured QoS.</summary>
        /// <param name="payload">The encoded payload (the transport's <see cref="IUplinkTransport.Format"/>).</param>
        /// <returns>A message id (≥ 0), or a negative <see cref="PublishError"/>.</returns>
        public int PublishData(byte[] payload)
        {
            return Publish(_transport.DataTopic, payload, _options.Qos);
        }

        /// <summary>
        /// Publishes through the session (never retained). At QoS 1 the supervisor tracks the id: the listener hears
        /// <see cref="ISessionListener.OnPublishAcked"/> or <see cref="ISessionListener.OnPublishLost"/> for it later;
        /// at QoS 0 a non-negative result means delivered (sent). The ack timeout runs from <see cref="IClock.MonotonicMs"/> now.
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
            if (qos == 1 && _pendingCount >= _pendingIds.Length - 1)
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
                Track(id, false, _clock.MonotonicMs);
            }

            return id;
        }

        /// <summary>
        /// Ends the session on purpose (host twin exit): reports outstanding publishes lost, disconnects gracefully
        /// (the broker then does not publish the will) and stops acting.
        /// </summary>
        public void Shutdown()
        {
            bool wasOnline = _state == SessionState.Online;
            ReportAllLost();
            if (_state == SessionState.Online || _state == SessionState.MqttConnecting)
            {
                _mqtt.Disconnect();
            }

            _mqtt.Close();
            SetState(SessionState.Stopped, _nowMs, LogLevel.Info, "session stopped");
            if (wasOnline)
            {
                NotifyOffline();
            }
        }

        private void Start(long nowMs)
        {
            _started = true;
            _stateSinceMs = nowMs;
            Log(
                LogLevel.Info,
                "session start: " + _endpoint + ", client id " + _options.ClientId + ", transport " + _transport.Name
                    + ", qos " + _options.Qos.ToString());
            if (_state == SessionState.ConfigInvalid)
            {
                Log(LogLevel.Error, "config invalid: " + _configError + " -> ConfigInvalid");
                ShowStatus(NodeStatus.ConfigInvalid);
            }
            else
            {
                ShowStatus(NodeStatus.NoWifi);
            }
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
                    RunMqttConnecting(nowMs);
                    break;
                case SessionState.Online:
                    RunOnline(nowMs);
                    break;
                case SessionState.Backoff:
                    if (nowMs >= _backoffUntilMs)
                    {
                        if (_backoffResume == ResumeWifi)
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
                default:
                    break;
            }
        }

        // ---- WiFi layer ------------------------------------------------------------------------------------------

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
                _wifiDeadlineMs = nowMs + _options.WifiConnectTimeoutMs + WifiDeadlineGraceMs;
                SetState(
                    SessionState.WifiConnecting,
                    nowMs,
                    LogLevel.Info,
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
                return;
            }

            if (result == NetworkConnectResult.Failed)
            {
                EnterBackoff(nowMs, ResumeWifi, "wifi failed: no IP address");
            }
            else if (result == NetworkConnectResult.TimedOut)
            {
                EnterBackoff(nowMs, ResumeWifi, "wifi failed: timed out");
            }
            else if (nowMs >= _wifiDeadlineMs)
            {
                EnterBackoff(nowMs, ResumeWifi, "wifi failed: no outcome by the deadline");
            }
        }

        private void CheckNetwork(long nowMs)
        {
            bool aboveWifi = _state == SessionState.ClockWait || _state == SessionState.MqttConnecting
                || _state == SessionState.Online || _state == SessionState.AuthFailed
                || (_state == SessionState.Backoff && _backoffResume == ResumeMqtt);
            if (!aboveWifi || _network.IsUp)
            {
                return;
            }

            bool wasOnline = _state == SessionState.Online;
            if (_state == SessionState.Online || _state == SessionState.MqttConnecting)
            {
                _mqtt.Close();
                _connectStarted = false;
            }

            ReportAllLost();
            if (wasOnline)
            {
                _justDropped = true;
                _staleRetryUsed = false;
            }

            _unackedSinceMs = -1;
            SetState(SessionState.WifiDown, nowMs, LogLevel.Warning, "wifi lost");
            if (wasOnline)
            {
                NotifyOffline();
            }
        }

        // ---- clock layer -----------------------------------------------------------------------------------------

        private void EnterMqttLayer(long nowMs, string reason)
        {
            if (!_network.IsUp)
            {
                SetState(SessionState.WifiDown, nowMs, LogLevel.Warning, "wifi lost");
                RunWifiDown(nowMs);
                return;
            }

            if (!WallClock.IsValid(_clock.UtcNow))
            {
                _unackedSinceMs = -1;
                _nextClockSyncMs = nowMs + _options.ClockResyncIntervalMs;
                RequestTimeSync();
                SetState(SessionState.ClockWait, nowMs, LogLevel.Info, reason + "; clock not set, waiting for SNTP");
                return;
            }

            if (_authBlocked && nowMs < _authBlockedUntilMs)
            {
                _unackedSinceMs = -1;
                SetState(
                    SessionState.AuthFailed,
                    nowMs,
                    LogLevel.Warning,
                    reason + "; credentials were refused, next attempt in "
                        + (_authBlockedUntilMs - nowMs).ToString() + " ms");
                return;
            }

            EnterMqttConnecting(nowMs, reason);
        }

        private void RunClockWait(long nowMs)
        {
            if (WallClock.IsValid(_clock.UtcNow))
            {
                EnterMqttLayer(nowMs, "clock valid");
                return;
            }

            if (nowMs >= _nextClockSyncMs)
            {
                _nextClockSyncMs = nowMs + _options.ClockResyncIntervalMs;
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

        // ---- MQTT layer ------------------------------------------------------------------------------------------

        private void EnterMqttConnecting(long nowMs, string reason)
        {
            _connectStarted = false;
            _mqttDeadlineMs = nowMs + _options.MqttConnectTimeoutMs;
            SetState(
                SessionState.MqttConnecting,
                nowMs,
                LogLevel.Info,
                reason + "; mqtt connecting to " + _endpoint + " (attempt " + (_connectAttempts + 1).ToString() + ")");
            TryBeginConnect();
        }

        private void TryBeginConnect()
        {
            if (_connectStarted)
            {
                return;
            }

            if (_mqtt.BeginConnect(_request))
            {
                _connectStarted = true;
                _connectAttempts++;
            }
        }

        private void RunMqttConnecting(long nowMs)
        {
            TryBeginConnect();
            if (nowMs >= _mqttDeadlineMs)
            {
                HandleConnectFailure(
                    nowMs,
                    false,
                    -1,
                    ConnectFailure.Timeout,
                    "mqtt connect timed out after " + _options.MqttConnectTimeoutMs.ToString() + " ms");
            }
        }

        private void DrainEvents(long nowMs)
        {
            for (int i = 0; i < MaxEventsPerStep; i++)
            {
                if (!_mqtt.TryTakeEvent(_event))
                {
                    return;
                }

                HandleEvent(nowMs, _event);
                _event.Clear();
                if (_state == SessionState.Rebooting || _state == SessionState.Stopped)
                {
                    return;
                }
            }
        }

        private void HandleEvent(long nowMs, LinkEvent e)
        {
            switch (e.Kind)
            {
                case LinkEventKind.ConnectSucceeded:
                    if (_state == SessionState.MqttConnecting && _connectStarted)
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
                    if (_state == SessionState.MqttConnecting && _connectStarted)
                    {
                        HandleConnectFailure(nowMs, true, e.ReasonCode, ConnectFailure.None, null);
                    }

                    break;
                case LinkEventKind.ConnectFailed:
                    if (_state == SessionState.MqttConnecting && _connectStarted)
                    {
                        HandleConnectFailure(nowMs, false, e.ReasonCode, e.Failure, null);
                    }

                    break;
                case LinkEventKind.PublishAcked:
                    OnAck(nowMs, e.MessageId);
                    break;
                case LinkEventKind.PublishFailed:
                    OnPublishFailed(nowMs, e.MessageId);
                    break;
                case LinkEventKind.MessageReceived:
                    if (_state == SessionState.Online && _listener != null)
                    {
                        try
                        {
                            _listener.OnMessageReceived(e.Topic, e.Payload);
                        }
                        catch (Exception ex)
                        {
                            Log(LogLevel.Error, "listener error: " + ex.GetType().Name + " in OnMessageReceived");
                        }
                    }

                    break;
                case LinkEventKind.Closed:
                    if (_state == SessionState.Online)
                    {
                        DropLink(nowMs, "mqtt connection lost: closed by the broker or the network");
                    }

                    break;
                default:
                    break;
            }
        }

        private void OnConnected(long nowMs)
        {
            _connectStarted = false;
            if (_everConnected)
            {
                _reconnects++;
            }

            _everConnected = true;
            _lastConnectFailure = ConnectFailure.None;
            _justDropped = false;
            _staleRetryUsed = false;
            _connectedAtMs = nowMs;
            _stableReached = false;

            // Clean session: the command subscription is made again after every connect (TagoIO guide,
            // "Subscribing to Topics"); the "online" status matches the will (QoS 1, never retained).
            string filter = _transport.CommandTopicFilter;
            if (filter != null && _mqtt.Subscribe(filter, 1) < 0)
            {
                _mqtt.Close();
                EnterBackoff(nowMs, ResumeMqtt, "mqtt connected but subscribe failed");
                return;
            }

            byte[] online = _transport.OnlinePayload;
            if (_transport.StatusTopic != null && online != null)
            {
                int id = _mqtt.Publish(_transport.StatusTopic, online, 1);
                if (id < 0)
                {
                    _mqtt.Close();
                    EnterBackoff(nowMs, ResumeMqtt, "mqtt connected but the online status publish failed");
                    return;
                }

                Track(id, true, nowMs);
            }

            SetState(SessionState.Online, nowMs, LogLevel.Info, "mqtt connected");
            if (_listener != null)
            {
                try
                {
                    _listener.OnOnline();
                }
                catch (Exception ex)
                {
                    Log(LogLevel.Error, "listener error: " + ex.GetType().Name + " in OnOnline");
                }
            }
        }

        private void HandleConnectFailure(long nowMs, bool refused, int code, ConnectFailure failure, string text)
        {
            // M2Mqtt's receive thread keeps spinning after a failed Connect unless Close() is called.
            _mqtt.Close();
            _connectStarted = false;

            // A failed connect means the broker is not reachable, so the node no longer "believes it is connected":
            // the self-heal clock starts again (a broker outage is not something a reboot fixes).
            _unackedSinceMs = -1;
            _lastConnectFailure = failure;
            if (code > 0)
            {
                _lastRefusalCode = code;
            }

            bool probable = failure == ConnectFailure.ProbableAuthRefusal;
            if (IsCredentialsRefusal(code) || probable)
            {
                _authFailures++;
                _authBlocked = true;
                _authBlockedUntilMs = nowMs + _options.AuthRetryIntervalMs;
                _justDropped = false;
                _unackedSinceMs = -1;
                SetState(
                    SessionState.AuthFailed,
                    nowMs,
                    LogLevel.Error,
                    (probable
                        ? "mqtt: token probably refused (3 closes after CONNECT, no CONNACK; else MQTT version or per-IP limit)"
                        : "mqtt refused: bad credentials (CONNACK " + code.ToString() + ", " + RefusalName(code)
                            + (refused ? "" : ", reported as an exception") + ")") + "; auth failures "
                        + _authFailures.ToString() + ", next attempt in "
                        + (_options.AuthRetryIntervalMs / 1000).ToString() + " s");
                return;
            }

            if (text == null)
            {
                text = refused
                    ? "mqtt refused: CONNACK " + code.ToString() + " (" + RefusalName(code) + ")"
                    : "mqtt connect failed: " + FailureName(failure) + (code >= 0 ? " (CONNACK " + code.ToString() + " seen)" : "");
            }

            // M2Mqtt may throw a stale exception from the previous connection on the first reconnect even though the
            // broker accepted it (m2mqtt-behaviour.md): retry that once at once, then back off.
            bool looksStale = !refused && (failure == ConnectFailure.Communication || code == 0);
            if (_justDropped && !_staleRetryUsed && looksStale)
            {
                _staleRetryUsed = true;
                EnterMqttConnecting(nowMs, text + "; first reconnect after a drop, retrying once now");
                return;
            }

            _justDropped = false;
            EnterBackoff(nowMs, ResumeMqtt, text);
        }

        private void RunOnline(long nowMs)
        {
            if (!_mqtt.IsConnected)
            {
                DropLink(nowMs, "mqtt connection lost: client reports disconnected");
                return;
            }

            for (int i = 0; i < _pendingCount; i++)
            {
                if (nowMs - _pendingSentMs[i] >= _options.AckTimeoutMs)
                {
                    _deadLinkDrops++;
                    DropLink(
                        nowMs,
                        "mqtt dead link: no PUBACK for message " + _pendingIds[i].ToString() + " within "
                            + _options.AckTimeoutMs.ToString() + " ms");
                    return;
                }
            }

            if (!_stableReached && nowMs - _connectedAtMs >= _options.StableConnectionMs)
            {
                _stableReached = true;
                _mqttBackoff.Reset();
                Log(LogLevel.Debug, "mqtt connection stable: backoff reset");
            }

            // Self-heal (b): believed connected at QoS 1, yet nothing acknowledged for the configured time.
            if (_options.Qos == 1 && _options.NoAckRebootMs > 0 && _unackedSinceMs >= 0
                && nowMs - _unackedSinceMs >= _options.NoAckRebootMs)
            {
                RebootForSelfHeal(nowMs);
            }
        }

        private void DropLink(long nowMs, string reason)
        {
            _mqtt.Close();
            ReportAllLost();
            _justDropped = true;
            _staleRetryUsed = false;
            EnterBackoff(nowMs, ResumeMqtt, reason);
            NotifyOffline();
        }

        private void EnterBackoff(long nowMs, int resume, string reason)
        {
            Backoff backoff = resume == ResumeWifi ? _wifiBackoff : _mqttBackoff;
            int window = backoff.WindowMs;
            int attempt = backoff.Attempts + 1;
            int delay = backoff.NextDelayMs();
            _backoffResume = resume;
            _backoffUntilMs = nowMs + delay;
            SetState(
                SessionState.Backoff,
                nowMs,
                LogLevel.Warning,
                reason + "; backoff " + delay.ToString() + " ms (" + (resume == ResumeWifi ? "wifi" : "mqtt")
                    + " attempt " + attempt.ToString() + ", window " + window.ToString() + " ms)");
        }

        private void RebootForSelfHeal(long nowMs)
        {
            Log(
                LogLevel.Error,
                "self-heal: no PUBACK for " + (nowMs - _unackedSinceMs).ToString()
                    + " ms while connected at qos 1; rebooting -> Rebooting");
            _state = SessionState.Rebooting;
            _stateSinceMs = nowMs;
            if (_listener != null)
            {
                try
                {
                    _listener.OnRebootPending(RebootReason.NoAckTimeout);
                }
                catch (Exception ex)
                {
                    Log(LogLevel.Error, "listener error: " + ex.GetType().Name + " in OnRebootPending");
                }
            }

            _mqtt.Close();
            if (_device != null)
            {
                _device.Reboot(RebootReason.NoAckTimeout);
            }
        }

        // ---- publish tracking ------------------------------------------------------------------------------------

        private void Track(int id, bool isInternal, long sentMs)
        {
            if (_pendingCount >= _pendingIds.Length)
            {
                return;
            }

            _pendingIds[_pendingCount] = id;
            _pendingSentMs[_pendingCount] = sentMs;
            _pendingInternal[_pendingCount] = isInternal;
            _pendingCount++;
            if (_unackedSinceMs < 0)
            {
                _unackedSinceMs = sentMs;
            }
        }

        private int FindPending(int id)
        {
            for (int i = 0; i < _pendingCount; i++)
            {
                if (_pendingIds[i] == id)
                {
                    return i;
                }
            }

            return -1;
        }

        private bool RemovePending(int index)
        {
            bool isInternal = _pendingInternal[index];
            for (int i = index + 1; i < _pendingCount; i++)
            {
                _pendingIds[i - 1] = _pendingIds[i];
                _pendingSentMs[i - 1] = _pendingSentMs[i];
                _pendingInternal[i - 1] = _pendingInternal[i];
            }

            _pendingCount--;
            return isInternal;
        }

        private void OnAck(long nowMs, int id)
        {
            int index = FindPending(id);
            if (index < 0)
            {
                return;
            }

            bool isInternal = RemovePending(index);
            _unackedSinceMs = _pendingCount > 0 ? nowMs : -1;
            if (!isInternal && _listener != null)
            {
                try
                {
                    _listener.OnPublishAcked(id);
                }
                catch (Exception ex)
                {
                    Log(LogLevel.Error, "listener error: " + ex.GetType().Name + " in OnPublishAcked");
                }
            }
        }

        private void OnPublishFailed(long nowMs, int id)
        {
            int index = FindPending(id);
            if (index < 0)
            {
                return;
            }

            bool isInternal = RemovePending(index);
            if (!isInternal)
            {
                NotifyLost(id);
            }

            if (_state == SessionState.Online)
            {
                DropLink(nowMs, "mqtt publish failed: message " + id.ToString() + " given up by the client");
            }
        }

        private void ReportAllLost()
        {
            while (_pendingCount > 0)
            {
                int id = _pendingIds[0];
                if (!RemovePending(0))
                {
                    NotifyLost(id);
                }
            }
        }

        private void NotifyLost(int id)
        {
            if (_listener == null)
            {
                return;
            }

            try
            {
                _listener.OnPublishLost(id);
            }
            catch (Exception ex)
            {
                Log(LogLevel.Error, "listener error: " + ex.GetType().Name + " in OnPublishLost");
            }
        }

        private void NotifyOffline()
        {
            if (_listener == null)
            {
                return;
            }

            try
            {
                _listener.OnOffline();
            }
            catch (Exception ex)
            {
                Log(LogLevel.Error, "listener error: " + ex.GetType().Name + " in OnOffline");
            }
        }

        // ---- states, status, logging -----------------------------------------------------------------------------

        private void SetState(SessionState state, long nowMs, LogLevel level, string reason)
        {
            _state = state;
            _stateSinceMs = nowMs;
            Log(level, reason + " -> " + StateName(state));
            ShowStatus(StatusFor(state));
        }

        private NodeStatus StatusFor(SessionState state)
        {
            switch (state)
            {
                case SessionState.ConfigInvalid:
                    return NodeStatus.ConfigInvalid;
                case SessionState.WifiDown:
                case SessionState.WifiConnecting:
                    return NodeStatus.NoWifi;
                case SessionState.ClockWait:
                    return NodeStatus.NoClock;
                case SessionState.Online:
                    return NodeStatus.Online;
                case SessionState.AuthFailed:
                    return NodeStatus.CredentialsRefused;
                case SessionState.Backoff:
                    return _backoffResume == ResumeWifi ? NodeStatus.NoWifi : NodeStatus.NoBroker;
                case SessionState.MqttConnecting:
                    return NodeStatus.NoBroker;
                default:
                    return _shownStatus;
            }
        }

        private void ShowStatus(NodeStatus status)
        {
            if (status == _shownStatus || _status == null)
            {
                _shownStatus = status;
                return;
            }

            _shownStatus = status;
            _status.Show(status);
        }

        private void Log(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, message);
            }
        }

        /// <summary>True for the CONNACK codes that mean "credentials refused": 4, 5 (MQTT 3.1.1 §3.2.2.3) and 0x86, 0x87 (MQTT 5 §3.2.2.2).</summary>
        /// <param name="code">A CONNACK return/reason code, or -1.</param>
        /// <returns>Whether the code refuses the credentials.</returns>
        public static bool IsCredentialsRefusal(int code)
        {
            return code == 4 || code == 5 || code == 0x86 || code == 0x87;
        }

        /// <summary>The stable name of a state, as it appears after "->" in log lines.</summary>
        /// <param name="state">The state.</param>
        /// <returns>Its name (nanoFramework's Enum.ToString gives numbers).</returns>
        public static string StateName(SessionState state)
        {
            switch (state)
            {
                case SessionState.ConfigInvalid:
                    return "ConfigInvalid";
                case SessionState.WifiDown:
                    return "WifiDown";
                case SessionState.WifiConnecting:
                    return "WifiConnecting";
                case SessionState.ClockWait:
                    return "ClockWait";
                case SessionState.MqttConnecting:
                    return "MqttConnecting";
                case SessionState.Online:
                    return "Online";
                case SessionState.Backoff:
                    return "Backoff";
                case SessionState.AuthFailed:
                    return "AuthFailed";
                case SessionState.Rebooting:
                    return "Rebooting";
                case SessionState.Stopped:
                    return "Stopped";
                default:
                    return "Unknown";
            }
        }

        private static string RefusalName(int code)
        {
            switch (code)
            {
                case 1:
                    return "unacceptable protocol version";
                case 2:
                    return "identifier rejected";
                case 3:
                    return "server unavailable";
                case 4:
                case 0x86:
                    return "bad user name or password";
                case 5:
                case 0x87:
                    return "not authorized";
                default:
                    return "reason " + code.ToString();
            }
        }

        private static string FailureName(ConnectFailure failure)
        {
            switch (failure)
            {
                case ConnectFailure.Dns:
                    return "dns";
                case ConnectFailure.Network:
                    return "network";
                case ConnectFailure.Tls:
                    return "tls/certificate";
                case ConnectFailure.Timeout:
                    return "timeout";
                case ConnectFailure.Communication:
                    return "communication";
                case ConnectFailure.Internal:
                    return "internal";
                case ConnectFailure.Protocol:
                    return "protocol";
                default:
                    return "unknown";
            }
        }
    }
}
