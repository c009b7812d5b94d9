using System;
using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>The connection state machine: link events, the way up, dead-link drops, self-heal, short sessions, orderly stop (README "How the node behaves"). Never blocks; main loop only.</summary>
    public sealed class ConnectionSupervisor : ConnectionStates
    {
        /// <summary>At most this many inbox events are handled per step, so a message flood cannot starve the loop.</summary>
        public const int MaxEventsPerStep = 32;

        /// <summary>Publish result: the session is not online (or the link not connected): nothing was sent. Non-negative results are message ids.</summary>
        public const int NotOnline = -1;

        /// <summary>Publish result: the client library refused the message (in-flight queue full, bad topic, no payload, exception).</summary>
        public const int Rejected = -2;

        /// <summary>Publish result: the supervisor already tracks its maximum of unacknowledged QoS 1 publishes; retry after an ack.</summary>
        public const int TooManyInFlight = -4;

        /// <summary>An orderly stop waits at most this long for the PUBACK of the "offline" status before DISCONNECT.</summary>
        public const int StopAckWaitMs = 2000;

        private const int Waiting = (1 << (int)SessionState.Backoff) | (1 << (int)SessionState.AuthFailed) | (1 << (int)SessionState.Stopping);

        private readonly UplinkTransport _transport;
        private readonly LinkEvent _event = new LinkEvent();
        private int _subscribeId;
        private long _nowMs;
        private int _offlineStatusId;
        private int _reconnects;
        private RebootReason _rebootReason;

        /// <summary>Creates the supervisor in WifiDown and logs the session's settings; the options come from a validated config.</summary>
        public ConnectionSupervisor(SessionOptions options, UplinkTransport transport, NodePorts ports)
            : base(options, transport, ports, MaxEventsPerStep)
        {
            _transport = transport;
            Log(LogLevel.Info, "session start: " + _endpoint + ", client id " + options.ClientId + ", transport "
                + transport.Name + ", qos " + options.Qos.ToString() + ", mqtt " + (_levelCount > 0 ? "auto" : VersionName(options.ProtocolLevel)));
            ShowStatus();
        }

        /// <summary>True while application publishes are accepted.</summary>
        public bool IsOnline => _state == SessionState.Online;

        /// <summary>True once an orderly stop has ended (or a reboot was requested): nothing more happens.</summary>
        public bool IsStopped => _stopped;

        /// <summary>Self-heal asked for a reboot (None otherwise): once <see cref="IsStopped"/>, the node flushes and reboots.</summary>
        public RebootReason RebootReason => _rebootReason;

        /// <summary>The uplink transport (topics, payload format).</summary>
        public UplinkTransport Transport => _transport;

        /// <summary>What the latest step (or <see cref="Stop"/>) produced; read it before the next step.</summary>
        public LinkReport Report => _report;

        /// <summary>Successful MQTT connects that followed an earlier connection (diagnostics "reconnects").</summary>
        public int Reconnects => _reconnects;

        /// <summary>Monotonic time the current (or latest) MQTT connection was established.</summary>
        public long ConnectedAtMs => _connectedAtMs;

        /// <summary>Short sessions: true from <see cref="OpenSession"/> until the session ends.</summary>
        public bool SessionWanted => _wanted;

        /// <summary>When the next step is due without a link event (long.MaxValue = never).</summary>
        public long NextDueMs
        {
            get
            {
                if (_state == SessionState.Online)
                {
                    long atMs = DeadAtMs, stableMs = StableAtMs, healMs = HealAtMs;
                    atMs = stableMs < atMs ? stableMs : atMs;
                    return healMs < atMs ? healMs : atMs;
                }

                if (_stopped)
                {
                    return long.MaxValue;
                }

                // Waits bounded by their deadline check the network meanwhile (a Stopping deadline is the nearer); an idle session due steps at once.
                long dueMs = _nowMs + (StateIn(Waiting) ? NetworkCheckMs : _state != SessionState.Idle ? AttemptPollMs : _wanted ? 0 : NetworkCheckMs);
                return StateIn(Waiting | (1 << (int)SessionState.Subscribing)) && _deadlineMs < dueMs ? _deadlineMs : dueMs;
            }
        }

        /// <summary>One turn: drains the link inbox, checks the lower layers, advances the state. Never throws.</summary>
        public void Step(long nowMs)
        {
            _nowMs = nowMs;
            _report.Clear();
            try
            {
                if (_stopped)
                {
                    return;
                }

                for (int i = 0; i < MaxEventsPerStep && !_stopped && _mqtt.TryTakeEvent(_event); i++)
                {
                    HandleEvent(nowMs, _event);
                }

                if (_state != SessionState.Online)
                {
                    CheckNetwork();
                }

                RunState(nowMs);
            }
            catch (Exception ex)
            {
                // A port broke its no-throw contract; the type only (a message could carry a secret).
                Log(LogLevel.Error, "session error: " + ex.GetType().Name + " in " + StateName(_state));
            }
        }

        /// <summary>Publishes an application payload on the transport's data topic at the configured QoS.</summary>
        public int PublishData(byte[] payload) => Publish(_transport.DataTopic, payload, _options.Qos);

        /// <summary>Publishes (never retained) between steps; at QoS 1 the id later appears in <see cref="LinkReport.Acked"/> or <see cref="LinkReport.Lost"/>.</summary>
        public int Publish(string topic, byte[] payload, int qos)
        {
            if (_state != SessionState.Online)
            {
                return NotOnline;
            }

            // The last slot is reserved for the status publish made right after connecting.
            if (qos == 1 && _pending >= _pendingIds.Length - 1)
            {
                return TooManyInFlight;
            }

            int id = _mqtt.Publish(topic, payload, qos);
            if (id >= 0 && qos == 1)
            {
                Track(id, _ports.Clock.MonotonicMs);
            }

            return id;
        }

        /// <summary>Starts an orderly stop; online, the "offline" status goes out first (a clean DISCONNECT drops the will). Step until <see cref="IsStopped"/>.</summary>
        public void Stop(long nowMs, bool announceOffline)
        {
            _nowMs = nowMs;
            _report.Clear();
            BeginStop(nowMs, announceOffline);
        }

        /// <summary>Short sessions: a batch is due; connect (now, or when the backoff or credentials wait allows).</summary>
        public void OpenSession() => _wanted = _sessions || _wanted;

        /// <summary>Short sessions: nothing more is due; DISCONNECT and idle until <see cref="OpenSession"/> (no backoff).</summary>
        public void EndSession(string reason)
        {
            if (!SessionRunning)
            {
                return;
            }

            _wanted = false;
            if (StateIn(Linked | (1 << (int)SessionState.MqttConnecting)))
            {
                EndToIdle(true, "session ended: " + reason);
            }
        }

        /// <summary>Short sessions: the server answered <c>rate_limited</c>: end the session and back off with jitter.</summary>
        public void EndSessionRateLimited(long nowMs)
        {
            if (SessionRunning)
            {
                _mqtt.Disconnect();
                EndInBackoff(nowMs, true, "rate_limited");
            }
        }

        /// <summary>Short sessions: a receipt refused the credentials: end the session and wait the auth retry interval.</summary>
        public void EndSessionCredentialsRefused(long nowMs, string why)
        {
            if (SessionRunning)
            {
                EndLink(true);
                EnterAuthFailed(nowMs, "credentials refused (" + why + ")");
            }
        }

        /// <summary>Short sessions: what the LED shows (the uplink's health from receipts).</summary>
        public void ShowUplinkHealth(NodeStatus status)
        {
            _uplinkStatus = status;
            ShowStatus();
        }

        // Online judgements: the oldest publish past the ack timeout drops the link; the stable time resets the backoff; self-heal
        // reboots after nothing was acknowledged at QoS 1 for its time although connected. long.MaxValue: not due.
        private long DeadAtMs => _pending > 0 ? _pendingSentMs[0] + _options.AckTimeoutMs : long.MaxValue;

        private long StableAtMs => _stableReached ? long.MaxValue : _connectedAtMs + StableConnectionMs;

        private long HealAtMs => _selfHealMs > 0 && _unackedSinceMs >= 0 ? _unackedSinceMs + _selfHealMs : long.MaxValue;

        private bool SessionRunning => _sessions && !_stopped && _state != SessionState.Stopping;

        private void RunState(long nowMs)
        {
            bool due = nowMs >= _deadlineMs;
            switch (_state)
            {
                case SessionState.WifiDown:
                    RunWifiDown(nowMs);
                    break;
                case SessionState.WifiConnecting:
                    RunWifiConnecting(nowMs);
                    break;
                case SessionState.ClockWait:
                    if (WallClock.IsValid(_ports.Clock.UtcNow))
                    {
                        EnterMqttLayer(nowMs, "clock valid");
                    }
                    else if (due)
                    {
                        RequestTimeSync(nowMs);
                    }

                    break;
                case SessionState.MqttConnecting:
                    BeginAttempt();
                    if (due)
                    {
                        HandleConnectFailure(nowMs, false, -1, ConnectFailure.Timeout,
                            "mqtt connect timed out after " + _options.MqttConnectTimeoutMs.ToString() + " ms");
                    }

                    break;
                case SessionState.Backoff:
                    if (due && _backoffForWifi)
                    {
                        RunWifiDown(nowMs);
                    }
                    else if (due)
                    {
                        EnterMqttLayer(nowMs, "backoff over");
                    }

                    break;
                case SessionState.AuthFailed:
                    if (due)
                    {
                        EnterMqttLayer(nowMs, "auth retry interval over");
                    }

                    break;
                case SessionState.Online:
                    RunOnline(nowMs);
                    break;
                case SessionState.Subscribing:
                    if (!_mqtt.IsConnected)
                    {
                        LinkLost(nowMs, "closed before SUBACK");
                    }
                    else if (due)
                    {
                        EndInBackoff(nowMs, true, "no SUBACK within " + _options.SubscribeTimeoutMs.ToString() + " ms");
                    }

                    break;
                case SessionState.Idle:
                    if (_wanted)
                    {
                        EnterMqttLayer(nowMs, "session due");
                    }

                    break;
                case SessionState.Stopping:
                    if (due || !_mqtt.IsConnected)
                    {
                        FinishStop();
                    }

                    break;
            }
        }

        private void HandleEvent(long nowMs, LinkEvent e)
        {
            switch (e.Kind)
            {
                // An outcome belongs to the running attempt only (a late one of an abandoned attempt is ignored); every way out of MqttConnecting clears _attemptStarted.
                case LinkEventKind.ConnectSucceeded:
                    if (_attemptStarted)
                    {
                        OnConnected(nowMs);
                    }
                    else
                    {
                        _mqtt.Close();
                        Log(LogLevel.Debug, "mqtt: late connect ignored");
                    }

                    break;
                case LinkEventKind.ConnectRefused:
                case LinkEventKind.ConnectFailed:
                    if (_attemptStarted)
                    {
                        HandleConnectFailure(nowMs, e.Kind == LinkEventKind.ConnectRefused, e.ReasonCode, e.Failure, null);
                    }

                    break;
                case LinkEventKind.PublishAcked:
                    if (Untrack(e.MessageId, nowMs, true) == 1 && e.MessageId == _offlineStatusId && _state == SessionState.Stopping)
                    {
                        FinishStop();
                    }

                    break;
                case LinkEventKind.PublishFailed:
                    if (Untrack(e.MessageId, nowMs, false) >= 0 && _state == SessionState.Online)
                    {
                        EndInBackoff(nowMs, false, "mqtt publish failed: " + e.MessageId.ToString() + " given up");
                    }

                    break;
                case LinkEventKind.MessageReceived:
                    if (StateIn(Linked))
                    {
                        _report.AddMessage(e.Topic, e.Payload);
                    }

                    break;
                case LinkEventKind.CommandsDropped:
                    _report.CommandsDropped += e.ReasonCode;
                    break;
                case LinkEventKind.Closed:
                    if (StateIn(Linked))
                    {
                        LinkLost(nowMs, "mqtt connection lost: closed");
                    }

                    break;
                case LinkEventKind.NetworkLost:
                    CheckNetwork();
                    break;
                case LinkEventKind.Subscribed:
                    if (_state != SessionState.Subscribing || e.MessageId != _subscribeId)
                    {
                        break;
                    }

                    if ((uint)e.ReasonCode >= 0x80)
                    {
                        EndInBackoff(nowMs, true, "SUBACK " + e.ReasonCode.ToString());
                    }
                    else
                    {
                        GoOnline("subscribed at qos " + e.ReasonCode.ToString());
                    }

                    break;
            }
        }

        private void OnConnected(long nowMs)
        {
            _connectedAtMs = nowMs;
            _stableReached = _attemptStarted = _justDropped = _staleRetryUsed = false;
            if (_levelKept)
            {
                _reconnects++;
            }
            else
            {
                Log(LogLevel.Info, "mqtt: protocol " + VersionName(_options.ProtocolLevel) + " accepted; kept until reboot");
            }

            _levelKept = true;

            // Clean session: subscribe again after every connect (TagoIO guide, "Subscribing to Topics").
            _subscribeId = _mqtt.Subscribe(_transport.CommandTopicFilter, 1);
            int id = _subscribeId < 0 || _sessions ? _subscribeId : _mqtt.Publish(_transport.StatusTopic, _transport.OnlinePayload, 1);
            if (id < 0)
            {
                _mqtt.Close();
                EnterBackoff(nowMs, false, _subscribeId < 0 ? "mqtt connected; subscribe failed" : "mqtt connected; online status not sent");
                return;
            }

            if (_sessions)
            {
                // A receipt sent before the SUBACK would be lost.
                _deadlineMs = nowMs + _options.SubscribeTimeoutMs;
                SetState(SessionState.Subscribing, LogLevel.Info, "mqtt connected; subscribing");
                return;
            }

            Track(~id, nowMs);
            GoOnline("mqtt connected");
        }

        private void GoOnline(string reason)
        {
            SetState(SessionState.Online, LogLevel.Info, reason);
            _report.WentOnline = true;
        }

        private void RunOnline(long nowMs)
        {
            if (!_mqtt.IsConnected)
            {
                LinkLost(nowMs, "mqtt connection lost: disconnected");
                return;
            }

            if (nowMs >= DeadAtMs)
            {
                int oldest = _pendingIds[0];
                EndInBackoff(nowMs, false, "mqtt dead link: no PUBACK for message " + (oldest < 0 ? ~oldest : oldest).ToString() + " within "
                    + _options.AckTimeoutMs.ToString() + " ms");
                return;
            }

            if (nowMs >= StableAtMs)
            {
                _stableReached = true;
                _mqttFailures = 0;
                Log(LogLevel.Debug, "mqtt stable: backoff reset");
            }

            if (nowMs >= HealAtMs)
            {
                Log(LogLevel.Error, "self-heal: no PUBACK for " + (nowMs - _unackedSinceMs).ToString()
                    + " ms while connected at qos 1; rebooting");
                _rebootReason = RebootReason.NoAckTimeout;
                BeginStop(nowMs, true);
            }
        }

        private void LinkLost(long nowMs, string reason)
        {
            if (_sessions)
            {
                EndToIdle(false, reason + " (end of session)"); // TagoIO closes a connection after 10-15 s or 5 s idle: normal, no backoff or failure
            }
            else
            {
                EndInBackoff(nowMs, false, reason);
            }
        }

        private void EndToIdle(bool disconnect, string text)
        {
            EndLink(disconnect);
            _wanted = false;
            SetState(SessionState.Idle, LogLevel.Info, text);
        }

        // A dropped link (not a rate limit) may retry its first failed reconnect at once.
        private void EndInBackoff(long nowMs, bool rateLimited, string reason)
        {
            _justDropped |= !rateLimited;
            EndLink(false);
            EnterBackoff(nowMs, false, rateLimited ? "rate-limited: " + reason : reason);
        }

        private void BeginStop(long nowMs, bool announceOffline)
        {
            if (_stopped || _state == SessionState.Stopping)
            {
                return;
            }

            if (announceOffline && _state == SessionState.Online && _transport.OfflinePayload != null)
            {
                _offlineStatusId = _mqtt.Publish(_transport.StatusTopic, _transport.OfflinePayload, 1);
                if (_offlineStatusId >= 0)
                {
                    Track(~_offlineStatusId, nowMs);
                    _deadlineMs = nowMs + StopAckWaitMs;
                    SetState(SessionState.Stopping, LogLevel.Info, "stopping: offline status sent");
                    return;
                }
            }

            FinishStop();
        }

        private void FinishStop()
        {
            EndLink(StateIn(Linked | (1 << (int)SessionState.Stopping) | (1 << (int)SessionState.MqttConnecting)));
            SetState(_rebootReason == RebootReason.None ? SessionState.Stopped : SessionState.Rebooting, LogLevel.Info, "session stopped");
        }
    }
}
