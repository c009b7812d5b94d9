namespace TagoFirmware.Readings
{
    /// <summary>
    /// Decides when the queued readings go out and how many (no JSON: the payload writer is elsewhere), and keeps the
    /// delivery bookkeeping of <see cref="ReadingQueue"/> for one MQTT link.
    /// </summary>
    /// <remarks>
    /// <para><b>When.</b> A payload is due when no payload is in flight, at least the minimum spacing
    /// passed since the last one, and either <see cref="BatchSize"/> readings are publishable (default 10), or the
    /// oldest publishable reading has waited the batch interval (default 30 s) — the TagoIO guide's "10
    /// readings or 30 seconds" — or a backlog is being replayed, or a flush was requested (deep sleep, reboot).</para>
    /// <para><b>How many.</b> <see cref="DueCount"/> readings at most (≤ <see cref="BatchSize"/>). The caller writes
    /// readings 0, 1, … (<see cref="ReadingQueue.GetVariableIndex"/> and friends) into its payload buffer until the
    /// writer refuses one or <see cref="DueCount"/> is reached, then calls <see cref="Take"/> with the number
    /// written; a payload never holds more than its buffer fits.</para>
    /// <para><b>Replay pace.</b> One payload in flight at a time, and at least the minimum spacing
    /// (default 1000 ms) between payloads: a backlog drains at ≤ 1 payload/s, i.e. ≤ 10 readings/s at the default
    /// batch (1000 readings in about 100 s), 60 publishes a minute — a quarter of the TagoIO Free profile's 250
    /// MQTT publishes per minute, which is shared by every device of the profile. Replay is oldest first with the
    /// original timestamps; new readings queue behind the backlog and go out after it.</para>
    /// <para><b>QoS 1</b> : readings leave the queue only when the broker acknowledges
    /// the payload (<see cref="OnAcknowledged"/>); a payload lost to a disconnect or ack timeout
    /// (<see cref="OnLost"/>) is sent again. Delivery is at-least-once: a late ack, or a crash between PUBACK and
    /// the persisted ack mark, repeats at most the one payload that was in flight (duplicates are identifiable by
    /// variable + time). <b>QoS 0</b>: readings leave when the publish call returns (<see cref="OnSent"/>), so a
    /// payload the link silently loses is gone; there is no ack round trip, so it is faster and uses less airtime.</para>
    /// <para>Times are monotonic milliseconds (uint, wrapping after 49.7 days; all comparisons are wrap-safe).
    /// Allocation-free; call from the main loop only.</para>
    /// </remarks>
    public sealed class ReadingBatcher
    {
        /// <summary>Default readings per payload (the TagoIO guide's batching example).</summary>
        public const int DefaultBatchSize = 10;

        /// <summary>Default longest wait of a reading before a partial batch goes out (30 s).</summary>
        public const int DefaultBatchIntervalMs = 30000;

        /// <summary>Default shortest time between two payloads (1 s: ≤ 60 publishes a minute).</summary>
        public const int DefaultMinPublishSpacingMs = 1000;

        private readonly ReadingQueue _queue;
        private readonly int _batchSize;
        private readonly uint _batchIntervalMs;
        private readonly uint _minSpacingMs;
        private readonly bool _atLeastOnce;

        private bool _pendingSinceValid;
        private uint _pendingSince;
        private bool _lastPublishValid;
        private uint _lastPublish;
        private bool _backlog;
        private bool _flush;

        /// <summary>Creates the batcher with the default batch (10), interval (30 s), spacing (1 s) and QoS 1. Create it
        /// after <see cref="ReadingQueue.Load"/>, so readings restored from flash count as a backlog and go out at once.</summary>
        /// <param name="queue">The queue to publish from.</param>
        public ReadingBatcher(ReadingQueue queue)
            : this(queue, DefaultBatchSize, DefaultBatchIntervalMs, DefaultMinPublishSpacingMs, true)
        {
        }

        /// <summary>Creates the batcher.</summary>
        /// <param name="queue">The queue to publish from.</param>
        /// <param name="batchSize">Readings per payload (config <c>batch</c>), clamped to 1..100 (TagoIO handles
        /// at most 100 variables per frame).</param>
        /// <param name="batchIntervalMs">Longest wait for a partial batch (config <c>batch_interval</c>), ≥ 0.</param>
        /// <param name="minPublishSpacingMs">Shortest time between payloads, ≥ 0.</param>
        /// <param name="atLeastOnce">True for QoS 1 (remove on ack), false for QoS 0 (remove on send).</param>
        public ReadingBatcher(ReadingQueue queue, int batchSize, int batchIntervalMs, int minPublishSpacingMs, bool atLeastOnce)
        {
            _queue = queue;
            _batchSize = batchSize < 1 ? 1 : (batchSize > 100 ? 100 : batchSize);
            _batchIntervalMs = batchIntervalMs < 0 ? 0u : (uint)batchIntervalMs;
            _minSpacingMs = minPublishSpacingMs < 0 ? 0u : (uint)minPublishSpacingMs;
            _atLeastOnce = atLeastOnce;

            // Readings restored from the log at boot are a backlog: they go out as soon as the link is up.
            _backlog = queue.PublishableCount > 0 || queue.IsReportPending;
        }

        /// <summary>Readings per payload.</summary>
        public int BatchSize => _batchSize;

        /// <summary>Publish everything publishable now, ignoring the batch interval, until the queue is empty
        /// (before deep sleep or an intentional reboot).</summary>
        public void RequestFlush()
        {
            _flush = true;
        }

        /// <summary>Whether a payload should be built now.</summary>
        /// <param name="nowMs">Monotonic ms now.</param>
        /// <returns>True when a payload is due (see the remarks of the class).</returns>
        public bool IsDue(uint nowMs)
        {
            if (_queue.InFlightTicket != 0)
            {
                return false;
            }

            int publishable = _queue.PublishableCount;
            if (publishable == 0 && !_queue.IsReportPending)
            {
                _pendingSinceValid = false;
                _backlog = false;
                _flush = false;
                return false;
            }

            if (!_pendingSinceValid)
            {
                _pendingSinceValid = true;
                _pendingSince = nowMs;
            }

            if (_lastPublishValid && nowMs - _lastPublish < _minSpacingMs)
            {
                return false;
            }

            return publishable >= _batchSize || _backlog || _flush || nowMs - _pendingSince >= _batchIntervalMs;
        }

        /// <summary>How many readings the next payload may carry: 0 when none is due, else up to <see cref="BatchSize"/>.</summary>
        /// <param name="nowMs">Monotonic ms now.</param>
        /// <returns>0..<see cref="BatchSize"/>. 0 with <see cref="ReadingQueue.IsReportPending"/> and
        /// <see cref="IsDue"/> true means a payload with just the counters.</returns>
        public int DueCount(uint nowMs)
        {
            if (!IsDue(nowMs))
            {
                return 0;
            }

            int publishable = _queue.PublishableCount;
            return publishable < _batchSize ? publishable : _batchSize;
        }

        /// <summary>Milliseconds until <see cref="IsDue"/> may turn true without new readings (for the loop's sleep).</summary>
        /// <param name="nowMs">Monotonic ms now.</param>
        /// <returns>0 when due now; uint.MaxValue when nothing is waiting or a payload is in flight.</returns>
        public uint MillisecondsUntilDue(uint nowMs)
        {
            if (IsDue(nowMs))
            {
                return 0;
            }

            if (_queue.InFlightTicket != 0 || !_pendingSinceValid)
            {
                return uint.MaxValue;
            }

            uint wait = 0;
            if (!(_queue.PublishableCount >= _batchSize || _backlog || _flush))
            {
                uint waited = nowMs - _pendingSince;
                wait = waited >= _batchIntervalMs ? 0 : _batchIntervalMs - waited;
            }

            if (_lastPublishValid)
            {
                uint since = nowMs - _lastPublish;
                uint spacing = since >= _minSpacingMs ? 0 : _minSpacingMs - since;
                if (spacing > wait)
                {
                    wait = spacing;
                }
            }

            return wait;
        }

        /// <summary>
        /// Marks the first <paramref name="count"/> pending readings as carried by the payload about to be published.
        /// </summary>
        /// <param name="count">Readings written into the payload (≤ <see cref="DueCount"/>).</param>
        /// <param name="carriesCounters">Whether the payload also carries <c>dropped_readings</c>/<c>untimed_readings</c>.</param>
        /// <param name="nowMs">Monotonic ms now.</param>
        /// <returns>The payload's ticket, or 0 when refused (nothing due, a payload in flight, bad count).</returns>
        public int Take(int count, bool carriesCounters, uint nowMs)
        {
            if (count > _batchSize)
            {
                return 0;
            }

            int ticket = _queue.MarkInFlight(count, carriesCounters);
            if (ticket == 0)
            {
                return 0;
            }

            _lastPublishValid = true;
            _lastPublish = nowMs;
            return ticket;
        }

        /// <summary>
        /// The publish call for <paramref name="ticket"/> returned successfully. At QoS 0 the readings leave now; at
        /// QoS 1 they wait for <see cref="OnAcknowledged"/>.
        /// </summary>
        /// <param name="ticket">Ticket from <see cref="Take"/>.</param>
        /// <returns><see cref="ReadingAckResult.Applied"/> at QoS 0, <see cref="ReadingAckResult.AwaitingAck"/> at
        /// QoS 1, <see cref="ReadingAckResult.NotInFlight"/> for an unknown ticket.</returns>
        public ReadingAckResult OnSent(int ticket)
        {
            if (ticket == 0 || ticket != _queue.InFlightTicket)
            {
                return ReadingAckResult.NotInFlight;
            }

            if (_atLeastOnce)
            {
                return ReadingAckResult.AwaitingAck;
            }

            return OnAcknowledged(ticket);
        }

        /// <summary>The broker acknowledged the payload with <paramref name="ticket"/> (PUBACK).</summary>
        /// <param name="ticket">Ticket from <see cref="Take"/>.</param>
        /// <returns><see cref="ReadingAckResult.Applied"/>, or <see cref="ReadingAckResult.NotInFlight"/> for a
        /// duplicate or late ack (ignored).</returns>
        public ReadingAckResult OnAcknowledged(int ticket)
        {
            ReadingAckResult result = _queue.Acknowledge(ticket);
            if (result != ReadingAckResult.Applied)
            {
                return result;
            }

            int publishable = _queue.PublishableCount;
            if (publishable == 0 && !_queue.IsReportPending)
            {
                _pendingSinceValid = false;
                _backlog = false;
                _flush = false;
            }
            else if (publishable < _batchSize && !_flush)
            {
                // The backlog is drained; what is left waits like fresh readings (at most one batch interval).
                _backlog = false;
            }

            return ReadingAckResult.Applied;
        }

        /// <summary>
        /// The payload with <paramref name="ticket"/> was lost: the connection closed, the publish call failed, or
        /// the ack did not come in time. Its readings go out again first, as soon as the link allows.
        /// </summary>
        /// <param name="ticket">Ticket from <see cref="Take"/>.</param>
        /// <returns><see cref="ReadingAckResult.Applied"/> or <see cref="ReadingAckResult.NotInFlight"/>.</returns>
        public ReadingAckResult OnLost(int ticket)
        {
            ReadingAckResult result = _queue.ReturnInFlight(ticket);
            if (result == ReadingAckResult.Applied)
            {
                _backlog = true;
            }

            return result;
        }
    }
}
