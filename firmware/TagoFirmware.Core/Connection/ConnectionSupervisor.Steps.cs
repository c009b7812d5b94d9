using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>How each state advances: WiFi, clock, MQTT connect, link events, the online checks, session ends and backoff.</summary>
    public sealed partial class ConnectionSupervisor
    {
        private void RateLimited(long nowMs, string reason)
        {
            EndLink(false);
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
            EndLink(false);
            _report.WentOffline = _state == SessionState.Online;
            _wanted = false;
            SetState(SessionState.Idle, LogLevel.Info, reason + " (end of session)");
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
                SetState(SessionState.WifiConnecting, LogLevel.Info,
                    "wifi connecting (timeout " + _options.WifiConnectTimeoutMs.ToString() + " ms)");
            }
            else if (_state != SessionState.WifiDown)
            {
                // The adapter is still busy with an earlier attempt: wait for it in WifiDown.
                SetState(SessionState.WifiDown, LogLevel.Info, "wifi down: previous attempt still running");
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
                _retry.Dropped();
            }

            SetState(SessionState.WifiDown, LogLevel.Warning, "wifi lost");
            _report.WentOffline = wasOnline;
        }

        private void EnterMqttLayer(long nowMs, string reason)
        {
            if (!_network.IsUp)
            {
                SetState(SessionState.WifiDown, LogLevel.Warning, "wifi lost");
                RunWifiDown(nowMs);
            }
            else if (!WallClock.IsValid(_clock.UtcNow))
            {
                _pending.ForgetUnacked();
                _deadlineMs = nowMs + _options.ClockResyncIntervalMs;
                RequestTimeSync();
                SetState(SessionState.ClockWait, LogLevel.Info, reason + "; clock not set, waiting for SNTP");
            }
            else if (_authBlocked && nowMs < _authBlockedUntilMs)
            {
                _pending.ForgetUnacked();
                SetState(SessionState.AuthFailed, LogLevel.Warning, reason + "; credentials refused, next attempt in "
                    + (_authBlockedUntilMs - nowMs).ToString() + " ms");
            }
            else if (!_wanted)
            {
                _pending.ForgetUnacked();
                SetState(SessionState.Idle, LogLevel.Info, reason + "; idle");
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
                Log(LogLevel.Warning, "clock: sync request failed");
            }
        }

        private void EnterMqttConnecting(long nowMs, string reason)
        {
            _connectStarted = false;
            _deadlineMs = nowMs + _options.MqttConnectTimeoutMs;
            SetState(SessionState.MqttConnecting, LogLevel.Info,
                reason + "; mqtt connecting to " + _endpoint + " (attempt " + (_connectAttempts + 1).ToString() + ")");
            TryBeginConnect();
        }

        private void TryBeginConnect()
        {
            if (!_connectStarted && _mqtt.BeginConnect(_request))
            {
                _connectStarted = true;
                _connectAttempts++;
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
                        Log(LogLevel.Debug, "mqtt: late connect ignored");
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
            _retry.Connected();
            _health.Connected(nowMs);
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
                EnterBackoff(nowMs, false, "mqtt connected; subscribe failed");
                return;
            }

            if (_sessions)
            {
                // Nothing is pushed before the receipt topic is subscribed: a receipt sent earlier would be lost.
                _deadlineMs = nowMs + _options.SubscribeTimeoutMs;
                SetState(SessionState.Subscribing, LogLevel.Info, "mqtt connected; subscribing");
                return;
            }

            byte[] online = _transport.OnlinePayload;
            if (_transport.StatusTopic != null && online != null)
            {
                int id = _mqtt.Publish(_transport.StatusTopic, online, 1);
                if (id < 0)
                {
                    _mqtt.Close();
                    EnterBackoff(nowMs, false, "mqtt connected; online status not sent");
                    return;
                }

                _pending.Track(id, true, nowMs);
            }

            GoOnline(nowMs, "mqtt connected");
        }

        private void GoOnline(long nowMs, string reason)
        {
            SetState(SessionState.Online, LogLevel.Info, reason);
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
            int next = _retry.Judge(refused, code, failure, text);
            _request.ProtocolLevel = _versions.Level;
            if (next == ConnectRetryPolicy.RetryNow)
            {
                EnterMqttConnecting(nowMs, _retry.Text);
            }
            else if (next == ConnectRetryPolicy.CredentialsRefused)
            {
                EnterAuthFailed(nowMs, _retry.Text);
            }
            else
            {
                EnterBackoff(nowMs, false, _retry.Text);
            }
        }

        private void RunOnline(long nowMs)
        {
            if (!_mqtt.IsConnected)
            {
                LinkLost(nowMs, "mqtt connection lost: client disconnected");
                return;
            }

            if (_health.IsDead(nowMs))
            {
                DropLink(nowMs, "mqtt dead link: no PUBACK for message " + _pending.OldestId.ToString() + " within "
                    + _options.AckTimeoutMs.ToString() + " ms");
                return;
            }

            if (_health.BecameStable(nowMs))
            {
                _mqttBackoff.Reset();
                Log(LogLevel.Debug, "mqtt stable: backoff reset");
            }

            // Self-heal: believed connected at QoS 1, yet nothing acknowledged for the configured time.
            if (_health.SelfHealDue(nowMs))
            {
                Log(LogLevel.Error, "self-heal: no PUBACK for " + _health.UnackedForMs(nowMs).ToString()
                    + " ms while connected at qos 1; rebooting");
                RebootReason = RebootReason.NoAckTimeout;
                BeginStop(nowMs, true);
            }
        }

        private void DropLink(long nowMs, string reason)
        {
            _mqtt.Close();
            _pending.LoseAll(_report);
            _retry.Dropped();
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
            SetState(SessionState.Backoff, LogLevel.Warning, reason + "; backoff " + delay.ToString() + " ms ("
                + (wifi ? "wifi" : "mqtt") + " attempt " + attempt.ToString() + ", window " + window.ToString() + " ms)");
        }
    }
}
