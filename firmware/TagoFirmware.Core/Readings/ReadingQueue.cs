using System;
using TagoFirmware.Platform;

namespace TagoFirmware.Readings
{
    /// <summary>RAM ring mirrored to an append-only log: unsent readings survive reboots, power loss, deep sleep (docs/store-and-forward.md).</summary>
    /// <remarks>Per cycle: <see cref="BeginCycle"/>, <see cref="AddScaled"/> per variable, <see cref="EndCycle"/> (one flash
    /// write). To publish: <c>Get…</c> (0 is oldest), <see cref="MarkInFlight"/>, then <see cref="Acknowledge"/> or
    /// <see cref="ReturnInFlight"/>. Untimed readings wait for the boot's first sync. Only the constructor and <see cref="Load"/> allocate.</remarks>
    public sealed class ReadingQueue
    {
        // The RAM ring: 12-byte records (ReadingRecord) in one byte[], oldest at _head; allocated only here.
        internal readonly byte[] Bytes;
        internal readonly int Capacity;

        // Log sequence number of the oldest reading (the next one's when empty).
        internal int HeadSequence;
        private int _head;
        private readonly ReadingLog _log;

        private int _inFlightCount;
        private int _inFlightDropped;
        private int _inFlightReportedDropped;
        private int _inFlightReportedUntimed;
        private int _nextTicket = 1;

        private long _syncWall;
        private uint _syncMono;

        private bool _inCycle;
        private bool _cycleTimed;
        private long _cycleWall;
        private uint _cycleMono;
        private int _cycleAdded;

        /// <summary>A ring of <paramref name="capacity"/> (1..65535) × 12 bytes; <paramref name="store"/> null keeps it in RAM only.</summary>
        public ReadingQueue(int capacity, IReadingStore store)
        {
            Capacity = capacity;
            Bytes = new byte[capacity * ReadingRecord.Size];
            _log = new ReadingLog(this, store);
        }

        /// <summary>Where storage failures and their recovery are logged; null for none.</summary>
        public ILog Log;

        // Fields, not properties: every property read is a call on the interpreter. Only this class writes them.

        /// <summary>Every queued reading, timed or not, in flight or not.</summary>
        public int Count;

        /// <summary>Readings that still wait for the first clock sync of this boot.</summary>
        public int UntimedCount;

        /// <summary>Ticket of the payload in flight, or 0 when none is.</summary>
        public int InFlightTicket;

        /// <summary>Readings dropped because the queue was full, since <see cref="Load"/>.</summary>
        public int DroppedReadings;

        /// <summary>Readings of earlier boots dropped because that boot never got a valid clock, since <see cref="Load"/>.</summary>
        public int UntimedReadings;

        /// <summary>Dropped readings not yet reported in a delivered payload (next <c>dropped_readings</c>).</summary>
        public int UnreportedDroppedReadings;

        /// <summary>Untimed readings dropped and not yet reported (next <c>untimed_readings</c>).</summary>
        public int UnreportedUntimedReadings;

        /// <summary>This boot's counter (persisted in the log; 0 when the queue is not persisted).</summary>
        public int BootCounter;

        /// <summary>Whether wall time is known for this boot (after the first sync).</summary>
        public bool IsClockSynced;

        /// <summary>Failed store operations since construction (<c>store_errors</c>).</summary>
        public int StoreErrors;

        /// <summary>Acknowledged readings whose removal is not on flash yet: a power cut now resends them (<c>unsaved_acks</c>).</summary>
        public int UnsavedAcks;

        /// <summary>Readings not in flight; the <c>Get…</c> accessors index these.</summary>
        public int PendingCount => Count - _inFlightCount;

        /// <summary>The run of timed pending readings: untimed ones (and all behind them) wait for the clock.</summary>
        public int PublishableCount
        {
            get
            {
                int pending = Count - _inFlightCount;
                if (UntimedCount == 0)
                {
                    return pending;
                }

                for (int i = 0; i < pending; i++)
                {
                    if (ReadingRecord.IsUntimed(Bytes, PendingOffset(i)))
                    {
                        return i;
                    }
                }

                return pending;
            }
        }

        /// <summary>Whether the next payload should carry <c>dropped_readings</c> / <c>untimed_readings</c>.</summary>
        public bool IsReportPending => UnreportedDroppedReadings > 0 || UnreportedUntimedReadings > 0;

        /// <summary>Whether the last write to the store failed: the queue runs from RAM until a rewrite succeeds.</summary>
        public bool IsStoreFaulted => _log.IsFaulted;

        /// <summary>Torn, corrupted or malformed log records skipped by the last <see cref="Load"/>.</summary>
        public int SkippedRecords => _log.Skipped;

        /// <summary>Rebuilds the queue from the log once at boot and starts a new boot (counter + 1); a read-only store is left alone.</summary>
        public ReadingLoadResult Load()
        {
            ResetRam();
            return _log.Load();
        }

