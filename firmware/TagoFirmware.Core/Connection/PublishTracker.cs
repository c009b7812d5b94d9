namespace TagoFirmware.Connection
{
    /// <summary>
    /// The QoS 1 publishes on the current connection that wait for their PUBACK: the connection's liveness evidence.
    /// An ack older than the ack timeout means a dead link; no ack at all for the self-heal time means a reboot.
    /// Parallel arrays (no struct arrays on nanoFramework); main loop only.
    /// </summary>
    public sealed class PublishTracker
    {
        private readonly int[] _ids;
        private readonly long[] _sentMs;
        private readonly bool[] _internal;
        private int _count;
        private long _unackedSinceMs = -1;

        /// <summary>Creates the tracker.</summary>
        /// <param name="capacity">Most publishes tracked at once.</param>
        public PublishTracker(int capacity)
        {
            _ids = new int[capacity];
            _sentMs = new long[capacity];
            _internal = new bool[capacity];
        }

        /// <summary>Publishes awaiting their PUBACK.</summary>
        public int Count => _count;

        /// <summary>Capacity (application publishes may use all but one slot).</summary>
        public int Capacity => _ids.Length;

        /// <summary>
        /// Since when publishes have gone unacknowledged (the self-heal clock), or -1. It survives a dropped link on
        /// purpose: a node that reconnects but never gets an ack is what self-heal is for.
        /// </summary>
        public long UnackedSinceMs => _unackedSinceMs;

        /// <summary>Monotonic time the oldest tracked publish was sent, or -1.</summary>
        public long OldestSentMs => _count == 0 ? -1 : _sentMs[0];

        /// <summary>Id of the oldest tracked publish (valid when <see cref="Count"/> &gt; 0).</summary>
        public int OldestId => _ids[0];

        /// <summary>Tracks one publish.</summary>
        /// <param name="id">Message id.</param>
        /// <param name="isInternal">True for the connection's own status publishes (not reported to the node).</param>
        /// <param name="nowMs">Send time.</param>
        public void Track(int id, bool isInternal, long nowMs)
        {
            if (_count >= _ids.Length)
            {
                return;
            }

            _ids[_count] = id;
            _sentMs[_count] = nowMs;
            _internal[_count] = isInternal;
            _count++;
            if (_unackedSinceMs < 0)
            {
                _unackedSinceMs = nowMs;
            }
        }

        /// <summary>A PUBACK arrived: untracks the id and reports it when it was an application publish.</summary>
        /// <param name="id">Message id.</param>
        /// <param name="nowMs">Now (restarts the self-heal clock while others wait).</param>
        /// <param name="report">Where acknowledged application publishes go.</param>
        /// <returns>True when the id was tracked and is an internal status publish.</returns>
        public bool Ack(int id, long nowMs, LinkReport report)
        {
            int kind = Remove(id);
            if (kind < 0)
            {
                return false;
            }

            _unackedSinceMs = _count > 0 ? nowMs : -1;
            if (kind == 0)
            {
                report.AddAcked(id);
            }

            return kind == 1;
        }

        /// <summary>The client gave a publish up: untracks it and reports it lost.</summary>
        /// <param name="id">Message id.</param>
        /// <param name="report">Where lost application publishes go.</param>
        /// <returns>True when the id was tracked.</returns>
        public bool Fail(int id, LinkReport report)
        {
            int kind = Remove(id);
            if (kind == 0)
            {
                report.AddLost(id);
            }

            return kind >= 0;
        }

        /// <summary>The connection is gone: every tracked application publish is reported lost.</summary>
        /// <param name="report">Where they go.</param>
        public void LoseAll(LinkReport report)
        {
            for (int i = 0; i < _count; i++)
            {
                if (!_internal[i])
                {
                    report.AddLost(_ids[i]);
                }
            }

            _count = 0;
        }

        /// <summary>Restarts the self-heal clock: the broker is unreachable, which a reboot does not fix.</summary>
        public void ForgetUnacked()
        {
            _unackedSinceMs = -1;
        }

        private int Remove(int id)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_ids[i] != id)
                {
                    continue;
                }

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
