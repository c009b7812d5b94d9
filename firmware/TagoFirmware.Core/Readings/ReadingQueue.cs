using System;
using TagoFirmware.Platform;

namespace TagoFirmware.Readings
{
    /// <summary>
    /// Store-and-forward queue of sensor readings: the readings in RAM (<see cref="ReadingRing"/>), mirrored to an
    /// append-only log (<see cref="ReadingLog"/>, restored by <see cref="ReadingLogRestore"/>) so that unsent
    /// readings survive reboots, power loss and deep sleep. docs/store-and-forward.md has the whole design, the flash
    /// wear estimate and the storage byte budget.
    /// </summary>
    /// <remarks>
    /// <para><b>Use.</b> At boot: construct, call <see cref="Load"/> once. Per sampling cycle: <see cref="BeginCycle"/>,
    /// one <see cref="Add"/> per variable, <see cref="EndCycle"/> (one flash write per cycle). When the clock first
    /// becomes valid: <see cref="OnClockSynced"/>. To publish (usually through <see cref="ReadingBatcher"/>): read the
    /// oldest readings with the <c>Get…</c> accessors (index 0 = oldest reading not in flight) into the payload
    /// writer until it refuses, <see cref="MarkInFlight"/> the number written, publish, then
    /// <see cref="Acknowledge"/> on the broker's ack or <see cref="ReturnInFlight"/> when the payload is lost.</para>
    /// <para><b>Ordering and removal.</b> Readings leave only from the front: acknowledged payloads and, when the ring
    /// is full, the oldest reading (counted in <see cref="DroppedReadings"/> and reported through
    /// <see cref="UnreportedDroppedReadings"/>). At most one payload is in flight. A reading dropped while in flight
    /// is counted as dropped only if that payload is then lost; if it is acknowledged it was delivered.</para>
    /// <para><b>Time.</b> A cycle whose wall clock is not valid is recorded as boot counter + monotonic ms. The first
    /// valid (wall, monotonic) pair of the boot (<see cref="OnClockSynced"/>, or a <see cref="BeginCycle"/> with a
    /// valid clock) fills in wall = sync wall - (sync monotonic - reading monotonic), exact up to 49.7 days back.
    /// Untimed readings are never handed out for publishing; those of a boot that ended before any sync are dropped
    /// at the next <see cref="Load"/> and counted in <see cref="UntimedReadings"/>.</para>
    /// <para><b>Allocation.</b> Constructor and <see cref="Load"/> allocate; nothing else does. Not thread-safe: call
    /// from the main loop only.</para>
    /// </remarks>
    public sealed partial class ReadingQueue
    {
        /// <summary>Default capacity (readings): 12 KB of RAM.</summary>
        public const int DefaultCapacity = 1024;

        /// <summary>Largest capacity: 65 535 readings = 768 KB, more than any ESP32 without PSRAM has.</summary>
        public const int MaxCapacity = 65535;

        private static readonly double[] s_pow10 = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

        private readonly ReadingRing _ring;
        private readonly ReadingLog _log;
        private readonly IReadingStore _store;

        private int _inFlightTicket;
        private int _inFlightCount;
        private int _inFlightDropped;
        private int _inFlightReportedDropped;
        private int _inFlightReportedUntimed;
        private int _nextTicket = 1;

        private int _droppedTotal;
        private int _untimedTotal;
        private int _unreportedDropped;
        private int _unreportedUntimed;

        private int _bootCounter;
        private bool _synced;
        private long _syncWall;
        private uint _syncMono;

        private bool _inCycle;
        private bool _cycleTimed;
        private long _cycleWall;
        private uint _cycleMono;
        private int _cycleAdded;

        private bool _readOnly;
        private int _skippedRecords;

