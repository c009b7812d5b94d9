using System;
using TagoFirmware.Platform;

namespace TagoFirmware.Readings
{
    /// <summary>The queue's persistent side: boot restore, appends, compaction in the byte budget (docs/store-and-forward.md).</summary>
    /// <remarks>After a failed write the queue runs from RAM; the next write or <see cref="Retry"/> rewrites the whole log, acks included.</remarks>
    internal sealed class ReadingLog
    {
        // Records per store call: a cycle of up to 32 readings is one write.
        public const int RecordsPerWrite = 32;

        public const int RetryIntervalMs = 5000;

        private const int Rec = ReadingRecord.LogRecordSize;

        private readonly ReadingQueue _queue;
        private readonly IReadingStore _store;
        private readonly byte[] _io = new byte[RecordsPerWrite * Rec];

        internal bool IsPersistent;

        internal bool IsFaulted;

        internal int Records;

        private readonly int _slack;
        private readonly int _maxRecords; // header, boot, ack, a full ring, and the slack
        private long _retryAtMs;

        internal int Skipped;
        private bool _rewriteNeeded;
        private bool _headerOk;
        private bool _incompatible;
        private bool _ackFound;
        private int _watermark;
        private int _logBoot;
        private bool _seen;
        private int _last;

        internal ReadingLog(ReadingQueue queue, IReadingStore store)
        {
            _queue = queue;
            _store = store;
            _slack = queue.Capacity < 64 ? 64 : queue.Capacity;
            _maxRecords = 3 + queue.Capacity + _slack;
        }

        internal void Reset()
        {
            IsPersistent = false;
            IsFaulted = false;
            Records = 0;
        }

        // Two passes (Scan, Replay), rules in docs/store-and-forward.md; a read failure leaves the ring empty, a read-only store untouched.
        internal ReadingLoadResult Load()
        {
            IReadingStore store = _store;
            ReadingQueue queue = _queue;
            if (store == null)
            {
                return ReadingLoadResult.NotPersisted;
            }

            Skipped = 0;
            queue.BootCounter = 1; // the last boot record's counter + 1
            _rewriteNeeded = _headerOk = _incompatible = _ackFound = _seen = false;
            _logBoot = -1;
            int length = store.Length;
            int records = length / Rec;
            Records = records;
            // A log of another format version is not replayed (and then replaced).
            if (length < 0 || !Pass(false) || (!_incompatible && !Pass(true)))
            {
                queue.ResetRam();
                Skipped = 0;
                queue.StoreErrors++;
                return ReadingLoadResult.StoreUnavailable;
            }

            bool damaged = length % Rec != 0 || Skipped > 0;
            _rewriteNeeded |= damaged || !_headerOk || !_ackFound;
            _rewriteNeeded |= queue.DropUntimed() > 0;
            if (queue.Count == 0)
            {
                queue.Clear(_ackFound ? _watermark : 0);
            }

            if (!store.CanWrite)
            {
                return ReadingLoadResult.ReadOnly;
            }

            ReadingLoadResult result = _incompatible ? ReadingLoadResult.Incompatible : records == 0 && !damaged ? ReadingLoadResult.Created
                : damaged ? ReadingLoadResult.RestoredWithDamage : ReadingLoadResult.Restored;

            IsPersistent = true;
            if (_rewriteNeeded || records >= _maxRecords || records - queue.Count >= _slack)
            {
                Compact();
            }
            else
            {
                AppendRecord(ReadingRecord.KindBoot, 0, queue.BootCounter, 0);
            }

            return result;
        }

        internal void AppendNewest(int k)
        {
            if (IsPersistent && k > 0 && !RewriteInstead(k) && WriteReadings(_queue.Count - k, 0, false))
            {
                CompactIfDue();
            }
        }

        // The watermark (oldest reading still queued, or the next one) and the counters not yet reported.
        internal void AppendAck(int removed)
        {
            if (AppendRecord(ReadingRecord.KindAck, _queue.HeadSequence, Unreported, 0))
            {
                CompactIfDue();
            }
            else if (IsFaulted) // only a persistent log faults
            {
                _queue.UnsavedAcks += removed;
            }
        }

        internal void AppendTime(int boot, long wall, uint mono) => AppendRecord(ReadingRecord.KindTime, 0, (uint)boot | (wall << 16), (int)mono);

        // One record; false when RAM-only, rewritten instead (RewriteInstead) or failed.
        private bool AppendRecord(byte kind, int sequence, long a, int b)
        {
            if (!IsPersistent || RewriteInstead(1))
            {
                return false;
            }

            ReadingRecord.WriteRecord(_io, 0, kind, sequence, a, b);
            return Append(1);
        }

        internal bool Retry(long nowMs)
        {
            if (IsFaulted && nowMs >= _retryAtMs) // only a persistent log faults
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

            byte[] io = _io;
            ReadingQueue queue = _queue;
            IReadingStore store = _store;
            bool ok = store.BeginReplace();
            if (ok)
            {
                ReadingRecord.WriteRecord(io, 0, ReadingRecord.KindHeader, 0, ReadingRecord.HeaderBody, 0);
                ReadingRecord.WriteRecord(io, Rec, ReadingRecord.KindBoot, 0, queue.BootCounter, 0);
                ReadingRecord.WriteRecord(io, 2 * Rec, ReadingRecord.KindAck, queue.HeadSequence, Unreported, 0);
                ok = WriteReadings(0, 3, true) && store.CommitReplace();
            }

            if (!ok)
            {
                store.AbortReplace();
                Failed();
                return false;
            }

            if (IsFaulted && queue.Log != null)
            {
                queue.Log.Write(LogLevel.Info, "queue: storage works again");
            }

            IsFaulted = false;
            Records = 3 + queue.Count;
            return true;
        }

