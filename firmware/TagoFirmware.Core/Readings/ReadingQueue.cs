using System;

namespace TagoFirmware.Readings
{
    /// <summary>
    /// Store-and-forward queue of sensor readings: a fixed-capacity ring of 12-byte records in one <c>byte[]</c>
    /// allocated at construction (<see cref="ReadingRecord"/>), optionally mirrored to an append-only log on flash
    /// (<see cref="ReadingLogFormat"/>, <see cref="IReadingStore"/>) so that unsent readings survive reboots, power
    /// loss and deep sleep.
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
    /// valid clock) fills in wall = sync wall - (sync monotonic - reading monotonic). Untimed readings are never
    /// handed out for publishing; those of a boot that ended before any sync are dropped at the next
    /// <see cref="Load"/> and counted in <see cref="UntimedReadings"/>. The ESP32 keeps its RTC through deep sleep,
    /// so after a timer wake the clock is usually valid already and readings are timed from the start; the untimed
    /// path covers cold boots, brown-outs and wakes where the RTC was lost. The monotonic difference is unsigned
    /// 32-bit: readings up to 49.7 days before the sync get the right time.</para>
    /// <para><b>Flash wear</b> (defaults: 60 s sampling, 2 variables, batch 10, batch interval 30 s, QoS 1, capacity
    /// 1024). Every cycle is published on its own (30 s &lt; 60 s), so a cycle costs one 40-byte append (2 data
    /// records of 20 B) and one 20-byte ack mark: 60 B per cycle, 86 400 B a day in 2 880 writes. Compaction runs
    /// after <see cref="CompactionSlackRecords"/> (1024) dead records, about every 341 cycles (5.7 h), and rewrites
    /// only the live readings (~100 B when the queue is short, ≤ 20.5 KB when full). The log stays under about
    /// 41 KB (+ ≤ 20.5 KB for the replacement file while compacting). nanoFramework's 4 MB ESP32 partition table
    /// gives I: a 256 KB LittleFS partition (64 × 4 KB blocks, nf-interpreter partitions_nanoclr_4mb.csv); SPI NOR
    /// is typically rated for 100 000 erases per sector; LittleFS levels wear over its free blocks. That is
    /// roughly 60–90 block erases a day, 1–2 per block, and even the pessimistic bound of one erase per write
    /// (58 per block per day) lasts about 4.7 years. README "Store and forward" has the full estimate.</para>
    /// <para><b>Allocation.</b> Constructor and <see cref="Load"/> allocate; nothing else does (no allocation per
    /// reading, per payload or per flash write). Not thread-safe: call from the main loop only.</para>
    /// </remarks>
    public sealed class ReadingQueue
    {
        /// <summary>Default capacity (readings): 12 KB of RAM.</summary>
        public const int DefaultCapacity = 1024;

        /// <summary>Largest capacity: 65 535 readings = 768 KB, more than any ESP32 without PSRAM has.</summary>
        public const int MaxCapacity = 65535;

        /// <summary>Log records written per flash write; a cycle of up to this many readings is one write.</summary>
        public const int RecordsPerWrite = 32;

        private static readonly double[] s_pow10 = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

        private readonly byte[] _ring;
        private readonly int _capacity;
        private readonly IReadingStore _store;
        private readonly byte[] _io;

        private int _head;
        private int _count;
        private int _headSeq;
        private int _untimedCount;

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

        private bool _persist;
        private bool _storeDirty;
        private int _logRecords;
        private int _storeErrors;
        private int _compactions;
        private int _skippedRecords;
        private int _compactionSlack;

        /// <summary>Creates the queue and allocates its ring (capacity × 12 bytes) and a 640-byte I/O buffer.</summary>
        /// <param name="capacity">Readings the ring holds (config <c>queue_capacity</c>, default 1024); values outside
        /// 1..65535 are clamped, because a bad config value must not stop the node (the config validator reports it).</param>
        /// <param name="store">Where the log lives, or null to keep the queue in RAM only.</param>
        public ReadingQueue(int capacity, IReadingStore store)
        {
            if (capacity < 1)
            {
                capacity = 1;
            }
            else if (capacity > MaxCapacity)
            {
                capacity = MaxCapacity;
            }

            _capacity = capacity;
            _ring = new byte[capacity * ReadingRecord.Size];
            _store = store;
            _io = new byte[RecordsPerWrite * ReadingLogFormat.RecordSize];
            _compactionSlack = capacity < 64 ? 64 : capacity;
        }

