namespace TagoFirmware.Readings
{
    /// <summary>Decides when queued readings go out and how many, and keeps <see cref="ReadingQueue"/>'s delivery bookkeeping for one link.</summary>
    /// <remarks>Due rules: docs/store-and-forward.md. Write up to <see cref="DueCount"/> readings, <see cref="Take"/> the number written.</remarks>
    public sealed class ReadingBatcher
    {
        /// <summary>Default shortest time between two payloads (1 s: ≤ 60 publishes a minute).</summary>
        public const int DefaultMinPublishSpacingMs = 1000;

        private readonly ReadingQueue _queue;
        private readonly uint _batchIntervalMs;
        private readonly uint _minSpacingMs;

        private bool _pendingSinceValid;
        private uint _pendingSince;
        private bool _lastPublishValid;
        private uint _lastPublish;
        private bool _backlog;
        private bool _flush;

        /// <summary>Creates the batcher after <see cref="ReadingQueue.Load"/>; <paramref name="batchSize"/> 1..100 (TagoIO's per-frame limit), times ≥ 0.</summary>
        public ReadingBatcher(ReadingQueue queue, int batchSize, int batchIntervalMs, int minPublishSpacingMs)
        {
            _queue = queue;
            BatchSize = batchSize;
            _batchIntervalMs = (uint)batchIntervalMs;
            _minSpacingMs = (uint)minPublishSpacingMs;

            // Readings restored from the log at boot are a backlog: they go out as soon as the link is up.
            _backlog = !Drained(queue.PublishableCount);
        }

        /// <summary>Readings per payload (1..100); set on <c>batch</c>.</summary>
        public int BatchSize;

        /// <summary>Publish everything publishable now, ignoring the batch interval (before deep sleep or a reboot).</summary>
        public void RequestFlush() => _flush = true;

        /// <summary>Readings the next payload may carry: 0 when none is due (0 and due with a report pending: counters only).</summary>
        public int DueCount(uint nowMs)
        {
            if (MillisecondsUntilDue(nowMs) != 0)
            {
                return 0;
            }

            int publishable = _queue.PublishableCount;
            return publishable < BatchSize ? publishable : BatchSize;
        }

        /// <summary>Milliseconds until a payload is due without new readings (0: due now); uint.MaxValue when never.</summary>
        public uint MillisecondsUntilDue(uint nowMs)
        {
            if (_queue.InFlightTicket != 0)
            {
                return uint.MaxValue;
            }

            int publishable = _queue.PublishableCount;
            if (Drained(publishable))
            {
                return uint.MaxValue;
            }

            if (!_pendingSinceValid)
            {
                _pendingSinceValid = true;
                _pendingSince = nowMs;
            }

            uint wait = 0;
            if (!(publishable >= BatchSize || _backlog || _flush))
            {
                uint waited = nowMs - _pendingSince;
                wait = waited >= _batchIntervalMs ? 0 : _batchIntervalMs - waited;
            }

            uint since = nowMs - _lastPublish;
            uint spacing = !_lastPublishValid || since >= _minSpacingMs ? 0 : _minSpacingMs - since;
            return spacing > wait ? spacing : wait;
        }

        /// <summary>Marks the first <paramref name="count"/> pending readings as carried by the payload about to go out; returns its ticket, or 0 when refused.</summary>
        public int Take(int count, bool carriesCounters, uint nowMs)
        {
            int ticket = count > BatchSize ? 0 : _queue.MarkInFlight(count, carriesCounters);
            if (ticket != 0)
            {
                _lastPublishValid = true;
                _lastPublish = nowMs;
            }

            return ticket;
        }

        /// <summary>The payload <paramref name="ticket"/> was delivered; false for a duplicate or late ack (ignored).</summary>
        public bool OnAcknowledged(int ticket)
        {
            if (!_queue.Acknowledge(ticket))
            {
                return false;
            }

            int publishable = _queue.PublishableCount;
            if (!Drained(publishable) && publishable < BatchSize && !_flush)
            {
                // The backlog is drained; what is left waits like fresh readings (at most one batch interval).
                _backlog = false;
            }

            return true;
        }

        // Nothing to send: the next reading starts a fresh wait.
        private bool Drained(int publishable)
        {
            if (publishable != 0 || _queue.IsReportPending)
            {
                return false;
            }

            _pendingSinceValid = _backlog = _flush = false;
            return true;
        }

        /// <summary>The payload <paramref name="ticket"/> was lost: its readings go out again first; false for an unknown ticket.</summary>
        public bool OnLost(int ticket)
        {
            bool applied = _queue.ReturnInFlight(ticket);
            _backlog |= applied;
            return applied;
        }
    }
}