        /// <summary>Creates the queue and allocates its ring (capacity × 12 bytes) and a 640-byte I/O buffer.</summary>
        /// <param name="capacity">Readings the ring holds (config <c>queue_capacity</c>, default 1024); values outside
        /// 1..65535 are clamped, because a bad config value must not stop the node (the config validator reports it).</param>
        /// <param name="store">Where the log lives, or null to keep the queue in RAM only.</param>
        public ReadingQueue(int capacity, IReadingStore store)
        {
            _ring = new ReadingRing(capacity < 1 ? 1 : capacity > MaxCapacity ? MaxCapacity : capacity);
            _store = store;
            _log = new ReadingLog(this, _ring, store);
        }

        /// <summary>Where storage failures, their recovery and what <see cref="Load"/> ignored are logged; null for none.</summary>
        public ILog Log
        {
            get => _log.Log;
            set => _log.Log = value;
        }

        /// <summary>Readings the ring holds.</summary>
        public int Capacity => _ring.Capacity;

        /// <summary>Queue depth: every queued reading, timed or not, in flight or not.</summary>
        public int Count => _ring.Count;

        /// <summary>Readings not in flight (timed or untimed); the <c>Get…</c> accessors index these.</summary>
        public int PendingCount => _ring.Count - _inFlightCount;

        /// <summary>
        /// Readings that may be published now: the run of timed readings right after the in-flight ones. Untimed
        /// readings (and anything queued behind them) wait for the clock.
        /// </summary>
        public int PublishableCount
        {
            get
            {
                int pending = _ring.Count - _inFlightCount;
                if (_ring.UntimedCount == 0)
                {
                    return pending;
                }

                for (int i = 0; i < pending; i++)
                {
                    if (ReadingRecord.IsUntimed(_ring.Bytes, PendingOffset(i)))
                    {
                        return i;
                    }
                }

                return pending;
            }
        }

        /// <summary>Readings recorded against the monotonic clock that still wait for the first sync of this boot.</summary>
        public int UntimedCount => _ring.UntimedCount;

        /// <summary>Ticket of the payload in flight, or 0 when none is.</summary>
        public int InFlightTicket => _inFlightTicket;

        /// <summary>Readings carried by the payload in flight (less any dropped meanwhile).</summary>
        public int InFlightCount => _inFlightCount;

        /// <summary>Readings dropped because the queue was full, since <see cref="Load"/> (for the log and diagnostics).</summary>
        public int DroppedReadings => _droppedTotal;

        /// <summary>Readings of earlier boots dropped because that boot never got a valid clock, since <see cref="Load"/>.</summary>
        public int UntimedReadings => _untimedTotal;

        /// <summary>Dropped readings (any boot, persisted) not yet reported in an acknowledged payload: the value of the
        /// <c>dropped_readings</c> variable of the next payload.</summary>
        public int UnreportedDroppedReadings => _unreportedDropped;

        /// <summary>Untimed readings dropped (any boot, persisted) and not yet reported: the value of the
        /// <c>untimed_readings</c> variable of the next payload.</summary>
        public int UnreportedUntimedReadings => _unreportedUntimed;

        /// <summary>Whether the next payload should carry <c>dropped_readings</c> / <c>untimed_readings</c>.</summary>
        public bool IsReportPending => _unreportedDropped > 0 || _unreportedUntimed > 0;

        /// <summary>This boot's counter (persisted in the log; 0 when the queue is not persisted).</summary>
        public int BootCounter => _bootCounter;

        /// <summary>Whether wall time is known for this boot (after the first sync).</summary>
        public bool IsClockSynced => _synced;

        /// <summary>Whether the queue is mirrored to the store (false also for a read-only store).</summary>
        public bool IsPersistent => _log.IsPersistent;

        /// <summary>Whether the last load found the store read-only: its readings are sent from RAM, nothing is written.</summary>
        public bool IsStoreReadOnly => _readOnly;

        /// <summary>Whether the last write to the store failed: the queue runs from RAM until a rewrite succeeds.</summary>
        public bool IsStoreFaulted => _log.IsFaulted;

        /// <summary>Store operations that failed since construction (<c>store_errors</c> in diagnostics).</summary>
        public int StoreErrors => _log.StoreErrors;

