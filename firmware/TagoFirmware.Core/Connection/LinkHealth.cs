namespace TagoFirmware.Connection
{
    /// <summary>
    /// Judges a persistent connection's health while online: a QoS 1 publish unacknowledged past the ack timeout
    /// means a dead link; a connection up for the stable time resets the backoff; nothing acknowledged at QoS 1 for
    /// the self-heal time asks for a reboot. Owns the QoS 1 publishes awaiting their PUBACK.
    /// </summary>
    public sealed class LinkHealth
    {
        private readonly PublishTracker _pending;
        private readonly long _ackTimeoutMs;
        private readonly long _stableMs;
        private readonly long _selfHealMs;
        private long _connectedAtMs;
        private bool _stableReached;

        /// <summary>Creates the judge.</summary>
        /// <param name="capacity">Publishes tracked at most.</param>
        /// <param name="ackTimeoutMs">Longest wait for a PUBACK.</param>
        /// <param name="stableMs">Time up after which the connection counts as stable.</param>
        /// <param name="selfHealMs">Time without any PUBACK before a reboot is asked; 0 = never.</param>
        public LinkHealth(int capacity, long ackTimeoutMs, long stableMs, long selfHealMs)
        {
            _pending = new PublishTracker(capacity);
            _ackTimeoutMs = ackTimeoutMs;
            _stableMs = stableMs;
            _selfHealMs = selfHealMs;
        }

        /// <summary>The QoS 1 publishes awaiting their PUBACK.</summary>
        public PublishTracker Pending => _pending;

        /// <summary>Monotonic time the current (or latest) connection was established.</summary>
        public long ConnectedAtMs => _connectedAtMs;

        /// <summary>Links dropped because a publish went unacknowledged past the ack timeout.</summary>
        public int DeadLinkDrops { get; private set; }

        /// <summary>Milliseconds since the oldest unacknowledged publish was sent, for the self-heal log line.</summary>
        /// <param name="nowMs">Monotonic time now.</param>
        /// <returns>The time without a PUBACK.</returns>
        public long UnackedForMs(long nowMs) => nowMs - _pending.UnackedSinceMs;

        /// <summary>A connection was established now.</summary>
        /// <param name="nowMs">Monotonic time now.</param>
        public void Connected(long nowMs)
        {
            _connectedAtMs = nowMs;
            _stableReached = false;
        }

        /// <summary>True (and counted) when the oldest publish waited past the ack timeout: drop the link.</summary>
        /// <param name="nowMs">Monotonic time now.</param>
        /// <returns>Whether the link is dead.</returns>
        public bool IsDead(long nowMs)
        {
            if (_pending.Count > 0 && nowMs - _pending.OldestSentMs >= _ackTimeoutMs)
            {
                DeadLinkDrops++;
                return true;
            }

            return false;
        }

        /// <summary>True once, when the connection has been up for the stable time: reset the backoff.</summary>
        /// <param name="nowMs">Monotonic time now.</param>
        /// <returns>Whether it became stable in this step.</returns>
        public bool BecameStable(long nowMs)
        {
            if (!_stableReached && nowMs - _connectedAtMs >= _stableMs)
            {
                _stableReached = true;
                return true;
            }

            return false;
        }

        /// <summary>True when nothing was acknowledged at QoS 1 for the self-heal time although connected.</summary>
        /// <param name="nowMs">Monotonic time now.</param>
        /// <returns>Whether to reboot.</returns>
        public bool SelfHealDue(long nowMs) => SelfHealArmed && nowMs - _pending.UnackedSinceMs >= _selfHealMs;

        /// <summary>When the next judgement is due while online, at the latest <paramref name="dueMs"/>.</summary>
        /// <param name="dueMs">The caller's own next due time.</param>
        /// <returns>The earliest of it, the oldest publish's ack deadline, the stable and the self-heal time.</returns>
        public long NextDueMs(long dueMs)
        {
            if (_pending.Count > 0)
            {
                dueMs = Min(dueMs, _pending.OldestSentMs + _ackTimeoutMs);
            }

            if (!_stableReached)
            {
                dueMs = Min(dueMs, _connectedAtMs + _stableMs);
            }

            return SelfHealArmed ? Min(dueMs, _pending.UnackedSinceMs + _selfHealMs) : dueMs;
        }

        private bool SelfHealArmed => _selfHealMs > 0 && _pending.UnackedSinceMs >= 0;

        private static long Min(long a, long b)
        {
            return a < b ? a : b;
        }
    }
}
