using TagoFirmware.Common;

namespace TagoFirmware.Readings
{
    /// <summary>
    /// The persisted reading log: append-only 20-byte records, each with its own CRC, so a torn or corrupted record is
    /// skipped on its own, never replayed (layout in docs/store-and-forward.md).
    /// </summary>
    /// <remarks>
    /// <code>
    ///   0  1  kind: 'H' header, 'B' boot, 'D' data, 'A' acknowledgement mark, 'T' time fill-in
    ///   1  3  24-bit sequence number (D: the reading's; A: the watermark; others 0)
    ///   4 12  body: H "TFRQ", version, record size, reading size | B boot u16 | D a <see cref="ReadingRecord"/>
    ///         | A unreported dropped u32, unreported untimed u32 | T boot u16, sync wall u48, sync mono u32
    ///  16  4  CRC-32/ISO-HDLC of bytes 0..15
    /// </code>
    /// Removal is only from the front, so one watermark (the last A wins) describes every removal. Sequence numbers
    /// compare modulo 2^24 (RFC 1982 serial arithmetic); the live window is far below 2^23.
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
        private static readonly byte[] s_header = { (byte)'T', (byte)'F', (byte)'R', (byte)'Q', Version, RecordSize, ReadingRecord.Size };

        /// <summary>Starts a record: clears it, writes kind and sequence number. Fill the body, then <see cref="Seal"/>.</summary>
        public static void Begin(byte[] buffer, int offset, byte kind, int sequence)
        {
            // Array.Clear is native on the nanoCLR: one call instead of an interpreted loop per record.
            System.Array.Clear(buffer, offset, RecordSize);
            buffer[offset] = kind;
            ReadingRecord.WriteUInt16(buffer, offset + 1, sequence);
            buffer[offset + 3] = (byte)(sequence >> 16);
        }

        /// <summary>Writes the CRC of bytes 0..15 into bytes 16..19.</summary>
        public static void Seal(byte[] buffer, int offset) => ReadingRecord.WriteInt32(buffer, offset + CrcOffset, (int)Crc32.Compute(buffer, offset, CrcOffset));

        /// <summary>Writes a complete header record.</summary>
        public static void WriteHeader(byte[] buffer, int offset)
        {
            Begin(buffer, offset, KindHeader, 0);
            System.Array.Copy(s_header, 0, buffer, offset + BodyOffset, s_header.Length);
            Seal(buffer, offset);
        }

        /// <summary>Whether a valid record is a header of this format version.</summary>
        public static bool IsCompatibleHeader(byte[] buffer, int offset)
        {
            for (int i = 0; i < s_header.Length; i++)
            {
                if (buffer[offset + BodyOffset + i] != s_header[i])
                {
                    return false;
                }
            }

            return buffer[offset] == KindHeader;
        }

        /// <summary>Writes a complete boot record.</summary>
        public static void WriteBoot(byte[] buffer, int offset, int bootCounter)
        {
            Begin(buffer, offset, KindBoot, 0);
            ReadingRecord.WriteUInt16(buffer, offset + BodyOffset, bootCounter);
            Seal(buffer, offset);
        }

        /// <summary>Writes a complete data record of the 12-byte reading at <paramref name="ringOffset"/>.</summary>
        public static void WriteData(byte[] buffer, int offset, int sequence, byte[] ring, int ringOffset)
        {
            Begin(buffer, offset, KindData, sequence);
            System.Array.Copy(ring, ringOffset, buffer, offset + BodyOffset, ReadingRecord.Size);
            Seal(buffer, offset);
        }

        /// <summary>Writes a complete acknowledgement mark: <paramref name="watermark"/> is the oldest reading still queued
        /// (or the next one), with the counters not yet reported in a delivered payload.</summary>
        public static void WriteAck(byte[] buffer, int offset, int watermark, int unreportedDropped, int unreportedUntimed)
        {
            Begin(buffer, offset, KindAck, watermark);
            ReadingRecord.WriteInt32(buffer, offset + BodyOffset, unreportedDropped);
            ReadingRecord.WriteInt32(buffer, offset + BodyOffset + 4, unreportedUntimed);
            Seal(buffer, offset);
        }

        /// <summary>Writes a complete time fill-in record: the first clock sync of boot <paramref name="bootCounter"/>.</summary>
        public static void WriteTime(byte[] buffer, int offset, int bootCounter, long syncUnixMs, uint syncMonotonicMs)
        {
            Begin(buffer, offset, KindTime, 0);
            int b = offset + BodyOffset;
            ReadingRecord.WriteUInt16(buffer, b, bootCounter);
            ReadingRecord.WriteUInt48(buffer, b + 2, syncUnixMs);
            ReadingRecord.WriteInt32(buffer, b + 8, (int)syncMonotonicMs);
            Seal(buffer, offset);
        }

        /// <summary>Whether the record's CRC matches and its kind is known.</summary>
        public static bool IsIntact(byte[] buffer, int offset)
        {
            byte kind = buffer[offset];
            return (kind == KindHeader || kind == KindBoot || kind == KindData || kind == KindAck || kind == KindTime)
                && (uint)ReadingRecord.ReadInt32(buffer, offset + CrcOffset) == Crc32.Compute(buffer, offset, CrcOffset);
        }

        /// <summary>The record's 24-bit sequence number.</summary>
        public static int Sequence(byte[] buffer, int offset) => buffer[offset + 1] | (buffer[offset + 2] << 8) | (buffer[offset + 3] << 16);

        /// <summary>Whether sequence number <paramref name="a"/> comes before <paramref name="b"/> (mod 2^24).</summary>
        public static bool Precedes(int a, int b)
        {
            int d = (b - a) & SequenceMask;
            return d != 0 && d < 0x800000;
        }
    }
}