        /// <summary>Acknowledged readings whose removal could not be written at once; a power cut before the store
        /// works again sends them a second time (<c>unsaved_acks</c> in diagnostics).</summary>
        public int UnsavedAcks => _log.UnsavedAcks;

        /// <summary>Compactions (log rewrites) since construction.</summary>
        public int Compactions => _log.Compactions;

        /// <summary>Torn, corrupted or malformed log records skipped by the last <see cref="Load"/>.</summary>
        public int SkippedRecords => _skippedRecords;

        /// <summary>Reading records the last <see cref="Load"/> ignored because their sequence number was not above
        /// the last one seen (a log copied onto itself).</summary>
        public int RepeatedRecords { get; private set; }

        /// <summary>Records in the log file (live and dead).</summary>
        public int LogRecords => _log.Records;

        /// <summary>Most bytes the queue's files take on the store (log plus replacement while compacting).</summary>
        public int StoreBudgetBytes => _log.BudgetBytes;

        /// <summary>
        /// Dead records (acknowledged or dropped readings, marks) the log may hold before it is compacted;
        /// default max(capacity, 64). Smaller values compact more often (more flash writes, smaller file).
        /// </summary>
        public int CompactionSlackRecords
        {
            get => _log.Slack;
            set => _log.Slack = value;
        }

        /// <summary>
        /// Rebuilds the queue from the log (call once at boot, before anything else): every intact, unacknowledged
        /// reading comes back in order (<see cref="ReadingLogRestore"/>). Then starts a new boot (boot counter + 1,
        /// persisted). The log is rewritten if it was damaged, anything was dropped or ignored, or it is over budget.
        /// A store that can only be read is read and left alone: its readings are sent from RAM.
        /// </summary>
        /// <returns>What was found.</returns>
        public ReadingLoadResult Load()
        {
            ResetRam();
            if (_store == null)
            {
                return ReadingLoadResult.NotPersisted;
            }

            ReadingLogRestore restore = new ReadingLogRestore(_ring, _log);
            ReadingLoadResult result = restore.Run();
            if (result == ReadingLoadResult.StoreUnavailable)
            {
                ResetRam();
                _log.StoreErrors++;
                return result;
            }

            _skippedRecords = restore.Skipped;
            RepeatedRecords = restore.Repeated;
            _droppedTotal = restore.Overflowed;
            _unreportedDropped = restore.UnreportedDropped + restore.Overflowed;
            _untimedTotal = restore.UntimedDropped;
            _unreportedUntimed = restore.UnreportedUntimed + restore.UntimedDropped;
            _bootCounter = (restore.LastBoot + 1) & 0xFFFF;
            _readOnly = !_store.CanWrite;
            return _log.Open(restore, result, _bootCounter, _readOnly);
        }

        /// <summary>Variable index of pending reading <paramref name="i"/> (0 = oldest not in flight).</summary>
        /// <param name="i">0..<see cref="PendingCount"/>-1.</param>
        /// <returns>0..255, or -1 when <paramref name="i"/> is out of range.</returns>
        public int GetVariableIndex(int i)
        {
            return InPending(i) ? ReadingRecord.VariableIndex(_ring.Bytes, PendingOffset(i)) : -1;
        }

        /// <summary>Scaled value (value × 10^decimals) of pending reading <paramref name="i"/>.</summary>
        /// <param name="i">0..<see cref="PendingCount"/>-1.</param>
        /// <returns>The scaled value, or 0 when <paramref name="i"/> is out of range.</returns>
        public int GetScaledValue(int i)
        {
            return InPending(i) ? ReadingRecord.ScaledValue(_ring.Bytes, PendingOffset(i)) : 0;
        }

        /// <summary>Decimals of pending reading <paramref name="i"/>.</summary>
        /// <param name="i">0..<see cref="PendingCount"/>-1.</param>
        /// <returns>0..6, or -1 when <paramref name="i"/> is out of range.</returns>
        public int GetDecimals(int i)
        {
            return InPending(i) ? ReadingRecord.Decimals(_ring.Bytes, PendingOffset(i)) : -1;
        }