        /// <summary>Readings the ring holds.</summary>
        public int Capacity => _capacity;

        /// <summary>Queue depth: every queued reading, timed or not, in flight or not.</summary>
        public int Count => _count;

        /// <summary>Readings not in flight (timed or untimed); the <c>Get…</c> accessors index these.</summary>
        public int PendingCount => _count - _inFlightCount;

        /// <summary>
        /// Readings that may be published now: the run of timed readings right after the in-flight ones. Untimed
        /// readings (and anything queued behind them) wait for the clock.
        /// </summary>
        public int PublishableCount
        {
            get
            {
                int pending = _count - _inFlightCount;
                if (_untimedCount == 0)
                {
                    return pending;
                }

                for (int i = 0; i < pending; i++)
                {
                    if (ReadingRecord.IsUntimed(_ring, PendingOffset(i)))
                    {
                        return i;
                    }
                }

                return pending;
            }
        }

        /// <summary>Readings recorded against the monotonic clock that still wait for the first sync of this boot.</summary>
        public int UntimedCount => _untimedCount;

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

        /// <summary>Whether the queue is mirrored to the store.</summary>
        public bool IsPersistent => _persist;

        /// <summary>Whether the last write to the store failed; the next write rewrites the log from RAM.</summary>
        public bool IsStoreFaulted => _storeDirty;

        /// <summary>Store operations that failed since construction.</summary>
        public int StoreErrors => _storeErrors;

        /// <summary>Compactions (log rewrites) since construction.</summary>
        public int Compactions => _compactions;

        /// <summary>Torn, corrupted or malformed log records skipped by the last <see cref="Load"/>.</summary>
        public int SkippedRecords => _skippedRecords;

        /// <summary>Records in the log file (live and dead).</summary>
        public int LogRecords => _logRecords;

        /// <summary>
        /// Dead records (acknowledged or dropped readings, marks) the log may hold before it is compacted;
        /// default max(capacity, 64). Smaller values compact more often (more flash writes, smaller file).
        /// </summary>
        public int CompactionSlackRecords
        {
            get => _compactionSlack;
            set => _compactionSlack = value < 8 ? 8 : value;
        }

