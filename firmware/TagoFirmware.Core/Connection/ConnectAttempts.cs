namespace TagoFirmware.Connection
{
    /// <summary>MQTT connect attempts: the version the next CONNECT speaks and what follows a failed attempt (next version,
    /// one retry after a drop, the credentials wait, or backoff).</summary>
    /// <remarks>
    /// Automatic versions: 3.1.1 first (most brokers and M2Mqtt speak it); until a connect succeeds this boot, a refused
    /// version (CONNACK 1, MQTT 5's 0x84) or a close before any CONNACK moves on to 5, then 3.1 (client ids of at most
    /// 23 characters, MQTT 3.1 §3.1): TagoIO's TagoTiP broker lists "3.1, 5" (docs/tagotip/transports/mqtt.md in
    /// https://github.com/tago-io/docs). The first version that connects is kept until reboot.
    /// </remarks>
    public sealed class ConnectAttempts
    {
        /// <summary>Back off with jitter.</summary>
        public const int BackOff = 0;

        /// <summary>Connect again at once (next protocol version, or the one retry after a drop).</summary>
        public const int RetryNow = 1;

        /// <summary>The credentials were refused (or probably so): wait the auth retry interval.</summary>
        public const int CredentialsRefused = 2;

        // Log names by ConnectFailure value.
        private static readonly string[] s_failureNames =
        {
            "unknown", "dns", "network", "tls/certificate", "timeout", "communication", "internal", "protocol", "unknown",
        };

        // CONNACK 1..5 (MQTT 3.1.1 §3.2.2.3).
        private static readonly string[] s_refusalNames =
        {
            "unacceptable protocol version", "identifier rejected", "server unavailable", "bad user name or password", "not authorized",
        };

        private readonly int[] _levels;
        private int _at;
        private bool _kept;
        private bool _justDropped;
        private bool _staleRetryUsed;
        private bool _started;

        /// <summary>Completes the options with the transport's credentials and will and the first protocol level.</summary>
        public ConnectAttempts(SessionOptions options, IUplinkTransport transport)
        {
            string id = options.ClientId;
            _levels = options.ProtocolLevel != 0 ? new int[] { options.ProtocolLevel }
                : (id != null && id.Length <= 23 ? new int[] { 4, 5, 3 } : new int[] { 4, 5 });
            Request = options;
            options.ProtocolLevel = _levels[0];
            transport.PrepareConnect(options);
        }

        /// <summary>What every attempt passes (only its protocol level changes, between attempts).</summary>
        public SessionOptions Request { get; }

        /// <summary>True when the protocol level is found automatically (not pinned).</summary>
        public bool AutoLevel => _levels.Length > 1;

        /// <summary>Attempts started so far.</summary>
        public int Count { get; private set; }

        /// <summary>The cause for the log line of the latest <see cref="Judge"/>.</summary>
        public string Text { get; private set; }

        /// <summary>True while the latest attempt runs (started, outcome not judged).</summary>
        public bool Started => _started;

        /// <summary>A new attempt is due: <see cref="Begin"/> starts it (now or on a later step).</summary>
        public void Reset() => _started = false;

        /// <summary>Starts the due attempt unless the link is still busy; true once it runs.</summary>
        public bool Begin(IMqttLink mqtt)
        {
            if (!_started && mqtt.BeginConnect(Request))
            {
                _started = true;
                Count++;
            }

            return _started;
        }

        /// <summary>A connection was established: the version is kept and the drop retry forgotten.</summary>
        public bool Connected()
        {
            bool first = !_kept;
            _kept = true;
            _started = false;
            _justDropped = false;
            _staleRetryUsed = false;
            return first;
        }

        /// <summary>An established connection was lost: the next failed reconnect may be retried once at once.</summary>
        public void Dropped()
        {
            _justDropped = true;
            _staleRetryUsed = false;
        }

        /// <summary>Judges a failed attempt and sets <see cref="Text"/>.</summary>
        public int Judge(bool refused, int code, ConnectFailure failure, string text)
        {
            _started = false;

            // A refused or unspoken version: try the next one at once (before any connect this boot). A probable
            // credentials refusal (the adapter's third close in a row) is not a version problem.
            bool closedEarly = !refused && code < 0 && failure == ConnectFailure.Communication;
            if ((closedEarly || (refused && (code == 1 || code == 0x84))) && NextVersion())
            {
                Text = "mqtt: " + (refused ? "CONNACK " + code.ToString() : "closed before CONNACK") + "; trying MQTT "
                    + VersionName(Request.ProtocolLevel);
                return RetryNow;
            }

            bool probable = failure == ConnectFailure.ProbableAuthRefusal;
            if (IsCredentialsRefusal(code) || probable)
            {
                _justDropped = false;
                Text = probable
                    ? "mqtt: token probably refused (3 closes, no CONNACK; else MQTT version or per-IP limit)"
                    : "mqtt refused: bad credentials (CONNACK " + code.ToString() + ", " + RefusalName(code)
                        + (refused ? ")" : ", reported as an exception)");
                return CredentialsRefused;
            }

            text = text ?? (refused
                ? "mqtt refused: CONNACK " + code.ToString() + " (" + RefusalName(code) + ")"
                : "mqtt connect failed: " + s_failureNames[(int)failure] + (code >= 0 ? " (CONNACK " + code.ToString() + " seen)" : ""));

            // M2Mqtt may throw a stale exception from the previous connection on the first reconnect although the
            // broker accepted it: retry that once at once, then back off.
            if (_justDropped && !_staleRetryUsed && !refused && (failure == ConnectFailure.Communication || code == 0))
            {
                _staleRetryUsed = true;
                Text = text + "; first reconnect after a drop, retrying once now";
                return RetryNow;
            }

            _justDropped = false;
            Text = text;
            return BackOff;
        }

        /// <summary>True for the CONNACK codes that refuse the credentials: 4, 5 (MQTT 3.1.1 §3.2.2.3), 0x86, 0x87 (MQTT 5 §3.2.2.2).</summary>
        public static bool IsCredentialsRefusal(int code) => code == 4 || code == 5 || code == 0x86 || code == 0x87;

        /// <summary>The version as people write it: "3.1", "3.1.1" or "5".</summary>
        public static string VersionName(int level) => level == 3 ? "3.1" : (level == 5 ? "5" : "3.1.1");

        // Moves to the next version after one that looked refused; at the end of the chain starts again at the first.
        private bool NextVersion()
        {
            bool next = !_kept && _at + 1 < _levels.Length;
            _at = next ? _at + 1 : (_kept ? _at : 0);
            Request.ProtocolLevel = _levels[_at];
            return next;
        }

        private static string RefusalName(int code)
        {
            // MQTT 5's 0x86 and 0x87 mean what 3.1.1's 4 and 5 mean.
            int i = code == 0x86 ? 4 : (code == 0x87 ? 5 : code);
            return i >= 1 && i <= 5 ? s_refusalNames[i - 1] : "reason " + code.ToString();
        }
    }
}
