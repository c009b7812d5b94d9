using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>How the connection's states are entered, with their log lines and LED; <see cref="ConnectionSupervisor"/> runs them.</summary>
    /// <remarks>Automatic MQTT versions (docs/configuration.md <c>mqtt.protocol</c>): TagoIO's TagoTiP broker lists "3.1, 5" (docs/tagotip/transports/mqtt.md
    /// in https://github.com/tago-io/docs); a refused version is CONNACK 1 or MQTT 5's 0x84; 3.1 allows client ids of 23 characters only (MQTT 3.1 §3.1).</remarks>
    public abstract class ConnectionStates
    {
        /// <summary>Extra time granted to a WiFi attempt beyond its own deadline (the adapter should have ended it).</summary>
        public const int WifiDeadlineGraceMs = 5000;

        /// <summary>Step spacing while a WiFi, clock or MQTT attempt runs: the adapters report those by polling.</summary>
        public const int AttemptPollMs = 100;

        /// <summary>How often the WiFi link is checked while not online; online, its loss arrives as an inbox event.</summary>
        public const int NetworkCheckMs = 5000;

        /// <summary>While the clock is invalid, a time sync is asked for again this often.</summary>
        public const int ClockResyncMs = 60000;

        /// <summary>A connection that stays up this long resets the MQTT backoff.</summary>
        public const int StableConnectionMs = 60000;

        /// <summary>The first backoff window: [0, 1 s]; each failure in a row doubles it.</summary>
        public const int BackoffBaseMs = 1000;

        /// <summary>No backoff window exceeds 30 s.</summary>
        public const int BackoffCapMs = 30000;

        // Log names by SessionState value (nanoFramework's Enum.ToString prints the number).
        private static readonly string[] s_stateNames =
            "WifiDown WifiConnecting ClockWait MqttConnecting Online Backoff AuthFailed Rebooting Stopped Stopping Idle Subscribing".Split(' ');

        // Log names by ConnectFailure value (a ProbableAuthRefusal is never named: it is a credentials refusal).
        // An array, not a split string: "unknown" and "protocol" are literals elsewhere too, and the string heap keeps one copy of each.
        private static readonly string[] s_failureNames =
        {
            "unknown", "dns", "network", "tls/certificate", "timeout", "communication", "internal", "protocol",
        };

        // CONNACK 1..5 (MQTT 3.1.1 §3.2.2.3).
        private static readonly string[] s_refusalNames =
            "unacceptable protocol version|identifier rejected|server unavailable|bad user name or password|not authorized".Split('|');

        // NodeStatus by SessionState (WifiDown … Subscribing); Uplink: Online unless short sessions show the receipts' health.
        private const int Uplink = -1, Unchanged = -2;
        private static readonly int[] s_statusByState = { (int)NodeStatus.NoWifi, (int)NodeStatus.NoWifi, (int)NodeStatus.NoClock,
            (int)NodeStatus.NoBroker, Uplink, (int)NodeStatus.NoBroker, (int)NodeStatus.CredentialsRefused, Unchanged, Unchanged, Unchanged, Uplink, Uplink };

        private protected const int Linked = (1 << (int)SessionState.Online) | (1 << (int)SessionState.Subscribing);

        private protected readonly SessionOptions _options;
        private protected readonly NodePorts _ports;
        private protected readonly IMqttLink _mqtt;
        private protected int _wifiFailures; // in a row: the n of the next backoff window
        private protected int _mqttFailures;
        private protected readonly int _levelCount; // automatic versions to try: 3.1.1, 5, then 3.1 where the client id allows; 0: one configured version
        private protected readonly LinkReport _report;
        private protected readonly string _endpoint;
        private protected readonly bool _sessions;
        private protected bool _wanted;
        private protected NodeStatus _uplinkStatus = NodeStatus.Online;
        private protected SessionState _state;
        private protected NodeStatus _shownStatus; // Starting
        private protected bool _backoffForWifi;
        private protected long _deadlineMs;
        private protected long _authBlockedUntilMs; // monotonic time starts at 0: no wait before a refusal
        private protected bool _stopped; // Stopped or Rebooting, kept apart: read on every step
        private protected bool _attemptStarted; // the latest attempt runs: started, outcome not judged
        private protected bool _levelKept;
        private protected bool _justDropped; // the next failed reconnect may be retried once at once
        private int _levelAt;
        private protected bool _staleRetryUsed;
        private int _attemptCount;
        private int _authFailures;

        // QoS 1 publishes awaiting their PUBACK, oldest first (parallel arrays: no struct arrays on nanoFramework); a status publish, never reported, as ~id.
        private protected readonly int[] _pendingIds;
        private protected readonly long[] _pendingSentMs;
        private protected int _pending;
        private protected readonly long _selfHealMs; // 0: off
        private protected long _unackedSinceMs = -1; // self-heal clock; a dropped link keeps it: self-heal is for acks that never come
        private protected long _connectedAtMs;
        private protected bool _stableReached;

        private protected ConnectionStates(SessionOptions options, UplinkTransport transport, NodePorts ports, int maxEvents)
        {
            _options = options;
            _ports = ports;
            _mqtt = ports.Mqtt;

            // One slot more than the application may use: the "online" status publish is tracked too.
            int capacity = options.MaxInFlight + 1;
            _pendingIds = new int[capacity];
            _pendingSentMs = new long[capacity];
            _sessions = options.ShortSessions;
            // With short sessions, health is the receipts' business (the uplink), not the PUBACKs'.
            _selfHealMs = !_sessions && options.Qos == 1 && options.NoAckRebootMs > 0 ? options.NoAckRebootMs : 0;
            _report = new LinkReport(capacity, maxEvents);
            _endpoint = options.Host + ":" + options.Port.ToString() + (options.UseTls ? " tls" : " plaintext");
            string id = options.ClientId;
            _levelCount = options.ProtocolLevel != 0 ? 0 : (id != null && id.Length <= 23 ? 3 : 2);
            if (_levelCount > 0)
            {
                options.ProtocolLevel = 4;
            }

            transport.PrepareConnect(options);
            _wanted = !_sessions;
        }

        /// <summary>The current state.</summary>
        public SessionState State => _state;

        /// <summary>Connect attempts the broker refused for bad credentials (diagnostics "auth_failures").</summary>
        public int AuthFailures => _authFailures;

        /// <summary>The state's name as log lines write it after "->".</summary>
        public static string StateName(SessionState state) => s_stateNames[(int)state];

        private protected void RunWifiDown(long nowMs)
        {
            if (_ports.Network.IsUp)
            {
                _wifiFailures = 0;
                EnterMqttLayer(nowMs, "wifi up");
            }
            else if (_ports.Network.BeginConnect(_options.WifiConnectTimeoutMs))
            {
                _deadlineMs = nowMs + _options.WifiConnectTimeoutMs + WifiDeadlineGraceMs;
                SetState(SessionState.WifiConnecting, LogLevel.Info,
                    "wifi connecting (timeout " + _options.WifiConnectTimeoutMs.ToString() + " ms)");
            }
            else if (_state != SessionState.WifiDown)
            {
                SetState(SessionState.WifiDown, LogLevel.Info, "wifi busy");
            }
        }

        private protected void RunWifiConnecting(long nowMs)
        {
            NetworkConnectResult result = _ports.Network.TakeConnectResult();
            if (result == NetworkConnectResult.Connected || (result == NetworkConnectResult.None && _ports.Network.IsUp))
            {
                RunWifiDown(nowMs); // up: on to the MQTT layer
            }
            else if (result == NetworkConnectResult.Failed || result == NetworkConnectResult.TimedOut || nowMs >= _deadlineMs)
            {
                EnterBackoff(nowMs, true, "wifi failed: " + (result == NetworkConnectResult.Failed ? "no IP address"
                    : result == NetworkConnectResult.TimedOut ? "timed out" : "no outcome by the deadline"));
            }
        }

        private protected void CheckNetwork()
        {
            bool aboveWifi = _state == SessionState.Backoff ? !_backoffForWifi : StateIn(Linked | (1 << (int)SessionState.ClockWait)
                | (1 << (int)SessionState.MqttConnecting) | (1 << (int)SessionState.AuthFailed) | (1 << (int)SessionState.Idle));
            if (!aboveWifi || _ports.Network.IsUp)
            {
                return;
            }

            _justDropped |= StateIn(Linked);
            EndLink(false);
            _unackedSinceMs = -1;
            SetState(SessionState.WifiDown, LogLevel.Warning, "wifi lost");
        }

        // Callers know the network is up (CheckNetwork runs before the state; a loss in between fails the attempt).
        private protected void EnterMqttLayer(long nowMs, string reason)
        {
            bool clock = WallClock.IsValid(_ports.Clock.UtcNow);
            bool blocked = nowMs < _authBlockedUntilMs;
            if (clock && !blocked && _wanted)
            {
                _deadlineMs = nowMs + _options.MqttConnectTimeoutMs;
                SetState(SessionState.MqttConnecting, LogLevel.Info, reason + "; mqtt connecting to " + _endpoint
                    + " (attempt " + (_attemptCount + 1).ToString() + ")");
                BeginAttempt();
                return;
            }

            _unackedSinceMs = -1;
            if (!clock)
            {
                RequestTimeSync(nowMs);
                SetState(SessionState.ClockWait, LogLevel.Info, reason + "; clock not set, waiting for SNTP");
            }
            else if (blocked)
            {
                _deadlineMs = _authBlockedUntilMs;
                SetState(SessionState.AuthFailed, LogLevel.Warning, reason + "; credentials refused, next attempt in "
                    + (_authBlockedUntilMs - nowMs).ToString() + " ms");
            }
            else
            {
                SetState(SessionState.Idle, LogLevel.Info, reason + "; idle");
            }
        }

        private protected void RequestTimeSync(long nowMs)
        {
            _deadlineMs = nowMs + ClockResyncMs;
            if (_ports.TimeSync != null && !_ports.TimeSync.RequestSync())
            {
                Log(LogLevel.Warning, "sntp request failed");
            }
        }

        private protected void HandleConnectFailure(long nowMs, bool refused, int code, ConnectFailure failure, string text)
        {
            // M2Mqtt's receive thread spins after a failed Connect until Close(); a reboot fixes no unreachable broker.
            EndLink(false);
            _unackedSinceMs = -1;
            string connack = code.ToString();

            // A refused or unspoken version: the next one at once (before any connect this boot); a probable credentials refusal is no version problem.
            bool closedEarly = !refused && code < 0 && failure == ConnectFailure.Communication;
            if ((closedEarly || (refused && (code == 1 || code == 0x84))) && NextVersion())
            {
                EnterMqttLayer(nowMs, "mqtt: " + (refused ? "CONNACK " + connack : "closed before CONNACK") + "; trying MQTT "
                    + VersionName(_options.ProtocolLevel));
                return;
            }

            bool probable = failure == ConnectFailure.ProbableAuthRefusal;
            // MQTT 5's 0x86 and 0x87 (§3.2.2.2) refuse the credentials as 3.1.1's 4 and 5 do (§3.2.2.3).
            int refusal = code == 0x86 ? 4 : (code == 0x87 ? 5 : code);
            bool credentials = refusal == 4 || refusal == 5;
            bool wasDropped = _justDropped;
            _justDropped = false;
            text = probable ? "mqtt: token probably refused (3 closes, no CONNACK; else MQTT version or per-IP limit)" : text ?? (refused || credentials
                ? "mqtt refused: " + (credentials ? "bad credentials (CONNACK " : "CONNACK ") + connack + (credentials ? ", " : " (")
                    + ((uint)(refusal - 1) < 5 ? s_refusalNames[refusal - 1] : "reason " + connack) + (refused ? ")" : ", reported as an exception)")
                : "mqtt connect failed: " + s_failureNames[(int)failure] + (code >= 0 ? " (CONNACK " + connack + " seen)" : ""));
            if (credentials || probable)
            {
                EnterAuthFailed(nowMs, text);
                return;
            }

            // M2Mqtt may throw a stale exception from the previous connection on the first reconnect although the broker accepted it: retry once.
            if (wasDropped && !_staleRetryUsed && !refused && (failure == ConnectFailure.Communication || code == 0))
            {
                _staleRetryUsed = _justDropped = true;
                EnterMqttLayer(nowMs, text + "; first reconnect after a drop, retrying once now");
            }
            else
            {
                EnterBackoff(nowMs, false, text);
            }
        }

        /// <summary>The MQTT version of a protocol level as people write it.</summary>
        public static string VersionName(int level) => level == 3 ? "3.1" : (level == 5 ? "5" : "3.1.1");

        private protected void BeginAttempt()
        {
            if (!_attemptStarted && _mqtt.BeginConnect(_options))
            {
                _attemptStarted = true;
                _attemptCount++;
            }
        }

        // Moves to the next version after one that looked refused; at the end of the chain starts again at the first.
        private bool NextVersion()
        {
            if (_levelKept || _levelCount == 0)
            {
                return false;
            }

            bool next = _levelAt + 1 < _levelCount;
            _levelAt = next ? _levelAt + 1 : 0;
            _options.ProtocolLevel = _levelAt == 2 ? 3 : 4 + _levelAt;
            return next;
        }

        // Every way a link ends: its tracked publishes are lost. Short sessions have no self-heal clock.
        private protected void EndLink(bool disconnect)
        {
            _report.WentOffline |= StateIn(Linked | (1 << (int)SessionState.Stopping));
            if (disconnect)
            {
                _mqtt.Disconnect();
            }

            _mqtt.Close();
            _attemptStarted = false;
            for (int i = 0; i < _pending; i++)
            {
                if (_pendingIds[i] >= 0)
                {
                    _report.AddLost(_pendingIds[i]);
                }
            }

            _pending = 0;
        }

        // The supervisor keeps the count within the capacity (one slot for the status); a status publish passes ~id.
        private protected void Track(int id, long nowMs)
        {
            _pendingIds[_pending] = id;
            _pendingSentMs[_pending++] = nowMs;
            if (_unackedSinceMs < 0)
            {
                _unackedSinceMs = nowMs;
            }
        }

        // A PUBACK (acked) or a publish the client gave up: untracks it, reports an application one; 1: a status publish, -1: not tracked.
        private protected int Untrack(int id, long nowMs, bool acked)
        {
            for (int i = 0; i < _pending; i++)
            {
                int tracked = _pendingIds[i];
                if (tracked != id && tracked != ~id)
                {
                    continue;
                }

                _pending--;
                for (int j = i; j < _pending; j++)
                {
                    _pendingIds[j] = _pendingIds[j + 1];
                    _pendingSentMs[j] = _pendingSentMs[j + 1];
                }

                if (acked)
                {
                    _unackedSinceMs = _pending > 0 ? nowMs : -1;
                }

                if (tracked < 0)
                {
                    return 1;
                }

                if (acked)
                {
                    _report.AddAcked(id);
                }
                else
                {
                    _report.AddLost(id);
                }

                return 0;
            }

            return -1;
        }

        private protected void EnterBackoff(long nowMs, bool wifi, string reason)
        {
            // Full jitter, uniform in [0, min(base · 2^n, cap)], so a fleet does not reconnect in lock-step ("Exponential Backoff And Jitter",
            // AWS Architecture Blog); 5 doublings already pass the cap.
            int attempt = wifi ? ++_wifiFailures : ++_mqttFailures;
            int window = attempt > 5 ? BackoffCapMs : BackoffBaseMs << (attempt - 1);
            int delay = _ports.Random.Next(window + 1);
            _backoffForWifi = wifi;
            _deadlineMs = nowMs + delay;
            SetState(SessionState.Backoff, LogLevel.Warning, reason + "; backoff " + delay.ToString() + " ms ("
                + (wifi ? "wifi" : "mqtt") + " attempt " + attempt.ToString() + ", window " + window.ToString() + " ms)");
        }

        private protected void EnterAuthFailed(long nowMs, string cause)
        {
            _authFailures++;
            _deadlineMs = _authBlockedUntilMs = nowMs + _options.AuthRetryIntervalMs;
            SetState(SessionState.AuthFailed, LogLevel.Error, cause + "; auth failures " + _authFailures.ToString()
                + ", next attempt in " + (_options.AuthRetryIntervalMs / 1000).ToString() + " s");
        }

        private protected void SetState(SessionState state, LogLevel level, string reason)
        {
            _state = state;
            _stopped = state == SessionState.Stopped || state == SessionState.Rebooting;
            Log(level, reason + " -> " + StateName(state));
            ShowStatus();
        }

        // Shows the LED status of the current state: the lowest layer not working yet; unchanged while stopping.
        private protected void ShowStatus()
        {
            int status = _backoffForWifi && _state == SessionState.Backoff ? (int)NodeStatus.NoWifi : s_statusByState[(int)_state];
            NodeStatus shown = status == Uplink || (_sessions && _state == SessionState.MqttConnecting) ? _uplinkStatus : status == Unchanged ? _shownStatus : (NodeStatus)status;
            if (shown != _shownStatus && _ports.Status != null)
            {
                _ports.Status.Show(shown);
            }

            _shownStatus = shown;
        }

        private protected void Log(LogLevel level, string message)
        {
            if (_ports.Log != null)
            {
                _ports.Log.Write(level, message);
            }
        }

        private protected bool StateIn(int states) => ((1 << (int)_state) & states) != 0;
    }
}