        /// <summary>
        /// Rebuilds the queue from the log (call once at boot, before anything else): every intact, unacknowledged
        /// reading comes back in order; torn and corrupted records are skipped; untimed readings of earlier boots
        /// are dropped and counted; readings beyond the capacity drop the oldest. Then starts a new boot (boot
        /// counter + 1, persisted). The log is rewritten if it was damaged or anything was dropped.
        /// </summary>
        /// <returns>What was found.</returns>
        public ReadingLoadResult Load()
        {
            ResetRam();
            if (_store == null)
            {
                _persist = false;
                return ReadingLoadResult.NotPersisted;
            }

            int length = SafeLength();
            if (length < 0)
            {
                _persist = false;
                return ReadingLoadResult.StoreUnavailable;
            }

            int records = length / ReadingLogFormat.RecordSize;
            bool damaged = length % ReadingLogFormat.RecordSize != 0;
            bool headerOk = false;
            bool incompatible = false;
            bool ackFound = false;
            int watermark = 0;
            int lastBoot = 0;
            int persistedDropped = 0;
            int persistedUntimed = 0;
            int skipped = 0;

            // Pass 1: header, last boot counter, last acknowledgement mark (the watermark and unreported counters).
            for (int index = 0; index < records;)
            {
                int n = ReadRecords(index, records);
                if (n <= 0)
                {
                    ResetRam();
                    _persist = false;
                    return ReadingLoadResult.StoreUnavailable;
                }

                for (int k = 0; k < n; k++)
                {
                    int off = k * ReadingLogFormat.RecordSize;
                    if (!ReadingLogFormat.IsIntact(_io, off))
                    {
                        skipped++;
                        continue;
                    }

                    byte kind = _io[off];
                    int body = off + ReadingLogFormat.BodyOffset;
                    if (kind == ReadingLogFormat.KindHeader)
                    {
                        if (index + k == 0)
                        {
                            headerOk = ReadingLogFormat.IsCompatibleHeader(_io, off);
                            incompatible = !headerOk;
                        }
                    }
                    else if (kind == ReadingLogFormat.KindBoot)
                    {
                        lastBoot = _io[body] | (_io[body + 1] << 8);
                    }
                    else if (kind == ReadingLogFormat.KindAck)
                    {
                        ackFound = true;
                        watermark = ReadingLogFormat.Sequence(_io, off);
                        persistedDropped = ReadingRecord.ReadInt32(_io, body);
                        persistedUntimed = ReadingRecord.ReadInt32(_io, body + 4);
                    }
                }

                index += n;
            }

            _skippedRecords = skipped;
            _unreportedDropped = persistedDropped < 0 ? 0 : persistedDropped;
            _unreportedUntimed = persistedUntimed < 0 ? 0 : persistedUntimed;
            bool rewrite = damaged || skipped > 0 || !headerOk || !ackFound;

            // Pass 2: replay data, boot and time records in log order.
            if (!incompatible)
            {
                int logBoot = -1;
                for (int index = 0; index < records;)
                {
                    int n = ReadRecords(index, records);
                    if (n <= 0)
                    {
                        ResetRam();
                        _persist = false;
                        return ReadingLoadResult.StoreUnavailable;
                    }

                    for (int k = 0; k < n; k++)
                    {
                        int off = k * ReadingLogFormat.RecordSize;
                        if (!ReadingLogFormat.IsIntact(_io, off))
                        {
                            continue;
                        }

                        byte kind = _io[off];
                        int body = off + ReadingLogFormat.BodyOffset;
                        if (kind == ReadingLogFormat.KindData)
                        {
                            int seq = ReadingLogFormat.Sequence(_io, off);
                            if (ackFound && ReadingLogFormat.Precedes(seq, watermark))
                            {
                                continue;
                            }

                            if (!ReadingRecord.IsWellFormed(_io, body))
                            {
                                _skippedRecords++;
                                rewrite = true;
                                continue;
                            }

                            if (_count == 0)
                            {
                                if (ackFound && seq != watermark)
                                {
                                    rewrite = true;
                                }

                                _headSeq = seq;
                            }
                            else if (seq != ((_headSeq + _count) & ReadingLogFormat.SequenceMask))
                            {
                                rewrite = true;
                            }

                            if (_count == _capacity)
                            {
                                rewrite = true;
                            }

                            int pos = MakeRoom();
                            Array.Copy(_io, body, _ring, pos, ReadingRecord.Size);
                            _count++;
                            if (ReadingRecord.IsUntimed(_ring, pos))
                            {
                                _untimedCount++;
                            }
                        }
                        else if (kind == ReadingLogFormat.KindBoot)
                        {
                            // A new boot began: whatever is still untimed belongs to a boot that ended unsynced.
                            if (DropUntimed() > 0)
                            {
                                rewrite = true;
                            }

                            logBoot = _io[body] | (_io[body + 1] << 8);
                        }
                        else if (kind == ReadingLogFormat.KindTime)
                        {
                            int boot = _io[body] | (_io[body + 1] << 8);
                            if (boot == logBoot)
                            {
                                FillIn(boot, ReadingRecord.ReadUInt48(_io, body + 2), (uint)ReadingRecord.ReadInt32(_io, body + 8));
                            }
                        }
                    }

                    index += n;
                }

                if (DropUntimed() > 0)
                {
                    rewrite = true;
                }
            }

            if (_count == 0)
            {
                _headSeq = ackFound ? watermark : 0;
            }

            _bootCounter = (lastBoot + 1) & 0xFFFF;
            _logRecords = records;
            _persist = true;

            if (rewrite || incompatible || _logRecords - _count >= _compactionSlack)
            {
                Compact();
            }
            else
            {
                ReadingLogFormat.WriteBoot(_io, 0, _bootCounter);
                AppendIo(1);
            }

            if (records == 0 && !damaged)
            {
                return ReadingLoadResult.Created;
            }

            if (incompatible)
            {
                return ReadingLoadResult.Incompatible;
            }

            return damaged || _skippedRecords > 0 ? ReadingLoadResult.RestoredWithDamage : ReadingLoadResult.Restored;
        }

