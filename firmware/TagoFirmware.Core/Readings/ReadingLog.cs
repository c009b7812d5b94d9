using System;
using TagoFirmware.Platform;

namespace TagoFirmware.Readings
{
    /// <summary>
    /// The queue's persistent side: appends cycles, acknowledgement marks, boot and sync records to the
    /// <see cref="IReadingStore"/>, compacts the log inside its byte budget, and rides out a store that fails.
    /// </summary>
    /// <remarks>
    /// <para><b>Byte budget.</b> The log never holds more than <see cref="MaxLogRecords"/> records (3 + capacity +
    /// compaction slack): an append that would pass it compacts instead, and a compaction writes 3 + queued records.
    /// While compacting the replacement file exists beside the log, so both files together stay within
    /// <see cref="BudgetBytes"/> (61,560 B with the defaults): the node never fills its partition by itself.</para>
    /// <para><b>A failing store</b> (full partition, I/O error). The first failed write of an episode is logged once
    /// and the queue runs from RAM; every failed store call counts in <see cref="StoreErrors"/>. The next write, or
    /// <see cref="Retry"/> at most every <see cref="RetryIntervalMs"/>, rewrites the whole log from RAM (a compaction),
    /// so acknowledgements that could not be marked are on flash again before a restart can replay them; the
    /// recovery is logged once. Acknowledged readings whose mark was not written count in <see cref="UnsavedAcks"/>:
    /// a power cut before the recovery sends them again.</para>
    /// </remarks>
    internal sealed class ReadingLog
    {
        /// <summary>Records per store call; a cycle of up to this many readings is one write.</summary>
        public const int RecordsPerWrite = 32;

        /// <summary>Least time between two rewrites tried by <see cref="Retry"/> while the store fails.</summary>
        public const int RetryIntervalMs = 5000;

        private const int Rec = ReadingLogFormat.RecordSize;

        private readonly ReadingQueue _queue;
        private readonly ReadingRing _ring;
        private readonly IReadingStore _store;
        private readonly byte[] _io = new byte[RecordsPerWrite * Rec];

        /// <summary>Where the first failure and the recovery of an episode are told; null for none.</summary>
        internal ILog Log;

        /// <summary>Whether writes go to the store (false: no store, unreadable or read-only).</summary>
        internal bool IsPersistent;

        /// <summary>Whether the last write failed: the queue runs from RAM until a rewrite succeeds.</summary>
        internal bool IsFaulted;

        /// <summary>Records in the log file (live and dead).</summary>
        internal int Records;

        /// <summary>Failed store calls since construction.</summary>
        internal int StoreErrors;

        /// <summary>Successful compactions since construction.</summary>
        internal int Compactions;

        /// <summary>Acknowledged readings whose mark could not be written at once (a power cut before the next
        /// successful rewrite sends them again), since construction.</summary>
        internal int UnsavedAcks;
        private int _slack;
        private long _retryAtMs;

        /// <summary>Creates the log side of <paramref name="queue"/>.</summary>
        /// <param name="queue">The queue (boot counter and unreported counters go into compactions).</param>
        /// <param name="ring">The queue's readings.</param>
        /// <param name="store">The store, or null for a queue in RAM only.</param>
        internal ReadingLog(ReadingQueue queue, ReadingRing ring, IReadingStore store)
        {
            _queue = queue;
            _ring = ring;
            _store = store;
            _slack = ring.Capacity < 64 ? 64 : ring.Capacity;
        }


        /// <summary>The store (null when not persisted).</summary>
        internal IReadingStore Store => _store;

        /// <summary>The 640-byte I/O buffer shared with <see cref="ReadingLogRestore"/>.</summary>
        internal byte[] Buffer => _io;

        /// <summary>Dead records the log may hold before it is compacted (at least 8).</summary>
        internal int Slack
        {
            get => _slack;
            set => _slack = value < 8 ? 8 : value;
        }

        /// <summary>Most records the log file holds: header, boot and ack mark, a full queue and the slack.</summary>
        internal int MaxLogRecords => 3 + _ring.Capacity + _slack;

        /// <summary>Most bytes the log and its replacement take together while compacting.</summary>
        internal int BudgetBytes => (MaxLogRecords + 3 + _ring.Capacity) * Rec;

        /// <summary>Forgets the state of an earlier load.</summary>
        internal void Reset()
        {
            IsPersistent = false;
            IsFaulted = false;
            Records = 0;
        }

        /// <summary>After a restore: logs what was ignored, then starts the boot's log (a rewrite when the restore asks
        /// for one or the log is over budget, else a boot record). A read-only store is left alone.</summary>
        /// <param name="restore">What the restore found.</param>
        /// <param name="result">The restore's result.</param>
        /// <param name="boot">This boot's counter.</param>
        /// <param name="readOnly">Whether the store can only be read.</param>
        /// <returns><paramref name="result"/>, or <see cref="ReadingLoadResult.ReadOnly"/>.</returns>
        internal ReadingLoadResult Open(ReadingLogRestore restore, ReadingLoadResult result, int boot, bool readOnly)
        {
            Records = restore.Records;
            if (restore.Repeated > 0 && Log != null)
            {
                Log.Write(LogLevel.Warning, "queue: " + restore.Repeated.ToString() + " repeated records ignored");
            }

            if (readOnly)
            {
                return ReadingLoadResult.ReadOnly;
            }

            IsPersistent = true;
            if (restore.RewriteNeeded || result == ReadingLoadResult.Incompatible || Records > MaxLogRecords || Records - _ring.Count >= _slack)
            {
                Compact();
            }
            else
            {
                AppendBoot(boot);
            }

            return result;
        }