        /// <summary>Variable index of pending reading <paramref name="i"/> (0 ≤ i &lt; <see cref="PendingCount"/>).</summary>
        public int GetVariableIndex(int i) => Bytes[PendingOffset(i)];

        /// <summary>Value × 10^decimals of pending reading <paramref name="i"/>.</summary>
        public int GetScaledValue(int i) => ReadingRecord.ReadInt32(Bytes, PendingOffset(i) + 2);

        /// <summary>Decimals (0..6) of pending reading <paramref name="i"/>.</summary>
        public int GetDecimals(int i) => Bytes[PendingOffset(i) + 1] & ReadingRecord.DecimalsMask;

        /// <summary>Wall time (Unix ms, shared by its cycle, so one group id) of pending reading <paramref name="i"/>; -1 when untimed.</summary>
        public long GetTimeUnixMs(int i) => ReadingRecord.UnixMs(Bytes, PendingOffset(i));

        /// <summary>Marks the oldest <paramref name="count"/> pending readings (0: counters only) as in flight; returns the ticket, 0 when refused.</summary>
        public int MarkInFlight(int count, bool carriesCounters)
        {
            if (InFlightTicket != 0 || count < 0 || count > PublishableCount || (count == 0 && !(carriesCounters && IsReportPending)))
            {
                return 0;
            }

            int ticket = _nextTicket++; // no wrap: 2^31 payloads take 68 years at one a second
            InFlightTicket = ticket;
            _inFlightCount = count;
            _inFlightDropped = 0;
            _inFlightReportedDropped = carriesCounters ? UnreportedDroppedReadings : 0;
            _inFlightReportedUntimed = carriesCounters ? UnreportedUntimedReadings : 0;
            return ticket;
        }

        /// <summary>Payload <paramref name="ticket"/> was delivered: removes its readings and counters; false for an unknown ticket.</summary>
        public bool Acknowledge(int ticket)
        {
            if (ticket == 0 || ticket != InFlightTicket)
            {
                return false;
            }

            int removed = _inFlightCount;
            for (int i = 0; i < removed; i++)
            {
                RemoveHead();
            }

            // Never below 0: the counts only grew since MarkInFlight took them.
            UnreportedDroppedReadings -= _inFlightReportedDropped;
            UnreportedUntimedReadings -= _inFlightReportedUntimed;
            ClearInFlight();
            _log.AppendAck(removed);
            return true;
        }

        /// <summary>Payload <paramref name="ticket"/> was lost: its readings go out again first; false for an unknown ticket.</summary>
        public bool ReturnInFlight(int ticket)
        {
            if (ticket == 0 || ticket != InFlightTicket)
            {
                return false;
            }

            // Readings dropped while the payload was in flight are lost for good now.
            DroppedReadings += _inFlightDropped;
            UnreportedDroppedReadings += _inFlightDropped;
            ClearInFlight();
            return true;
        }

        /// <summary>Before a reboot or deep sleep: ends an open cycle, rewrites a faulted log; true when the log is complete.</summary>
        public bool Flush()
        {
            EndCycle();
            return !_log.IsFaulted || _log.Compact();
        }

        /// <summary>While the store fails, rewrites the log from RAM at most every 5 s (call every step); true when complete.</summary>
        public bool RetryStore(long nowMs) => _log.Retry(nowMs);

        /// <summary>Rewrites the log from RAM, switched in atomically; true when in force.</summary>
        public bool Compact() => _log.Compact();

        /// <summary>Opens a cycle whose readings share one time (group id); a wall clock before 2020 is unset, the first valid one is the sync.</summary>
        public void BeginCycle(long wallUnixMs, bool wallValid, uint monotonicMs)
        {
            EndCycle();
            bool valid = wallValid && IsValidTime(wallUnixMs);
            if (valid)
            {
                OnClockSynced(wallUnixMs, monotonicMs);
            }

            _inCycle = true;
            _cycleAdded = 0;
            _cycleMono = monotonicMs;
            _cycleTimed = IsClockSynced;
            // Untimed: the record's time field holds boot counter and monotonic ms instead.
            _cycleWall = valid ? wallUnixMs : IsClockSynced ? _syncWall + (monotonicMs - _syncMono) : (uint)BootCounter | ((long)monotonicMs << 16);
        }

        /// <summary>Adds value × 10^<paramref name="decimals"/> (0..6) of variable 0..255 to the open cycle (full: drops the oldest); false without a cycle or for a bad argument.</summary>
        public bool AddScaled(int variableIndex, int scaledValue, int decimals)
        {
            if (!_inCycle || variableIndex < 0 || variableIndex > ReadingRecord.MaxVariableIndex || decimals < 0
                || decimals > ReadingRecord.MaxDecimals || scaledValue == int.MinValue)
            {
                return false;
            }

            ReadingRecord.WriteReading(Bytes, MakeRoom(), variableIndex, scaledValue, _cycleTimed ? decimals : decimals | ReadingRecord.UntimedFlag, _cycleWall);
            Commit();
            _cycleAdded++;
            return true;
        }