        /// <summary>Value of pending reading <paramref name="i"/> as a double (scaled value / 10^decimals).</summary>
        /// <param name="i">0..<see cref="PendingCount"/>-1.</param>
        /// <returns>The value, or 0 when <paramref name="i"/> is out of range.</returns>
        public double GetValue(int i)
        {
            if (!InPending(i))
            {
                return 0;
            }

            int off = PendingOffset(i);
            return ReadingRecord.ScaledValue(_ring.Bytes, off) / s_pow10[ReadingRecord.Decimals(_ring.Bytes, off)];
        }

        /// <summary>Wall time of pending reading <paramref name="i"/>, shared by its whole sampling cycle.</summary>
        /// <param name="i">0..<see cref="PendingCount"/>-1.</param>
        /// <returns>Unix ms, or -1 when the reading is untimed or <paramref name="i"/> is out of range.</returns>
        public long GetTimeUnixMs(int i)
        {
            return InPending(i) ? ReadingRecord.UnixMs(_ring.Bytes, PendingOffset(i)) : -1;
        }

        /// <summary>Writes the group id of pending reading <paramref name="i"/> (derived from its time, see <see cref="ReadingGroupId"/>).</summary>
        /// <param name="i">0..<see cref="PendingCount"/>-1.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Bytes written, 0 when the reading is untimed, out of range, or the buffer too short.</returns>
        public int WriteGroupId(int i, byte[] buffer, int offset)
        {
            long time = GetTimeUnixMs(i);
            return time < 0 ? 0 : ReadingGroupId.Write(time, buffer, offset);
        }

        /// <summary>
        /// Marks the oldest <paramref name="count"/> pending readings as carried by a payload about to be published.
        /// They stay queued (and persisted) until <see cref="Acknowledge"/>.
        /// </summary>
        /// <param name="count">Readings written into the payload, 0..<see cref="PublishableCount"/> (0 only for a
        /// payload that carries just the counters).</param>
        /// <param name="carriesCounters">Whether the payload carries <see cref="UnreportedDroppedReadings"/> and
        /// <see cref="UnreportedUntimedReadings"/>; they are cleared when it is acknowledged.</param>
        /// <returns>The payload's ticket (1 or more), or 0 when refused (another payload in flight, bad count).</returns>
        public int MarkInFlight(int count, bool carriesCounters)
        {
            if (_inFlightTicket != 0 || count < 0 || count > PublishableCount)
            {
                return 0;
            }

            if (count == 0 && !(carriesCounters && IsReportPending))
            {
                return 0;
            }

            _inFlightTicket = _nextTicket;
            _nextTicket = _nextTicket == int.MaxValue ? 1 : _nextTicket + 1;
            _inFlightCount = count;
            _inFlightDropped = 0;
            _inFlightReportedDropped = carriesCounters ? _unreportedDropped : 0;
            _inFlightReportedUntimed = carriesCounters ? _unreportedUntimed : 0;
            return _inFlightTicket;
        }

        /// <summary>
        /// The payload with <paramref name="ticket"/> was delivered (PUBACK at QoS 1, or sent at QoS 0): removes its
        /// readings and clears the counters it carried, then persists one acknowledgement mark.
        /// </summary>
        /// <param name="ticket">Ticket from <see cref="MarkInFlight"/>.</param>
        /// <returns><see cref="ReadingAckResult.Applied"/>, or <see cref="ReadingAckResult.NotInFlight"/> for a
        /// duplicate, late or unknown ack (nothing changes).</returns>
        public ReadingAckResult Acknowledge(int ticket)
        {
            if (ticket == 0 || ticket != _inFlightTicket)
            {
                return ReadingAckResult.NotInFlight;
            }

            int removed = _inFlightCount;
            for (int i = 0; i < removed; i++)
            {
                _ring.RemoveHead();
            }

            _unreportedDropped -= _inFlightReportedDropped;
            _unreportedUntimed -= _inFlightReportedUntimed;
            if (_unreportedDropped < 0)
            {
                _unreportedDropped = 0;
            }

            if (_unreportedUntimed < 0)
            {
                _unreportedUntimed = 0;
            }

            ClearInFlight();
            _log.AppendAck(removed);
            return ReadingAckResult.Applied;
        }

