using System;

namespace TagoFirmware.Readings
{
    /// <summary>
    /// Rebuilds the ring from the log at boot in two passes: header, last boot and last ack mark, then data, boot and
    /// sync records in order. Skipped: CRC failures; dropped: readings before the watermark (acknowledged), repeated
    /// sequence numbers (a log copied onto itself), untimed readings of a boot that ended unsynced, the oldest beyond
    /// capacity. Any of these asks for a rewrite.
    /// </summary>
    internal sealed class ReadingLogRestore
    {
        private const int Rec = ReadingLogFormat.RecordSize;

        private readonly ReadingRing _ring;
        private readonly IReadingStore _store;
        private readonly byte[] _io;

        private bool _headerOk;
        private bool _incompatible;
        private bool _ackFound;
        private int _watermark;
        private int _logBoot = -1;
        private bool _seen;
        private int _last;

        internal ReadingLogRestore(ReadingRing ring, ReadingLog log)
        {
            _ring = ring;
            _store = log.Store;
            _io = log.Buffer;
        }

        internal int Records;
        internal int LastBoot;
        internal int UnreportedDropped;
        internal int UnreportedUntimed;
        internal int UntimedDropped;
        internal int Overflowed;
        internal int Skipped;
        internal int Repeated;
        internal bool RewriteNeeded;

        internal ReadingLoadResult Run()
        {
            int length;
            try
            {
                length = _store.Length;
            }
            catch (Exception)
            {
                length = -1;
            }

            Records = length / Rec;
            if (length < 0 || !Pass(false))
            {
                return ReadingLoadResult.StoreUnavailable;
            }

            bool damaged = length % Rec != 0;
            RewriteNeeded = damaged || Skipped > 0 || !_headerOk || !_ackFound;
            if (!_incompatible)
            {
                // A log of another format version is not replayed (and then replaced).
                if (!Pass(true))
                {
                    return ReadingLoadResult.StoreUnavailable;
                }

                DropUntimed();
            }

            if (_ring.Count == 0)
            {
                _ring.Clear(_ackFound ? _watermark : 0);
            }

            return _incompatible ? ReadingLoadResult.Incompatible
                : Records == 0 && !damaged ? ReadingLoadResult.Created
                : damaged || Skipped > 0 ? ReadingLoadResult.RestoredWithDamage : ReadingLoadResult.Restored;
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
                    if (!ReadingLogFormat.IsIntact(_io, off))
                    {
                        Skipped += replay ? 0 : 1;
                    }
                    else if (replay)
                    {
                        Replay(off, off + ReadingLogFormat.BodyOffset);
                    }
                    else
                    {
                        Scan(off, off + ReadingLogFormat.BodyOffset, index + k);
                    }
                }

                index += n;
            }

            return true;
        }

        // Pass 1: header, last boot counter, last acknowledgement mark.
        private void Scan(int off, int body, int index)
        {
            byte kind = _io[off];
            if (kind == ReadingLogFormat.KindHeader && index == 0)
            {
                _headerOk = ReadingLogFormat.IsCompatibleHeader(_io, off);
                _incompatible = !_headerOk;
            }
            else if (kind == ReadingLogFormat.KindBoot)
            {
                LastBoot = ReadingRecord.ReadUInt16(_io, body);
            }
            else if (kind == ReadingLogFormat.KindAck)
            {
                _ackFound = true;
                _watermark = ReadingLogFormat.Sequence(_io, off);
                UnreportedDropped = Positive(ReadingRecord.ReadInt32(_io, body));
                UnreportedUntimed = Positive(ReadingRecord.ReadInt32(_io, body + 4));
            }
        }

        // Pass 2: data, boot and sync records in log order.
        private void Replay(int off, int body)
        {
            byte kind = _io[off];
            if (kind == ReadingLogFormat.KindBoot)
            {
                // A new boot began: whatever is still untimed belongs to a boot that ended unsynced.
                DropUntimed();
                _logBoot = ReadingRecord.ReadUInt16(_io, body);
                return;
            }

            if (kind == ReadingLogFormat.KindTime && ReadingRecord.ReadUInt16(_io, body) == _logBoot)
            {
                _ring.FillIn(_logBoot, ReadingRecord.ReadUInt48(_io, body + 2), (uint)ReadingRecord.ReadInt32(_io, body + 8));
                return;
            }

            int seq = ReadingLogFormat.Sequence(_io, off);
            if (kind != ReadingLogFormat.KindData || (_ackFound && ReadingLogFormat.Precedes(seq, _watermark)))
            {
                return;
            }

            if (_seen && !ReadingLogFormat.Precedes(_last, seq))
            {
                Repeated++;
                RewriteNeeded = true;
                return;
            }

            if (!ReadingRecord.IsWellFormed(_io, body))
            {
                Skipped++;
                RewriteNeeded = true;
                return;
            }

            _seen = true;
            _last = seq;
            if (_ring.Count == 0)
            {
                RewriteNeeded |= _ackFound && seq != _watermark;
                _ring.HeadSequence = seq;
            }
            else if (seq != _ring.Sequence(_ring.Count))
            {
                RewriteNeeded = true;
            }

            if (_ring.Count == _ring.Capacity)
            {
                RewriteNeeded = true;
                Overflowed++;
                _ring.RemoveHead();
            }

            Array.Copy(_io, body, _ring.Bytes, _ring.Offset(_ring.Count), ReadingRecord.Size);
            _ring.Commit();
        }

        private void DropUntimed()
        {
            int dropped = _ring.DropUntimed();
            UntimedDropped += dropped;
            RewriteNeeded |= dropped > 0;
        }

        private static int Positive(int value) => value < 0 ? 0 : value;

        private int ReadRecords(int index)
        {
            int n = Records - index < ReadingLog.RecordsPerWrite ? Records - index : ReadingLog.RecordsPerWrite;
            int wanted = n * Rec;
            for (int got = 0; got < wanted;)
            {
                int r;
                try
                {
                    r = _store.Read((index * Rec) + got, _io, got, wanted - got);
                }
                catch (Exception)
                {
                    r = -1;
                }

                if (r <= 0)
                {
                    return -1;
                }

                got += r;
            }

            return n;
        }
    }
}