        /// <summary>Closes the open cycle and persists its readings (one append per 32); returns how many it added.</summary>
        public int EndCycle()
        {
            if (!_inCycle)
            {
                return 0;
            }

            _inCycle = false;
            int added = _cycleAdded;
            _log.AppendNewest(added < Count ? added : Count);
            return added;
        }

        /// <summary>The boot's first clock sync (later calls do nothing): dates and persists its untimed readings; returns how many.</summary>
        public int OnClockSynced(long syncUnixMs, uint syncMonotonicMs)
        {
            if (IsClockSynced || !IsValidTime(syncUnixMs))
            {
                return 0;
            }

            IsClockSynced = true;
            _syncWall = syncUnixMs;
            _syncMono = syncMonotonicMs;
            if (_inCycle && !_cycleTimed)
            {
                _cycleTimed = true;
                _cycleWall = syncUnixMs - (syncMonotonicMs - _cycleMono);
            }

            int filled = FillIn(BootCounter, syncUnixMs, syncMonotonicMs);
            if (filled > 0)
            {
                _log.AppendTime(BootCounter, syncUnixMs, syncMonotonicMs);
            }

            return filled;
        }

        private static bool IsValidTime(long unixMs) => unixMs >= ReadingRecord.MinValidUnixMs && unixMs <= ReadingRecord.MaxUnixMs;

        internal void ResetRam()
        {
            Clear(0);
            _log.Reset();
            ClearInFlight();
            DroppedReadings = UntimedReadings = UnreportedDroppedReadings = UnreportedUntimedReadings = BootCounter = _cycleAdded = 0;
            IsClockSynced = _inCycle = false;
        }

        private void ClearInFlight()
        {
            InFlightTicket = _inFlightCount = _inFlightDropped = _inFlightReportedDropped = _inFlightReportedUntimed = 0;
        }

        private int PendingOffset(int i) => Offset(_inFlightCount + i);

        // Frees a slot if the ring is full (dropping the oldest reading) and returns the offset of the next free slot.
        internal int MakeRoom()
        {
            if (Count == Capacity)
            {
                if (_inFlightCount > 0)
                {
                    // Counted only if its payload is lost: if it is acknowledged the reading was delivered.
                    _inFlightCount--;
                    _inFlightDropped++;
                }
                else
                {
                    DroppedReadings++;
                    UnreportedDroppedReadings++;
                }

                RemoveHead();
            }

            return Offset(Count);
        }

        internal void Clear(int headSequence)
        {
            _head = 0;
            Count = 0;
            UntimedCount = 0;
            HeadSequence = headSequence;
        }

        internal int Offset(int i)
        {
            int slot = _head + i;
            return (slot >= Capacity ? slot - Capacity : slot) * ReadingRecord.Size;
        }

        internal int Sequence(int i) => (HeadSequence + i) & ReadingRecord.SequenceMask;

        // Takes the record just written at Offset(Count) into the ring; the caller made room first.
        internal void Commit()
        {
            if (ReadingRecord.IsUntimed(Bytes, Offset(Count)))
            {
                UntimedCount++;
            }

            Count++;
        }

        internal void RemoveHead()
        {
            if (ReadingRecord.IsUntimed(Bytes, _head * ReadingRecord.Size))
            {
                UntimedCount--;
            }

            int head = _head + 1;
            _head = head == Capacity ? 0 : head;
            Count--;
            HeadSequence = (HeadSequence + 1) & ReadingRecord.SequenceMask;
        }

        // At load every untimed reading belongs to a boot that ended without a clock: drop them (counted), keeping order.
        internal int DropUntimed()
        {
            if (UntimedCount == 0)
            {
                return 0;
            }

            byte[] bytes = Bytes;
            int kept = 0;
            int count = Count;
            for (int i = 0; i < count; i++)
            {
                int from = Offset(i);
                if (ReadingRecord.IsUntimed(bytes, from))
                {
                    continue;
                }

                if (kept != i)
                {
                    Array.Copy(bytes, from, bytes, Offset(kept), ReadingRecord.Size);
                }

                kept++;
            }

            Count = kept;
            UntimedCount = 0;
            UntimedReadings += count - kept;
            UnreportedUntimedReadings += count - kept;
            return count - kept;
        }

        internal int FillIn(int boot, long syncWall, uint syncMono)
        {
            byte[] bytes = Bytes;
            int filled = 0;
            for (int i = 0; i < Count && UntimedCount > filled; i++)
            {
                int off = Offset(i);
                // An untimed reading's time field: boot counter u16, monotonic ms u32.
                if (ReadingRecord.IsUntimed(bytes, off) && ReadingRecord.ReadUInt16(bytes, off + 6) == boot)
                {
                    // Unsigned difference: correct for readings up to 2^32 ms (49.7 days) before the sync.
                    uint age = syncMono - (uint)ReadingRecord.ReadInt32(bytes, off + 8);
                    ReadingRecord.SetTime(bytes, off, syncWall - age);
                    filled++;
                }
            }

            UntimedCount -= filled;
            return filled;
        }
    }
}
