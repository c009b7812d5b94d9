namespace TagoFirmware.Connection
{
    /// <summary>
    /// Decides how the supervisor goes on after a failed MQTT connect: try the next MQTT version now
    /// (<see cref="ProtocolFallback"/>), retry once now after a drop, wait for the credentials retry, or back off. It
    /// also writes the log line's cause, so the supervisor only performs the transition.
    /// </summary>
    public sealed class ConnectRetryPolicy
    {
        /// <summary>Back off with jitter.</summary>
        public const int BackOff = 0;

        /// <summary>Connect again at once (next protocol version, or the one retry after a drop).</summary>
        public const int RetryNow = 1;

        /// <summary>The credentials were refused (or probably so): wait the auth retry interval.</summary>
        public const int CredentialsRefused = 2;

        private readonly ProtocolFallback _versions;
        private bool _justDropped;
        private bool _staleRetryUsed;

        /// <summary>Creates the policy.</summary>
        /// <param name="versions">The MQTT version chain.</param>
        public ConnectRetryPolicy(ProtocolFallback versions)
        {
            _versions = versions;
        }

        /// <summary>The cause for the log line of the latest <see cref="Judge"/>.</summary>
        public string Text { get; private set; }

        /// <summary>How the latest failed attempt failed (None after a refusal or a success).</summary>
        public ConnectFailure LastFailure { get; private set; }

        /// <summary>A connection was established: the drop retry and the failure are forgotten.</summary>
        public void Connected()
        {
            LastFailure = ConnectFailure.None;
            _justDropped = false;
            _staleRetryUsed = false;
        }

        /// <summary>An established connection was lost: the next failed reconnect may be retried once at once.</summary>
        public void Dropped()
        {
            _justDropped = true;
            _staleRetryUsed = false;
        }

        /// <summary>Judges a failed connect attempt and sets <see cref="Text"/>.</summary>
        /// <param name="refused">True for a CONNACK refusal.</param>
        /// <param name="code">The CONNACK code, or -1.</param>
        /// <param name="failure">The failure class (None for a refusal).</param>
        /// <param name="text">The cause when the caller knows it better (a timeout), else null.</param>
        /// <returns><see cref="BackOff"/>, <see cref="RetryNow"/> or <see cref="CredentialsRefused"/>.</returns>
        public int Judge(bool refused, int code, ConnectFailure failure, string text)
        {
            LastFailure = failure;

            // A refused or unspoken version: try the next one at once (first connection of the boot only).
            // A probable credentials refusal (the adapter's third close in a row) is not a version problem.
            bool closedEarly = !refused && code < 0 && failure == ConnectFailure.Communication;
            if ((closedEarly || (refused && (code == 1 || code == 0x84))) && _versions.TryNext())
            {
                Text = "mqtt: " + (refused ? "CONNACK " + code.ToString() : "closed before CONNACK") + "; trying MQTT "
                    + ProtocolFallback.Name(_versions.Level);
                return RetryNow;
            }

            bool probable = failure == ConnectFailure.ProbableAuthRefusal;
            if (ConnectionText.IsCredentialsRefusal(code) || probable)
            {
                _justDropped = false;
                Text = probable
                    ? "mqtt: token probably refused (3 closes after CONNECT, no CONNACK; else MQTT version or per-IP limit)"
                    : "mqtt refused: bad credentials (CONNACK " + code.ToString() + ", " + ConnectionText.RefusalName(code)
                        + (refused ? ")" : ", reported as an exception)");
                return CredentialsRefused;
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
                Text = text + "; first reconnect after a drop, retrying once now";
                return RetryNow;
            }

            _justDropped = false;
            Text = text;
            return BackOff;
        }
    }
}
