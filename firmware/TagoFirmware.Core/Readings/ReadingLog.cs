using System;
using TagoFirmware.Platform;

namespace TagoFirmware.Readings
{
    /// <summary>
    /// The queue's persistent side: appends cycles, ack marks, boot and sync records, compacts within the byte budget
    /// (log plus replacement never pass (3 + capacity + slack + 3 + capacity) records, 61,560 B by default, so the node never fills its
    /// partition), and rides out a failing store: the first failure of an episode is logged and the queue runs from
    /// RAM; the next write or <see cref="Retry"/> rewrites the whole log, so acks not marked are on flash again before
    /// a restart could replay them.
    /// </summary>
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

        internal ILog Log;

        internal bool IsPersistent;

        internal bool IsFaulted;

        internal int Records;

        internal int StoreErrors;

        internal int Compactions;

        internal int UnsavedAcks;
        private int _slack;
        private long _retryAtMs;

        internal ReadingLog(ReadingQueue queue, ReadingRing ring, IReadingStore store)
        {
            _queue = queue;
            _ring = ring;
            _store = store;
            _slack = ring.Capacity < 64 ? 64 : ring.Capacity;
        }

        internal IReadingStore Store => _store;

        /// <summary>The 640-byte I/O buffer shared with <see cref="ReadingLogRestore"/>.</summary>
        internal byte[] Buffer => _io;

        /// <summary>Dead records the log may hold before it is compacted (at least 8).</summary>
        internal int Slack
        {
            get => _slack;
            set => _slack = value < 8 ? 8 : value;
        }

        internal int MaxLogRecords => 3 + _ring.Capacity + _slack;

        internal void Reset()
        {
            IsPersistent = false;
            IsFaulted = false;
            Records = 0;
        }

        /// <summary>After a restore: logs what was ignored, then starts the boot's log (a rewrite when the restore asks
        /// for one or the log is over budget, else a boot record). A read-only store is left alone.</summary>
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
            else if (!RewriteInstead(1))
            {
                ReadingLogFormat.WriteBoot(_io, 0, boot);
                Append(1);
            }

            return result;
        }

        internal void AppendNewest(int k)
        {
            if (IsPersistent && k > 0 && !RewriteInstead(k) && WriteReadings(_ring.Count - k, 0, false))
            {
                CompactIfDue();
            }
        }

        /// <summary>Persists an acknowledgement mark: every reading before the ring's head is gone.</summary>
        internal void AppendAck(int removed)
        {
            if (!IsPersistent)
            {
                return;
            }

            bool written = false;
            if (!RewriteInstead(1))
            {
                ReadingLogFormat.WriteAck(_io, 0, _ring.HeadSequence, _queue.UnreportedDroppedReadings, _queue.UnreportedUntimedReadings);
                written = Append(1);
                if (written)
                {
                    CompactIfDue();
                }
            }

            if (!written && IsFaulted)
            {
                UnsavedAcks += removed;
            }
        }

        internal void AppendTime(int boot, long wall, uint mono)
        {
            if (IsPersistent && !RewriteInstead(1))
            {
                ReadingLogFormat.WriteTime(_io, 0, boot, wall, mono);
                Append(1);
            }
        }

        /// <summary>While the store fails, rewrites the log from RAM at most every <see cref="RetryIntervalMs"/>.</summary>
        internal bool Retry(long nowMs)
        {
            if (IsPersistent && IsFaulted && nowMs >= _retryAtMs)
            {
                _retryAtMs = nowMs + RetryIntervalMs;
                Compact();
            }

            return !IsFaulted;
        }

        internal bool Compact()
        {
            if (!IsPersistent)
            {
                return false;
            }

            bool ok = Guard(0, false);
            if (ok)
            {
                ReadingLogFormat.WriteHeader(_io, 0);
                ReadingLogFormat.WriteBoot(_io, Rec, _queue.BootCounter);
                ReadingLogFormat.WriteAck(_io, 2 * Rec, _ring.HeadSequence, _queue.UnreportedDroppedReadings, _queue.UnreportedUntimedReadings);
                ok = WriteReadings(0, 3, true) && Guard(-1, false);
            }

            if (!ok)
            {
                Guard(-2, false);
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

        // Writes the readings from..Count after the n records already in the buffer, 32 per store call.
        private bool WriteReadings(int from, int n, bool replacement)
        {
            for (int i = from; i < _ring.Count; i++)
            {
                if (n == RecordsPerWrite)
                {
                    if (replacement ? !Guard(n, false) : !Append(n))
                    {
                        return false;
                    }

                    n = 0;
                }

                ReadingLogFormat.WriteData(_io, n * Rec, _ring.Sequence(i), _ring.Bytes, _ring.Offset(i));
                n++;
            }

            return replacement ? Guard(n, false) : Append(n);
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
            if (!Guard(records, true))
            {
                Failed();
                return false;
            }

            Records += records;
            return true;
        }

        // One guarded store call: records > 0 appends or writes them to the replacement, 0 begins, -1 commits, -2 aborts.
        private bool Guard(int step, bool append)
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
                        return append ? _store.Append(_io, 0, step * Rec) : _store.WriteReplacement(_io, 0, step * Rec);
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
