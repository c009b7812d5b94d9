using System;

namespace TagoFirmware.Readings
{
    /// <summary>
    /// Rebuilds the ring from the log at boot, in two passes over the store: first the header, the last boot counter
    /// and the last acknowledgement mark (watermark and unreported counters), then the data, boot and sync records in
    /// log order. What it found is left in its properties for <see cref="ReadingQueue.Load"/>.
    /// </summary>
    /// <remarks>
    /// Recovery rules: a record that fails its CRC (torn or corrupted) is skipped; a reading before the watermark was
    /// acknowledged; a reading whose sequence number is not above the last one seen is a repeated record (a log
    /// copied or restored onto itself) and is ignored and counted; untimed readings of a boot that ended unsynced are
    /// dropped and counted; beyond the capacity the oldest readings drop. Any of these asks for a rewrite.
    /// </remarks>
    internal sealed class ReadingLogRestore
    {
        private readonly ReadingRing _ring;
        private readonly IReadingStore _store;
        private readonly byte[] _io;

        /// <summary>Prepares a restore into <paramref name="ring"/> through the buffer of <paramref name="log"/>.</summary>
        /// <param name="ring">The queue's ring, empty.</param>
        /// <param name="log">The queue's log side (store and I/O buffer).</param>
        internal ReadingLogRestore(ReadingRing ring, ReadingLog log)
        {
            _ring = ring;
            _store = log.Store;
            _io = log.Buffer;
        }

        /// <summary>Records in the log, whole or not.</summary>
        internal int Records;

        /// <summary>Boot counter of the last boot record.</summary>
        internal int LastBoot;

        /// <summary>Dropped readings not yet reported, from the last acknowledgement mark.</summary>
        internal int UnreportedDropped;

        /// <summary>Untimed readings not yet reported, from the last mark.</summary>
        internal int UnreportedUntimed;

        /// <summary>Untimed readings of earlier boots dropped by this restore.</summary>
        internal int UntimedDropped;

        /// <summary>Readings that did not fit the capacity (the oldest), dropped by this restore.</summary>
        internal int Overflowed;

        /// <summary>Torn, corrupted or malformed records skipped.</summary>
        internal int Skipped;

        /// <summary>Intact reading records ignored because their sequence was not above the last seen.</summary>
        internal int Repeated;

        /// <summary>Whether the log must be rewritten (damage, drops, repeats, no header or mark).</summary>
        internal bool RewriteNeeded;

        /// <summary>Reads the log into the ring.</summary>
        /// <returns><see cref="ReadingLoadResult.StoreUnavailable"/> when the store could not be read (the ring is
        /// then to be cleared), <see cref="ReadingLoadResult.Incompatible"/>, <see cref="ReadingLoadResult.Created"/>
        /// for an empty log, otherwise <see cref="ReadingLoadResult.Restored"/> or
        /// <see cref="ReadingLoadResult.RestoredWithDamage"/>.</returns>
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
                        LastBoot = _io[body] | (_io[body + 1] << 8);
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
                        logBoot = _io[body] | (_io[body + 1] << 8);
                    }
                    else if (kind == ReadingLogFormat.KindTime && (_io[body] | (_io[body + 1] << 8)) == logBoot)
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

        private static int Positive(int value)
        {
            return value < 0 ? 0 : value;
        }

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