        /// <summary>
        /// Opens a sampling cycle: every reading added until <see cref="EndCycle"/> shares this time (and so one
        /// group id). An open cycle is ended first.
        /// </summary>
        /// <param name="wallUnixMs">Wall clock now, Unix ms.</param>
        /// <param name="wallValid">Whether the wall clock is set (SNTP or RTC); times before 2020 count as not set.</param>
        /// <param name="monotonicMs">Monotonic ms since boot now.</param>
        public void BeginCycle(long wallUnixMs, bool wallValid, uint monotonicMs)
        {
            if (_inCycle)
            {
                EndCycle();
            }

            bool valid = wallValid && wallUnixMs >= ReadingRecord.MinValidUnixMs && wallUnixMs <= ReadingRecord.MaxUnixMs;
            if (valid && !_synced)
            {
                // The first valid clock of the boot is a sync point for the readings taken before it.
                OnClockSynced(wallUnixMs, monotonicMs);
            }

            _inCycle = true;
            _cycleAdded = 0;
            _cycleMono = monotonicMs;
            if (valid)
            {
                _cycleTimed = true;
                _cycleWall = wallUnixMs;
            }
            else if (_synced)
            {
                _cycleTimed = true;
                _cycleWall = _syncWall + (monotonicMs - _syncMono);
            }
            else
            {
                _cycleTimed = false;
                _cycleWall = 0;
            }
        }

        /// <summary>Adds one reading to the open cycle, scaling it to an integer with <paramref name="decimals"/> decimals.</summary>
        /// <param name="variableIndex">Index into the configured variable table, 0..255.</param>
        /// <param name="value">The value; NaN and infinities are refused.</param>
        /// <param name="decimals">Decimals to keep, 0..6 (rounded half away from zero).</param>
        /// <returns><see cref="ReadingAppendResult.Queued"/> or why nothing was queued.</returns>
        public ReadingAppendResult Add(int variableIndex, double value, int decimals)
        {
            if (decimals < 0 || decimals > ReadingRecord.MaxDecimals)
            {
                return ReadingAppendResult.BadDecimals;
            }

            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return ReadingAppendResult.NotANumber;
            }

            double scaled = value * s_pow10[decimals];
            if (scaled >= 2147483647.5 || scaled <= -2147483647.5)
            {
                return ReadingAppendResult.OutOfRange;
            }

            int rounded = scaled >= 0 ? (int)(scaled + 0.5) : -(int)(-scaled + 0.5);
            return AddScaled(variableIndex, rounded, decimals);
        }

        /// <summary>Adds one reading already scaled to an integer (value × 10^decimals) to the open cycle.</summary>
        /// <param name="variableIndex">Index into the configured variable table, 0..255.</param>
        /// <param name="scaledValue">Value × 10^decimals, -2147483647..2147483647.</param>
        /// <param name="decimals">0..6.</param>
        /// <returns><see cref="ReadingAppendResult.Queued"/> or why nothing was queued.</returns>
        public ReadingAppendResult AddScaled(int variableIndex, int scaledValue, int decimals)
        {
            if (!_inCycle)
            {
                return ReadingAppendResult.NoCycle;
            }

            if (variableIndex < 0 || variableIndex > ReadingRecord.MaxVariableIndex)
            {
                return ReadingAppendResult.BadVariableIndex;
            }

            if (decimals < 0 || decimals > ReadingRecord.MaxDecimals)
            {
                return ReadingAppendResult.BadDecimals;
            }

            if (scaledValue == int.MinValue)
            {
                return ReadingAppendResult.OutOfRange;
            }

            int pos = MakeRoom();
            if (_cycleTimed)
            {
                ReadingRecord.WriteTimed(_ring, pos, variableIndex, scaledValue, decimals, _cycleWall);
            }
            else
            {
                ReadingRecord.WriteUntimed(_ring, pos, variableIndex, scaledValue, decimals, _bootCounter, _cycleMono);
                _untimedCount++;
            }

            _count++;
            _cycleAdded++;
            return ReadingAppendResult.Queued;
        }