        /// <summary>
        /// The payload with <paramref name="ticket"/> was lost (connection closed or ack timeout before its ack): its
        /// readings stay at the front of the queue and go out again in the next payload.
        /// </summary>
        /// <param name="ticket">Ticket from <see cref="MarkInFlight"/>.</param>
        /// <returns><see cref="ReadingAckResult.Applied"/>, or <see cref="ReadingAckResult.NotInFlight"/>.</returns>
        public ReadingAckResult ReturnInFlight(int ticket)
        {
            if (ticket == 0 || ticket != _inFlightTicket)
            {
                return ReadingAckResult.NotInFlight;
            }

            // Readings dropped while the payload was in flight are lost for good now.
            _droppedTotal += _inFlightDropped;
            _unreportedDropped += _inFlightDropped;
            ClearInFlight();
            return ReadingAckResult.Applied;
        }

        /// <summary>
        /// Makes sure the log holds everything (call before an intentional reboot or deep sleep): ends an open cycle
        /// and rewrites the log if an earlier write failed.
        /// </summary>
        /// <returns>True when the log is complete (or the queue is not persisted).</returns>
        public bool Flush()
        {
            if (_inCycle)
            {
                EndCycle();
            }

            if (_log.IsPersistent && _log.IsFaulted)
            {
                _log.Compact();
            }

            return !_log.IsFaulted;
        }

        /// <summary>
        /// While the last write failed, rewrites the log from RAM, at most every 5 s: call it on every step, so that
        /// once the store works again the acknowledgements are on flash before a restart could replay them.
        /// </summary>
        /// <param name="nowMs">Monotonic ms now.</param>
        /// <returns>True when the log is complete (or the queue is not persisted).</returns>
        public bool RetryStore(long nowMs)
        {
            return _log.Retry(nowMs);
        }

        /// <summary>
        /// Rewrites the log as header, boot record, acknowledgement mark and the queued readings, then switches to it
        /// atomically (<see cref="IReadingStore.CommitReplace"/>). Runs by itself when the log holds
        /// <see cref="CompactionSlackRecords"/> dead records, when an append would pass the byte budget, or after a
        /// failed write.
        /// </summary>
        /// <returns>True when the new log is in force.</returns>
        public bool Compact()
        {
            return _log.Compact();
        }

        private void ResetRam()
        {
            _ring.Clear(0);
            _log.Reset();
            ClearInFlight();
            _droppedTotal = 0;
            _untimedTotal = 0;
            _unreportedDropped = 0;
            _unreportedUntimed = 0;
            _bootCounter = 0;
            _synced = false;
            _inCycle = false;
            _cycleAdded = 0;
            _readOnly = false;
            _skippedRecords = 0;
            RepeatedRecords = 0;
        }

        private void ClearInFlight()
        {
            _inFlightTicket = 0;
            _inFlightCount = 0;
            _inFlightDropped = 0;
            _inFlightReportedDropped = 0;
            _inFlightReportedUntimed = 0;
        }

        private bool InPending(int i)
        {
            return i >= 0 && i < _ring.Count - _inFlightCount;
        }

        private int PendingOffset(int i)
        {
            return _ring.Offset(_inFlightCount + i);
        }

        // Frees a slot if the ring is full (dropping the oldest reading) and returns the offset of the next free slot.
        private int MakeRoom()
        {
            if (_ring.Count == _ring.Capacity)
            {
                if (_inFlightCount > 0)
                {
                    // Counted only if its payload is lost: if it is acknowledged the reading was delivered.
                    _inFlightCount--;
                    _inFlightDropped++;
                }
                else
                {
                    _droppedTotal++;
                    _unreportedDropped++;
                }

                _ring.RemoveHead();
            }

            return _ring.Offset(_ring.Count);
        }
    }
}
