using TagoFirmware.Common;

namespace TagoFirmware.Readings
{
    /// <summary>Reading (12 packed little-endian bytes) and 20-byte log record formats (docs/store-and-forward.md).</summary>
    /// <remarks>Each record has its own CRC, so a torn or corrupted one is skipped alone. Bodies: H "TFRQ", version, record
    /// size, reading size; B boot u16; D a reading; A unreported dropped u32, untimed u32; T boot u16, sync wall u48, sync
    /// mono u32. Sequence numbers (D the reading's, A the watermark, others 0) compare modulo 2^24 (RFC 1982), the live
    /// window far below 2^23; removal is only from the front, so the last A describes every removal. A packed
    /// <c>byte[]</c> because nanoCLR boxes every struct element of an array.</remarks>
    public static class ReadingRecord
    {
        /// <summary>Bytes per reading in RAM and in the body of a persisted data record.</summary>
        public const int Size = 12;

        /// <summary>Largest number of decimals a reading may carry (10^6 still fits a humidity of 100 % in int32).</summary>
        public const int MaxDecimals = 6;

        internal const int MaxVariableIndex = 255;

        // 2020-01-01T00:00:00Z: an ESP32 without a synchronised clock starts in 1970, so earlier means "not set".
        internal const long MinValidUnixMs = 1577836800000;

        internal const long MaxUnixMs = 0xFFFFFFFFFFFF;

        /// <summary>Flag bit of a reading that still waits for wall time.</summary>
        public const byte UntimedFlag = 0x08;
        internal const byte DecimalsMask = 0x07;
        private const byte ReservedMask = 0xF0;

        /// <summary>Bytes per log record.</summary>
        public const int LogRecordSize = 20;

        internal const byte KindHeader = 0x48;
        internal const byte KindBoot = 0x42;
        internal const byte KindData = 0x44;
        internal const byte KindAck = 0x41;
        internal const byte KindTime = 0x54;
        internal const int SequenceMask = 0xFFFFFF;

        /// <summary>Offset of the 12-byte body in a record.</summary>
        public const int BodyOffset = 4;

        private const int CrcOffset = 16;

        // Header body, little-endian: "TFRQ", format version 1, record size, reading size; another version is not replayed.
        internal const long HeaderBody = 0x51524654L | (1L << 32) | ((long)LogRecordSize << 40) | ((long)Size << 48);

        /// <summary>Writes a reading: <paramref name="flags"/> is the decimals (0..6), plus <see cref="UntimedFlag"/> when
        /// <paramref name="time"/> is boot counter | monotonic ms &lt;&lt; 16 instead of a wall time.</summary>
        public static void WriteReading(byte[] buffer, int offset, int variableIndex, int scaledValue, int flags, long time)
        {
            buffer[offset] = (byte)variableIndex;
            buffer[offset + 1] = (byte)flags;
            WriteInt32(buffer, offset + 2, scaledValue);
            WriteUInt48(buffer, offset + 6, time);
        }

        internal static void SetTime(byte[] buffer, int offset, long unixMs)
        {
            buffer[offset + 1] = (byte)(buffer[offset + 1] & DecimalsMask);
            WriteUInt48(buffer, offset + 6, unixMs);
        }

        /// <summary>Whether the record still waits for wall time.</summary>
        public static bool IsUntimed(byte[] buffer, int offset) => (buffer[offset + 1] & UntimedFlag) != 0;

        /// <summary>Wall time of a timed record, -1 for an untimed one.</summary>
        public static long UnixMs(byte[] buffer, int offset) => IsUntimed(buffer, offset) ? -1 : ReadUInt48(buffer, offset + 6);

        /// <summary>Whether a record read back from flash may be queued (a CRC-intact record can still be malformed).</summary>
        public static bool IsWellFormed(byte[] buffer, int offset)
        {
            byte flags = buffer[offset + 1];
            return (flags & ReservedMask) == 0 && (flags & DecimalsMask) <= MaxDecimals
                && ((flags & UntimedFlag) != 0 || ReadUInt48(buffer, offset + 6) >= MinValidUnixMs);
        }

        // Little-endian fields (also the command-override and TagoTiP sequence records).
        internal static void WriteInt32(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        internal static int ReadUInt16(byte[] buffer, int offset) => buffer[offset] | (buffer[offset + 1] << 8);

        internal static int ReadInt32(byte[] buffer, int offset)
            => buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);

        internal static void WriteUInt48(byte[] buffer, int offset, long value)
        {
            WriteInt32(buffer, offset, (int)value);
            buffer[offset + 4] = (byte)(value >> 32);
            buffer[offset + 5] = (byte)(value >> 40);
        }

        internal static long ReadUInt48(byte[] buffer, int offset)
            => (uint)ReadInt32(buffer, offset) | ((long)(buffer[offset + 4] | (buffer[offset + 5] << 8)) << 32);

        /// <summary>Writes the CRC-32 of <paramref name="length"/> bytes from <paramref name="offset"/> right after them (also the override and sequence records).</summary>
        public static void Seal(byte[] buffer, int offset, int length) => WriteInt32(buffer, offset + length, (int)Crc32.Compute(buffer, offset, length));

        internal static bool IsSealed(byte[] buffer, int offset, int length) => (uint)ReadInt32(buffer, offset + length) == Crc32.Compute(buffer, offset, length);

        // A non-data record, body a (8 bytes) then b: header HeaderBody; boot counter; ack dropped | untimed << 32; time boot | wall << 16, mono.
        internal static void WriteRecord(byte[] buffer, int offset, byte kind, int sequence, long a, int b)
        {
            WriteInt32(buffer, offset, kind | (sequence << 8));
            WriteInt32(buffer, offset + BodyOffset, (int)a);
            WriteInt32(buffer, offset + BodyOffset + 4, (int)(a >> 32));
            WriteInt32(buffer, offset + BodyOffset + 8, b);
            Seal(buffer, offset, CrcOffset);
        }

        internal static bool IsCompatibleHeader(byte[] buffer, int offset)
            => ReadInt32(buffer, offset + BodyOffset) == unchecked((int)HeaderBody) && ReadInt32(buffer, offset + BodyOffset + 4) == (int)(HeaderBody >> 32);

        /// <summary>Writes a complete data record of the reading at <paramref name="ringOffset"/>.</summary>
        public static void WriteData(byte[] buffer, int offset, int sequence, byte[] ring, int ringOffset)
        {
            WriteInt32(buffer, offset, KindData | (sequence << 8));
            System.Array.Copy(ring, ringOffset, buffer, offset + BodyOffset, Size);
            Seal(buffer, offset, CrcOffset);
        }

        /// <summary>Whether the record's CRC matches and its kind is known.</summary>
        public static bool IsIntact(byte[] buffer, int offset)
        {
            byte kind = buffer[offset];
            return (kind == KindHeader || kind == KindBoot || kind == KindData || kind == KindAck || kind == KindTime)
                && IsSealed(buffer, offset, CrcOffset);
        }

        /// <summary>The record's 24-bit sequence number.</summary>
        public static int Sequence(byte[] buffer, int offset) => (int)((uint)ReadInt32(buffer, offset) >> 8);

        /// <summary>Whether sequence number <paramref name="a"/> comes before <paramref name="b"/> (mod 2^24).</summary>
        public static bool Precedes(int a, int b)
        {
            int d = (b - a) & SequenceMask;
            return d != 0 && d < 0x800000;
        }
    }
}