        /// <summary>Closes the open cycle and persists its readings in one append (up to 32 readings per write).</summary>
        /// <returns>Readings the cycle added (0 when no cycle was open).</returns>
        public int EndCycle()
        {
            if (!_inCycle)
            {
                return 0;
            }

            _inCycle = false;
            int added = _cycleAdded;
            _cycleAdded = 0;
            PersistNewest(added < _count ? added : _count);
            return added;
        }

        /// <summary>
        /// The first clock sync of this boot: fills in wall time for every untimed reading of this boot and persists
        /// the sync point (one log record). Later calls in the same boot change nothing.
        /// </summary>
        /// <param name="syncUnixMs">Wall time at the sync, Unix ms (before 2020 is ignored).</param>
        /// <param name="syncMonotonicMs">Monotonic ms at the same instant.</param>
        /// <returns>Readings that got their time.</returns>
        public int OnClockSynced(long syncUnixMs, uint syncMonotonicMs)
        {
            if (_synced || syncUnixMs < ReadingRecord.MinValidUnixMs || syncUnixMs > ReadingRecord.MaxUnixMs)
            {
                return 0;
            }

            _synced = true;
            _syncWall = syncUnixMs;
            _syncMono = syncMonotonicMs;
            if (_inCycle && !_cycleTimed)
            {
                _cycleTimed = true;
                _cycleWall = syncUnixMs - (syncMonotonicMs - _cycleMono);
            }

            int filled = FillIn(_bootCounter, syncUnixMs, syncMonotonicMs);
            if (filled > 0 && _persist)
            {
                ReadingLogFormat.WriteTime(_io, 0, _bootCounter, syncUnixMs, syncMonotonicMs);
                AppendIo(1);
            }

            return filled;
        }

        /// <summary>Variable index of pending reading <paramref name="i"/> (0 = oldest not in flight).</summary>
        /// <param name="i">0..<see cref="PendingCount"/>-1.</param>
        /// <returns>0..255, or -1 when <paramref name="i"/> is out of range.</returns>
        public int GetVariableIndex(int i)
        {
            return InPending(i) ? ReadingRecord.VariableIndex(_ring, PendingOffset(i)) : -1;
        }

        /// <summary>Scaled value (value × 10^decimals) of pending reading <paramref name="i"/>.</summary>
        /// <param name="i">0..<see cref="PendingCount"/>-1.</param>
        /// <returns>The scaled value, or 0 when <paramref name="i"/> is out of range.</returns>
        public int GetScaledValue(int i)
        {
            return InPending(i) ? ReadingRecord.ScaledValue(_ring, PendingOffset(i)) : 0;
        }

        /// <summary>Decimals of pending reading <paramref name="i"/>.</summary>
        /// <param name="i">0..<see cref="PendingCount"/>-1.</param>
        /// <returns>0..6, or -1 when <paramref name="i"/> is out of range.</returns>
        public int GetDecimals(int i)
        {
            return InPending(i) ? ReadingRecord.Decimals(_ring, PendingOffset(i)) : -1;
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
            return ReadingRecord.ScaledValue(_ring, off) / s_pow10[ReadingRecord.Decimals(_ring, off)];
        }