        private long Unreported => (uint)_queue.UnreportedDroppedReadings | ((long)_queue.UnreportedUntimedReadings << 32);

        // Writes the readings from..Count after the n records already in the buffer, 32 per store call.
        private bool WriteReadings(int from, int n, bool replacement)
        {
            ReadingQueue queue = _queue;
            for (int i = from; i < queue.Count; i++)
            {
                if (n == RecordsPerWrite)
                {
                    if (!Write(n, replacement))
                    {
                        return false;
                    }

                    n = 0;
                }

                ReadingRecord.WriteData(_io, n * Rec, queue.Sequence(i), queue.Bytes, queue.Offset(i));
                n++;
            }

            return Write(n, replacement);
        }

        private bool Write(int records, bool replacement) => replacement ? _store.WriteReplacement(_io, 0, records * Rec) : Append(records);

        // A failed store is repaired by a rewrite, never by appending to a log that may end in a partial record;
        // an append that would pass the byte budget compacts instead.
        private bool RewriteInstead(int records)
        {
            if (!IsFaulted && Records + records <= _maxRecords)
            {
                return false;
            }

            Compact();
            return true;
        }

        private void CompactIfDue()
        {
            if (Records - _queue.Count >= _slack)
            {
                Compact();
            }
        }

        private bool Append(int records)
        {
            if (!_store.Append(_io, 0, records * Rec))
            {
                Failed();
                return false;
            }

            Records += records;
            return true;
        }

        // Reads every record, 32 per store call, for pass 1 (scan) or pass 2 (replay).
        private bool Pass(bool replay)
        {
            for (int index = 0; index < Records;)
            {
                int n = ReadRecords(index);
                if (n <= 0)
                {
                    return false;
                }

                for (int k = 0; k < n; k++)
                {
                    int off = k * Rec;
                    if (!ReadingRecord.IsIntact(_io, off))
                    {
                        Skipped += replay ? 0 : 1;
                    }
                    else if (replay)
                    {
                        Replay(off, off + ReadingRecord.BodyOffset);
                    }
                    else
                    {
                        Scan(off, off + ReadingRecord.BodyOffset, index + k);
                    }
                }

                index += n;
            }

            return true;
        }

        // Pass 1: header, last boot counter, last acknowledgement mark.
        private void Scan(int off, int body, int index)
        {
            byte[] io = _io;
            ReadingQueue queue = _queue;
            byte kind = io[off];
            if (kind == ReadingRecord.KindHeader && index == 0)
            {
                _headerOk = ReadingRecord.IsCompatibleHeader(io, off);
                _incompatible = !_headerOk;
            }
            else if (kind == ReadingRecord.KindBoot)
            {
                queue.BootCounter = (ReadingRecord.ReadUInt16(io, body) + 1) & 0xFFFF;
            }
            else if (kind == ReadingRecord.KindAck)
            {
                _ackFound = true;
                _watermark = ReadingRecord.Sequence(io, off);
                // Pass 1 runs on an empty queue: these are its first drops of the boot.
                queue.UnreportedDroppedReadings = Positive(ReadingRecord.ReadInt32(io, body));
                queue.UnreportedUntimedReadings = Positive(ReadingRecord.ReadInt32(io, body + 4));
            }
        }

        private static int Positive(int value) => value < 0 ? 0 : value;

        // Pass 2: data, boot and sync records in log order.
        private void Replay(int off, int body)
        {
            byte[] io = _io;
            ReadingQueue queue = _queue; // locals: each field read is two IL instructions on the interpreter
            byte kind = io[off];
            if (kind == ReadingRecord.KindBoot)
            {
                // A new boot began: whatever is still untimed belongs to a boot that ended unsynced.
                _rewriteNeeded |= queue.DropUntimed() > 0;
                _logBoot = ReadingRecord.ReadUInt16(io, body);
                return;
            }

            if (kind == ReadingRecord.KindTime && ReadingRecord.ReadUInt16(io, body) == _logBoot)
            {
                queue.FillIn(_logBoot, ReadingRecord.ReadUInt48(io, body + 2), (uint)ReadingRecord.ReadInt32(io, body + 8));
                return;
            }

            int seq = ReadingRecord.Sequence(io, off);
            if (kind != ReadingRecord.KindData || (_ackFound && ReadingRecord.Precedes(seq, _watermark)))
            {
                return;
            }

            if ((_seen && !ReadingRecord.Precedes(_last, seq)) || !ReadingRecord.IsWellFormed(io, body))
            {
                Skipped++; // asks for a rewrite
                return;
            }

            _seen = true;
            _last = seq;
            if (queue.Count == 0)
            {
                _rewriteNeeded |= _ackFound && seq != _watermark;
                queue.HeadSequence = seq;
            }
            else if (seq != queue.Sequence(queue.Count) || queue.Count == queue.Capacity)
            {
                _rewriteNeeded = true; // a gap, or the oldest is dropped (and counted) for room
            }

            Array.Copy(io, body, queue.Bytes, queue.MakeRoom(), ReadingRecord.Size);
            queue.Commit();
        }

        private int ReadRecords(int index)
        {
            int left = Records - index;
            int n = left < RecordsPerWrite ? left : RecordsPerWrite;
            int wanted = n * Rec;
            for (int got = 0; got < wanted;)
            {
                int r = _store.Read((index * Rec) + got, _io, got, wanted - got);
                if (r <= 0)
                {
                    return -1;
                }

                got += r;
            }

            return n;
        }

        private void Failed()
        {
            ReadingQueue queue = _queue;
            queue.StoreErrors++;
            if (!IsFaulted && queue.Log != null)
            {
                queue.Log.Write(LogLevel.Warning, "queue: storage write failed; running from RAM");
            }

            IsFaulted = true;
        }
    }
}
