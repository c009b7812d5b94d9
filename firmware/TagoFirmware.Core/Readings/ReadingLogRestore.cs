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
        private readonly ReadingRing _ring;
        private readonly IReadingStore _store;
        private readonly byte[] _io;

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

            if (length < 0)
            {
                return ReadingLoadResult.StoreUnavailable;
            }

            Records = length / ReadingLogFormat.RecordSize;
            bool damaged = length % ReadingLogFormat.RecordSize != 0;
            bool headerOk = false;
            bool incompatible = false;
            bool ackFound = false;
            int watermark = 0;

            // Pass 1: header, last boot counter, last acknowledgement mark.
            for (int index = 0; index < Records;)
            {
                int n = ReadRecords(index);
                if (n <= 0)
                {
                    return ReadingLoadResult.StoreUnavailable;
                }

                for (int k = 0; k < n; k++)
                {
                    int off = k * ReadingLogFormat.RecordSize;
                    int body = off + ReadingLogFormat.BodyOffset;
                    if (!ReadingLogFormat.IsIntact(_io, off))
                    {
                        Skipped++;
                    }
                    else if (_io[off] == ReadingLogFormat.KindHeader && index + k == 0)
                    {
                        headerOk = ReadingLogFormat.IsCompatibleHeader(_io, off);
                        incompatible = !headerOk;
                    }
                    else if (_io[off] == ReadingLogFormat.KindBoot)
                    {
                        LastBoot = ReadingRecord.ReadUInt16(_io, body);
                    }
                    else if (_io[off] == ReadingLogFormat.KindAck)
                    {
                        ackFound = true;
                        watermark = ReadingLogFormat.Sequence(_io, off);
                        UnreportedDropped = Positive(ReadingRecord.ReadInt32(_io, body));
                        UnreportedUntimed = Positive(ReadingRecord.ReadInt32(_io, body + 4));
                    }
                }

                index += n;
            }

            RewriteNeeded = damaged || Skipped > 0 || !headerOk || !ackFound;
            if (incompatible)
            {
                // Not replayed: the log of another format version is replaced.
                _ring.Clear(ackFound ? watermark : 0);
                return ReadingLoadResult.Incompatible;
            }

            if (!Replay(ackFound, watermark))
            {
                return ReadingLoadResult.StoreUnavailable;
            }

            if (_ring.Count == 0)
            {
                _ring.Clear(ackFound ? watermark : 0);
            }

            if (Records == 0 && !damaged)
            {
                return ReadingLoadResult.Created;
            }

            return damaged || Skipped > 0 ? ReadingLoadResult.RestoredWithDamage : ReadingLoadResult.Restored;
        }

        // Pass 2: data, boot and sync records in log order.
        private bool Replay(bool ackFound, int watermark)
        {
            int logBoot = -1;
            bool seen = false;
            int last = 0;
            for (int index = 0; index < Records;)
            {
                int n = ReadRecords(index);
                if (n <= 0)
                {
                    return false;
                }

                for (int k = 0; k < n; k++)
                {
                    int off = k * ReadingLogFormat.RecordSize;
                    int body = off + ReadingLogFormat.BodyOffset;
                    if (!ReadingLogFormat.IsIntact(_io, off))
                    {
                        continue;
                    }

                    byte kind = _io[off];
                    if (kind == ReadingLogFormat.KindData)
                    {
                        int seq = ReadingLogFormat.Sequence(_io, off);
                        if (ackFound && ReadingLogFormat.Precedes(seq, watermark))
                        {
                            continue;
                        }

                        if (seen && !ReadingLogFormat.Precedes(last, seq))
                        {
                            Repeated++;
                            RewriteNeeded = true;
                            continue;
                        }

                        if (!ReadingRecord.IsWellFormed(_io, body))
                        {
                            Skipped++;
                            RewriteNeeded = true;
                            continue;
                        }

                        seen = true;
                        last = seq;
                        Restore(seq, ackFound, watermark, body);
                    }
                    else if (kind == ReadingLogFormat.KindBoot)
                    {
                        // A new boot began: whatever is still untimed belongs to a boot that ended unsynced.
                        DropUntimed();
                        logBoot = ReadingRecord.ReadUInt16(_io, body);
                    }
                    else if (kind == ReadingLogFormat.KindTime && (ReadingRecord.ReadUInt16(_io, body)) == logBoot)
                    {
                        _ring.FillIn(logBoot, ReadingRecord.ReadUInt48(_io, body + 2), (uint)ReadingRecord.ReadInt32(_io, body + 8));
                    }
                }

                index += n;
            }

            DropUntimed();
            return true;
        }

        private void Restore(int seq, bool ackFound, int watermark, int body)
        {
            if (_ring.Count == 0)
            {
                RewriteNeeded |= ackFound && seq != watermark;
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
            if (dropped > 0)
            {
                UntimedDropped += dropped;
                RewriteNeeded = true;
            }
        }

        private static int Positive(int value) => value < 0 ? 0 : value;

        private int ReadRecords(int index)
        {
            int n = Records - index;
            if (n > ReadingLog.RecordsPerWrite)
            {
                n = ReadingLog.RecordsPerWrite;
            }

            int wanted = n * ReadingLogFormat.RecordSize;
            for (int got = 0; got < wanted;)
            {
                int r;
                try
                {
                    r = _store.Read((index * ReadingLogFormat.RecordSize) + got, _io, got, wanted - got);
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