        /// <summary>Wall time of pending reading <paramref name="i"/>, shared by its whole sampling cycle.</summary>
        /// <param name="i">0..<see cref="PendingCount"/>-1.</param>
        /// <returns>Unix ms, or -1 when the reading is untimed or <paramref name="i"/> is out of range.</returns>
        public long GetTimeUnixMs(int i)
        {
            return InPending(i) ? ReadingRecord.UnixMs(_ring, PendingOffset(i)) : -1;
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

            for (int i = 0; i < _inFlightCount; i++)
            {
                RemoveHead();
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
            PersistAck();
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

            if (_persist && _storeDirty)
            {
                Compact();
            }

            return !_storeDirty;
        }

        /// <summary>
        /// Rewrites the log as header, boot record, acknowledgement mark and the queued readings, then switches to it
        /// atomically (<see cref="IReadingStore.CommitReplace"/>). Runs by itself when the log holds
        /// <see cref="CompactionSlackRecords"/> dead records, or after a failed write.
        /// </summary>
        /// <returns>True when the new log is in force.</returns>
        public bool Compact()
        {
            if (!_persist)
            {
                return false;
            }

            bool ok = SafeBeginReplace();
            if (ok)
            {
                ReadingLogFormat.WriteHeader(_io, 0);
                ReadingLogFormat.WriteBoot(_io, ReadingLogFormat.RecordSize, _bootCounter);
                ReadingLogFormat.WriteAck(_io, 2 * ReadingLogFormat.RecordSize, _headSeq, _unreportedDropped, _unreportedUntimed);
                int n = 3;
                for (int i = 0; i < _count && ok; i++)
                {
                    if (n == RecordsPerWrite)
                    {
                        ok = SafeWriteReplacement(n);
                        n = 0;
                    }

                    ReadingLogFormat.WriteData(_io, n * ReadingLogFormat.RecordSize, (_headSeq + i) & ReadingLogFormat.SequenceMask, _ring, RingOffset(i));
                    n++;
                }

                ok = ok && SafeWriteReplacement(n) && SafeCommitReplace();
            }

            if (!ok)
            {
                SafeAbortReplace();
                _storeErrors++;
                _storeDirty = true;
                return false;
            }

            _storeDirty = false;
            _logRecords = 3 + _count;
            _compactions++;
            return true;
        }

        private void ResetRam()
        {
            _head = 0;
            _count = 0;
            _headSeq = 0;
            _untimedCount = 0;
            ClearInFlight();
            _droppedTotal = 0;
            _untimedTotal = 0;
            _unreportedDropped = 0;
            _unreportedUntimed = 0;
            _bootCounter = 0;
            _synced = false;
            _inCycle = false;
            _cycleAdded = 0;
            _storeDirty = false;
            _logRecords = 0;
            _skippedRecords = 0;
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
            return i >= 0 && i < _count - _inFlightCount;
        }

        private int RingOffset(int i)
        {
            int slot = _head + i;
            if (slot >= _capacity)
            {
                slot -= _capacity;
            }

            return slot * ReadingRecord.Size;
        }

        private int PendingOffset(int i)
        {
            return RingOffset(_inFlightCount + i);
        }

        // Frees a slot if the ring is full (dropping the oldest reading) and returns the offset of the next free slot.
        private int MakeRoom()
        {
            if (_count == _capacity)
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

                RemoveHead();
            }

            return RingOffset(_count);
        }

        private void RemoveHead()
        {
            if (ReadingRecord.IsUntimed(_ring, _head * ReadingRecord.Size))
            {
                _untimedCount--;
            }

            _head = _head + 1 == _capacity ? 0 : _head + 1;
            _count--;
            _headSeq = (_headSeq + 1) & ReadingLogFormat.SequenceMask;
        }

        // Removes every untimed reading (used only while loading, when all of them belong to earlier boots).
        private int DropUntimed()
        {
            if (_untimedCount == 0)
            {
                return 0;
            }

            int kept = 0;
            int dropped = 0;
            for (int i = 0; i < _count; i++)
            {
                int from = RingOffset(i);
                if (ReadingRecord.IsUntimed(_ring, from))
                {
                    dropped++;
                    continue;
                }

                if (kept != i)
                {
                    Array.Copy(_ring, from, _ring, RingOffset(kept), ReadingRecord.Size);
                }

                kept++;
            }

            _count = kept;
            _untimedCount = 0;
            _untimedTotal += dropped;
            _unreportedUntimed += dropped;
            return dropped;
        }

