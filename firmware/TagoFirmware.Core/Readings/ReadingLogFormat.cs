using TagoFirmware.Common;

namespace TagoFirmware.Readings
{
    /// <summary>
    /// Format of the persisted reading log: an append-only sequence of fixed-size 20-byte records, each with its own
    /// CRC, so a torn or corrupted record is recognised and skipped on its own, never replayed as data.
    /// </summary>
    /// <remarks>
    /// <code>
    /// offset size field
    ///   0     1   kind: 'H' header, 'B' boot, 'D' data, 'A' acknowledgement mark, 'T' time fill-in
    ///   1     3   sequence number, 24-bit little-endian (D: the reading's number; A: the watermark; others 0)
    ///   4    12   body (by kind, below)
    ///  16     4   CRC-32/ISO-HDLC of bytes 0..15, little-endian (<see cref="Crc32"/>)
    ///
    /// H  body = "TFRQ", format version (1), record size (20), reading size (12), 5 zero bytes. Slot 0 of every file.
    /// B  body = boot counter u16: a boot started here. Untimed readings of earlier boots still queued are dropped.
    /// D  body = one reading, exactly the 12 bytes of <see cref="ReadingRecord"/>.
    /// A  seq  = watermark W: every data record whose number precedes W (mod 2^24) is acknowledged (or was dropped);
    ///    body = dropped readings not yet reported u32, untimed readings not yet reported u32, 4 zero bytes.
    ///    The last valid A record wins.
    /// T  body = boot counter u16, sync wall time u48 (Unix ms), sync monotonic ms u32: the first clock sync of that
    ///    boot; untimed readings of that boot get wall = sync wall - (sync mono - reading mono).
    /// </code>
    /// Removal is always from the front of the queue (acknowledged payloads, dropped oldest readings), so a single
    /// watermark describes every removal and an A record is one record per delivered payload, whatever its size.
    /// Sequence numbers are compared modulo 2^24 (serial number arithmetic as in RFC 1982); the live window is at
    /// most a few times the queue capacity, far below 2^23.
    /// </remarks>
    public static class ReadingLogFormat
    {
        /// <summary>Bytes per log record.</summary>
        public const int RecordSize = 20;

        /// <summary>Format version written in the header; a log with another version is not replayed.</summary>
        public const byte Version = 1;

        /// <summary>Header record kind.</summary>
        public const byte KindHeader = 0x48;

        /// <summary>Boot record kind.</summary>
        public const byte KindBoot = 0x42;

        /// <summary>Data record kind.</summary>
        public const byte KindData = 0x44;

        /// <summary>Acknowledgement mark kind.</summary>
        public const byte KindAck = 0x41;

        /// <summary>Time fill-in record kind.</summary>
        public const byte KindTime = 0x54;

        /// <summary>Sequence numbers are 24-bit.</summary>
        public const int SequenceMask = 0xFFFFFF;

        /// <summary>Offset of the 12-byte body in a record.</summary>
        public const int BodyOffset = 4;

        private const int CrcOffset = 16;
        private const int HalfSequenceRange = 0x800000;

        /// <summary>Starts a record: clears it, writes kind and sequence number. Fill the body, then call <see cref="Seal"/>.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <param name="kind">One of the Kind constants.</param>
        /// <param name="sequence">Sequence number (masked to 24 bits).</param>
        public static void Begin(byte[] buffer, int offset, byte kind, int sequence)
        {
            // Array.Clear is native on the nanoCLR: one call instead of an interpreted loop per record.
            System.Array.Clear(buffer, offset, RecordSize);
            buffer[offset] = kind;
            buffer[offset + 1] = (byte)sequence;
            buffer[offset + 2] = (byte)(sequence >> 8);
            buffer[offset + 3] = (byte)(sequence >> 16);
        }

        /// <summary>Writes the CRC of bytes 0..15 into bytes 16..19.</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        public static void Seal(byte[] buffer, int offset)
        {
            ReadingRecord.WriteUInt32(buffer, offset + CrcOffset, Crc32.Compute(buffer, offset, CrcOffset));
        }

        /// <summary>Writes a complete header record.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        public static void WriteHeader(byte[] buffer, int offset)
        {
            Begin(buffer, offset, KindHeader, 0);
            int b = offset + BodyOffset;
            buffer[b] = (byte)'T';
            buffer[b + 1] = (byte)'F';
            buffer[b + 2] = (byte)'R';
            buffer[b + 3] = (byte)'Q';
            buffer[b + 4] = Version;
            buffer[b + 5] = RecordSize;
            buffer[b + 6] = ReadingRecord.Size;
            Seal(buffer, offset);
        }