        /// <summary>Persists the newest <paramref name="k"/> readings of the ring (one write per 32).</summary>
        /// <param name="k">Readings to write.</param>
        internal void AppendNewest(int k)
        {
            if (!IsPersistent || k <= 0 || RewriteInstead(k))
            {
                return;
            }

            int count = _ring.Count;
            int n = 0;
            for (int i = count - k; i < count; i++)
            {
                if (n == RecordsPerWrite)
                {
                    if (!Append(n))
                    {
                        return;
                    }

                    n = 0;
                }

                ReadingLogFormat.WriteData(_io, n * Rec, _ring.Sequence(i), _ring.Bytes, _ring.Offset(i));
                n++;
            }

            if (Append(n))
            {
                CompactIfDue();
            }
        }

        /// <summary>Persists an acknowledgement mark: every reading before the ring's head is gone.</summary>
        /// <param name="removed">Readings the acknowledgement removed (counted as unsaved when no mark is written).</param>
        internal void AppendAck(int removed)
        {
            if (!IsPersistent)
            {
                return;
            }

            if (RewriteInstead(1))
            {
                if (IsFaulted)
                {
                    UnsavedAcks += removed;
                }

                return;
            }

            ReadingLogFormat.WriteAck(_io, 0, _ring.HeadSequence, _queue.UnreportedDroppedReadings, _queue.UnreportedUntimedReadings);
            if (Append(1))
            {
                CompactIfDue();
            }
            else
            {
                UnsavedAcks += removed;
            }
        }

        /// <summary>Persists a boot record.</summary>
        /// <param name="boot">The boot counter.</param>
        internal void AppendBoot(int boot)
        {
            if (IsPersistent && !RewriteInstead(1))
            {
                ReadingLogFormat.WriteBoot(_io, 0, boot);
                Append(1);
            }
        }

        /// <summary>Persists the clock sync point of <paramref name="boot"/>.</summary>
        /// <param name="boot">The boot counter.</param>
        /// <param name="wall">Wall time at the sync, Unix ms.</param>
        /// <param name="mono">Monotonic ms at the sync.</param>
        internal void AppendTime(int boot, long wall, uint mono)
        {
            if (IsPersistent && !RewriteInstead(1))
            {
                ReadingLogFormat.WriteTime(_io, 0, boot, wall, mono);
                Append(1);
            }
        }

        /// <summary>While the store fails, rewrites the log from RAM at most every <see cref="RetryIntervalMs"/>, so a
        /// recovered store holds the acknowledgements before a restart can replay them.</summary>
        /// <param name="nowMs">Monotonic ms now.</param>
        /// <returns>True when the log is complete (or not persisted).</returns>
        internal bool Retry(long nowMs)
        {
            if (IsPersistent && IsFaulted && nowMs >= _retryAtMs)
            {
                _retryAtMs = nowMs + RetryIntervalMs;
                Compact();
            }

            return !IsFaulted;
        }

        /// <summary>Rewrites the log as header, boot record, acknowledgement mark and the queued readings, then switches
        /// to it atomically (<see cref="IReadingStore.CommitReplace"/>).</summary>
        /// <returns>True when the new log is in force.</returns>
        internal bool Compact()
        {
            if (!IsPersistent)
            {
                return false;
            }

            bool ok = Guard(0);
            if (ok)
            {
                ReadingLogFormat.WriteHeader(_io, 0);
                ReadingLogFormat.WriteBoot(_io, Rec, _queue.BootCounter);
                ReadingLogFormat.WriteAck(_io, 2 * Rec, _ring.HeadSequence, _queue.UnreportedDroppedReadings, _queue.UnreportedUntimedReadings);
                int n = 3;
                for (int i = 0; i < _ring.Count && ok; i++)
                {
                    if (n == RecordsPerWrite)
                    {
                        ok = Guard(n);
                        n = 0;
                    }

                    ReadingLogFormat.WriteData(_io, n * Rec, _ring.Sequence(i), _ring.Bytes, _ring.Offset(i));
                    n++;
                }

                ok = ok && Guard(n) && Guard(-1);
            }

            if (!ok)
            {
                Guard(-2);
                Failed();
                return false;
            }

            if (IsFaulted && Log != null)
            {
                Log.Write(LogLevel.Info, "queue: storage works again");
            }

            IsFaulted = false;
            Records = 3 + _ring.Count;
            Compactions++;
            return true;
        }

        // A failed store is repaired by a rewrite, never by appending to a log that may end in a partial record;
        // an append that would pass the byte budget compacts instead.
        private bool RewriteInstead(int records)
        {
            if (!IsFaulted && Records + records <= MaxLogRecords)
            {
                return false;
            }

            Compact();
            return true;
        }

        private void CompactIfDue()
        {
            if (Records - _ring.Count >= _slack)
            {
                Compact();
            }
        }

        private bool Append(int records)
        {
            bool ok;
            try
            {
                ok = _store.Append(_io, 0, records * Rec);
            }
            catch (Exception)
            {
                ok = false;
            }

            if (!ok)
            {
                Failed();
                return false;
            }

            Records += records;
            return true;
        }

        // One guarded replacement step: records > 0 writes them, 0 begins, -1 commits, -2 aborts.
        private bool Guard(int step)
        {
            try
            {
                switch (step)
                {
                    case 0:
                        return _store.BeginReplace();
                    case -1:
                        return _store.CommitReplace();
                    case -2:
                        _store.AbortReplace();
                        return true;
                    default:
                        return _store.WriteReplacement(_io, 0, step * Rec);
                }
            }
            catch (Exception)
            {
                return false;
            }
        }

        private void Failed()
        {
            StoreErrors++;
            if (!IsFaulted && Log != null)
            {
                Log.Write(LogLevel.Warning, "queue: storage write failed; running from RAM");
            }

            IsFaulted = true;
        }
    }
}