        private int FillIn(int boot, long syncWall, uint syncMono)
        {
            if (_untimedCount == 0)
            {
                return 0;
            }

            int filled = 0;
            for (int i = 0; i < _count; i++)
            {
                int off = RingOffset(i);
                if (ReadingRecord.IsUntimed(_ring, off) && ReadingRecord.BootCounter(_ring, off) == boot)
                {
                    // Unsigned difference: correct for readings up to 2^32 ms (49.7 days) before the sync.
                    uint age = syncMono - ReadingRecord.MonotonicMs(_ring, off);
                    ReadingRecord.SetTime(_ring, off, syncWall - age);
                    filled++;
                }
            }

            _untimedCount -= filled;
            return filled;
        }

        private void PersistNewest(int k)
        {
            if (!_persist || k <= 0)
            {
                return;
            }

            if (_storeDirty)
            {
                Compact();
                return;
            }

            int first = _count - k;
            int n = 0;
            for (int i = first; i < _count; i++)
            {
                if (n == RecordsPerWrite)
                {
                    if (!AppendIo(n))
                    {
                        return;
                    }

                    n = 0;
                }

                ReadingLogFormat.WriteData(_io, n * ReadingLogFormat.RecordSize, (_headSeq + i) & ReadingLogFormat.SequenceMask, _ring, RingOffset(i));
                n++;
            }

            if (AppendIo(n))
            {
                CompactIfDue();
            }
        }

        private void PersistAck()
        {
            if (!_persist)
            {
                return;
            }

            if (_storeDirty)
            {
                Compact();
                return;
            }

            ReadingLogFormat.WriteAck(_io, 0, _headSeq, _unreportedDropped, _unreportedUntimed);
            if (AppendIo(1))
            {
                CompactIfDue();
            }
        }

        private void CompactIfDue()
        {
            if (_logRecords - _count >= _compactionSlack)
            {
                Compact();
            }
        }

        private bool AppendIo(int records)
        {
            bool ok;
            try
            {
                ok = _store.Append(_io, 0, records * ReadingLogFormat.RecordSize);
            }
            catch (Exception)
            {
                ok = false;
            }

            if (!ok)
            {
                // The append may have left a partial record: the next write rewrites the log from RAM.
                _storeErrors++;
                _storeDirty = true;
                return false;
            }

            _logRecords += records;
            return true;
        }

        private int ReadRecords(int index, int records)
        {
            int n = records - index;
            if (n > RecordsPerWrite)
            {
                n = RecordsPerWrite;
            }

            int wanted = n * ReadingLogFormat.RecordSize;
            int got = 0;
            while (got < wanted)
            {
                int r;
                try
                {
                    r = _store.Read(index * ReadingLogFormat.RecordSize + got, _io, got, wanted - got);
                }
                catch (Exception)
                {
                    r = -1;
                }

                if (r <= 0)
                {
                    _storeErrors++;
                    return -1;
                }

                got += r;
            }

            return n;
        }

        private int SafeLength()
        {
            try
            {
                int length = _store.Length;
                if (length < 0)
                {
                    _storeErrors++;
                }

                return length;
            }
            catch (Exception)
            {
                _storeErrors++;
                return -1;
            }
        }

        private bool SafeBeginReplace()
        {
            try
            {
                return _store.BeginReplace();
            }
            catch (Exception)
            {
                return false;
            }
        }

        private bool SafeWriteReplacement(int records)
        {
            try
            {
                return _store.WriteReplacement(_io, 0, records * ReadingLogFormat.RecordSize);
            }
            catch (Exception)
            {
                return false;
            }
        }

        private bool SafeCommitReplace()
        {
            try
            {
                return _store.CommitReplace();
            }
            catch (Exception)
            {
                return false;
            }
        }

        private void SafeAbortReplace()
        {
            try
            {
                _store.AbortReplace();
            }
            catch (Exception)
            {
                // Nothing more to do: the old log stays in force and the next write retries the rewrite.
            }
        }
    }
}