        /// <summary>Whether a valid record is a header of this format version.</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <returns>True for a compatible header.</returns>
        public static bool IsCompatibleHeader(byte[] buffer, int offset)
        {
            int b = offset + BodyOffset;
            return buffer[offset] == KindHeader && buffer[b] == (byte)'T' && buffer[b + 1] == (byte)'F'
                && buffer[b + 2] == (byte)'R' && buffer[b + 3] == (byte)'Q' && buffer[b + 4] == Version
                && buffer[b + 5] == RecordSize && buffer[b + 6] == ReadingRecord.Size;
        }

        /// <summary>Writes a complete boot record.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <param name="bootCounter">0..65535.</param>
        public static void WriteBoot(byte[] buffer, int offset, int bootCounter)
        {
            Begin(buffer, offset, KindBoot, 0);
            buffer[offset + BodyOffset] = (byte)bootCounter;
            buffer[offset + BodyOffset + 1] = (byte)(bootCounter >> 8);
            Seal(buffer, offset);
        }

        /// <summary>Writes a complete data record, copying the reading from the ring.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <param name="sequence">The reading's sequence number.</param>
        /// <param name="ring">Buffer holding the 12-byte reading.</param>
        /// <param name="ringOffset">Index of the reading's first byte.</param>
        public static void WriteData(byte[] buffer, int offset, int sequence, byte[] ring, int ringOffset)
        {
            Begin(buffer, offset, KindData, sequence);
            for (int i = 0; i < ReadingRecord.Size; i++)
            {
                buffer[offset + BodyOffset + i] = ring[ringOffset + i];
            }

            Seal(buffer, offset);
        }

        /// <summary>Writes a complete acknowledgement mark.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <param name="watermark">Sequence number of the oldest reading still queued (or the next one to be appended).</param>
        /// <param name="unreportedDropped">Dropped readings not yet reported in a delivered payload.</param>
        /// <param name="unreportedUntimed">Untimed readings dropped and not yet reported.</param>
        public static void WriteAck(byte[] buffer, int offset, int watermark, int unreportedDropped, int unreportedUntimed)
        {
            Begin(buffer, offset, KindAck, watermark);
            ReadingRecord.WriteInt32(buffer, offset + BodyOffset, unreportedDropped);
            ReadingRecord.WriteInt32(buffer, offset + BodyOffset + 4, unreportedUntimed);
            Seal(buffer, offset);
        }

        /// <summary>Writes a complete time fill-in record.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <param name="bootCounter">Boot that synchronised.</param>
        /// <param name="syncUnixMs">Wall time at the sync.</param>
        /// <param name="syncMonotonicMs">Monotonic ms of that boot at the sync.</param>
        public static void WriteTime(byte[] buffer, int offset, int bootCounter, long syncUnixMs, uint syncMonotonicMs)
        {
            Begin(buffer, offset, KindTime, 0);
            int b = offset + BodyOffset;
            buffer[b] = (byte)bootCounter;
            buffer[b + 1] = (byte)(bootCounter >> 8);
            ReadingRecord.WriteUInt48(buffer, b + 2, syncUnixMs);
            ReadingRecord.WriteUInt32(buffer, b + 8, syncMonotonicMs);
            Seal(buffer, offset);
        }

        /// <summary>Whether the record's CRC matches and its kind is known.</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <returns>True for an intact record.</returns>
        public static bool IsIntact(byte[] buffer, int offset)
        {
            byte kind = buffer[offset];
            if (kind != KindHeader && kind != KindBoot && kind != KindData && kind != KindAck && kind != KindTime)
            {
                return false;
            }

            return (uint)ReadingRecord.ReadInt32(buffer, offset + CrcOffset) == Crc32.Compute(buffer, offset, CrcOffset);
        }

        /// <summary>The record's 24-bit sequence number.</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <returns>0..2^24-1.</returns>
        public static int Sequence(byte[] buffer, int offset)
        {
            return buffer[offset + 1] | (buffer[offset + 2] << 8) | (buffer[offset + 3] << 16);
        }

        /// <summary>Whether sequence number <paramref name="a"/> comes before <paramref name="b"/> (mod 2^24).</summary>
        /// <param name="a">First sequence number.</param>
        /// <param name="b">Second sequence number.</param>
        /// <returns>True when a precedes b within half the sequence space.</returns>
        public static bool Precedes(int a, int b)
        {
            int d = (b - a) & SequenceMask;
            return d != 0 && d < HalfSequenceRange;
        }
    }
}
