namespace TagoFirmware.Connection
{
    /// <summary>QoS 1 publishes awaiting their PUBACK and the link's health judged from them (parallel arrays: no struct arrays on nanoFramework).</summary>
    public sealed class LinkHealth
    {
        private readonly int[] _ids;
        private readonly long[] _sentMs;
        private readonly bool[] _internal;
        private readonly long _ackTimeoutMs;
        private readonly long _stableMs;
        private readonly long _selfHealMs;
        private int _count;
        private long _unackedSinceMs = -1;
        private long _connectedAtMs;
        private bool _stableReached;

        /// <summary>Creates the judge.</summary>
        public LinkHealth(int capacity, long ackTimeoutMs, long stableMs, long selfHealMs)
        {
            _ids = new int[capacity];
            _sentMs = new long[capacity];
            _internal = new bool[capacity];
            _ackTimeoutMs = ackTimeoutMs;
            _stableMs = stableMs;
            _selfHealMs = selfHealMs;
        }

        /// <summary>Publishes awaiting their PUBACK.</summary>
        public int Count => _count;

        /// <summary>Capacity (application publishes may use all but one slot).</summary>
        public int Capacity => _ids.Length;

        /// <summary>Id of the oldest tracked publish (valid when <see cref="Count"/> &gt; 0).</summary>
        public int OldestId => _ids[0];

        /// <summary>Monotonic time the current (or latest) connection was established.</summary>
        public long ConnectedAtMs => _connectedAtMs;

        /// <summary>Milliseconds since the self-heal clock started, for the self-heal log line.</summary>
        public long UnackedForMs(long nowMs) => nowMs - _unackedSinceMs;

        /// <summary>A connection was established now.</summary>
        public void Connected(long nowMs)
        {
            _connectedAtMs = nowMs;
            _stableReached = false;
        }

        /// <summary>Tracks one publish; the supervisor keeps the count within the capacity (one slot for the status).</summary>
        public void Track(int id, bool isInternal, long nowMs)
        {
            _ids[_count] = id;
            _sentMs[_count] = nowMs;
            _internal[_count++] = isInternal;
            if (_unackedSinceMs < 0)
                _unackedSinceMs = nowMs;
        }

        /// <summary>A PUBACK arrived: untracks the id and reports it when it was an application publish.</summary>
        public bool Ack(int id, long nowMs, LinkReport report)
        {
            int kind = Remove(id);
            if (kind >= 0)
                _unackedSinceMs = _count > 0 ? nowMs : -1;
            if (kind == 0)
                report.AddAcked(id);
            return kind == 1;
        }

        /// <summary>The client gave a publish up: untracks it and reports it lost.</summary>
        public bool Fail(int id, LinkReport report)
        {
            int kind = Remove(id);
            if (kind == 0)
                report.AddLost(id);
            return kind >= 0;
        }

        /// <summary>The connection is gone: every tracked application publish is reported lost.</summary>
        public void LoseAll(LinkReport report)
        {
            for (int i = 0; i < _count; i++)
            {
                if (!_internal[i])
                    report.AddLost(_ids[i]);
            }

            _count = 0;
        }

        /// <summary>Restarts the self-heal clock (a reboot fixes no unreachable broker); a dropped link keeps it: self-heal is for acks that never come.</summary>
        public void ForgetUnacked() => _unackedSinceMs = -1;

        /// <summary>True when the oldest publish waited past the ack timeout: drop the link.</summary>
        public bool IsDead(long nowMs) => _count > 0 && nowMs - _sentMs[0] >= _ackTimeoutMs;

        /// <summary>True once, when the connection has been up for the stable time: reset the backoff.</summary>
        public bool BecameStable(long nowMs)
        {
            bool now = !_stableReached && nowMs - _connectedAtMs >= _stableMs;
            _stableReached |= now;
            return now;
        }

        /// <summary>True when nothing was acknowledged at QoS 1 for the self-heal time although connected.</summary>
        public bool SelfHealDue(long nowMs) => _selfHealMs > 0 && _unackedSinceMs >= 0 && nowMs - _unackedSinceMs >= _selfHealMs;

        /// <summary>When the next judgement is due while online (long.MaxValue = none).</summary>
        public long NextDueMs()
        {
            long dueMs = _count > 0 ? _sentMs[0] + _ackTimeoutMs : long.MaxValue;
            if (!_stableReached && _connectedAtMs + _stableMs < dueMs)
                dueMs = _connectedAtMs + _stableMs;
            long heal = _unackedSinceMs + _selfHealMs;
            return _selfHealMs > 0 && _unackedSinceMs >= 0 && heal < dueMs ? heal : dueMs;
        }

        private int Remove(int id)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_ids[i] != id)
                    continue;
                int kind = _internal[i] ? 1 : 0;
                _count--;
                for (int j = i; j < _count; j++)
                {
                    _ids[j] = _ids[j + 1];
                    _sentMs[j] = _sentMs[j + 1];
                    _internal[j] = _internal[j + 1];
                }

                return kind;
            }

            return -1;
        }
    }
}
