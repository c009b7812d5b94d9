namespace TagoFirmware.Readings
{
    /// <summary>One queued reading: 12 packed little-endian bytes, also the body of a log data record.</summary>
    /// <remarks>
    /// <code>
    ///   0  1  variable index (0..255)
    ///   1  1  bits 0-2 decimals (0..6), bit 3 untimed, bits 4-7 reserved (0; else corrupt)
    ///   2  4  int32 value * 10^decimals
    ///   6  6  timed: Unix ms u48 | untimed: boot counter u16 (6..7) + monotonic ms u32 (8..11)
    /// </code>
    /// A packed <c>byte[]</c> because nanoCLR boxes every struct element of an array (an object header per reading).
    /// </remarks>
    public static class ReadingRecord
    {
        /// <summary>Bytes per reading in RAM and in the body of a persisted data record.</summary>
        public const int Size = 12;

        /// <summary>Largest number of decimals a reading may carry (10^6 still fits a humidity of 100 % in int32).</summary>
        public const int MaxDecimals = 6;

        /// <summary>Largest variable index (the index is one byte).</summary>
        public const int MaxVariableIndex = 255;

        /// <summary>2020-01-01T00:00:00Z: an ESP32 without a synchronised clock starts in 1970, so earlier means "not set".</summary>
        public const long MinValidUnixMs = 1577836800000;

        /// <summary>Largest wall time the 48-bit field holds (2^48 - 1 ms).</summary>
        public const long MaxUnixMs = 0xFFFFFFFFFFFF;

        private const byte UntimedFlag = 0x08;
        private const byte DecimalsMask = 0x07;
        private const byte ReservedMask = 0xF0;

        /// <summary>Writes a reading with a wall time.</summary>
        public static void WriteTimed(byte[] buffer, int offset, int variableIndex, int scaledValue, int decimals, long unixMs)
        {
            buffer[offset] = (byte)variableIndex;
            buffer[offset + 1] = (byte)(decimals & DecimalsMask);
            WriteInt32(buffer, offset + 2, scaledValue);
            WriteUInt48(buffer, offset + 6, unixMs);
        }

        /// <summary>Writes a reading taken before the wall clock was valid.</summary>
        public static void WriteUntimed(byte[] buffer, int offset, int variableIndex, int scaledValue, int decimals, int bootCounter, uint monotonicMs)
        {
            buffer[offset] = (byte)variableIndex;
            buffer[offset + 1] = (byte)((decimals & DecimalsMask) | UntimedFlag);
            WriteInt32(buffer, offset + 2, scaledValue);
            WriteUInt16(buffer, offset + 6, bootCounter);
            WriteInt32(buffer, offset + 8, (int)monotonicMs);
        }

        /// <summary>Turns an untimed reading into a timed one in place, keeping index, value and decimals.</summary>
        public static void SetTime(byte[] buffer, int offset, long unixMs)
        {
            buffer[offset + 1] = (byte)(buffer[offset + 1] & DecimalsMask);
            WriteUInt48(buffer, offset + 6, unixMs);
        }

        /// <summary>Variable index of the record.</summary>
        public static int VariableIndex(byte[] buffer, int offset) => buffer[offset];

        /// <summary>Number of decimals of the scaled value.</summary>
        public static int Decimals(byte[] buffer, int offset) => buffer[offset + 1] & DecimalsMask;

        /// <summary>Whether the record still waits for wall time.</summary>
        public static bool IsUntimed(byte[] buffer, int offset) => (buffer[offset + 1] & UntimedFlag) != 0;

        /// <summary>The scaled value (value times 10^decimals).</summary>
        public static int ScaledValue(byte[] buffer, int offset) => ReadInt32(buffer, offset + 2);

        /// <summary>Wall time of a timed record, -1 for an untimed one.</summary>
        public static long UnixMs(byte[] buffer, int offset) => IsUntimed(buffer, offset) ? -1 : ReadUInt48(buffer, offset + 6);

        /// <summary>Boot counter of an untimed record.</summary>
        public static int BootCounter(byte[] buffer, int offset) => ReadUInt16(buffer, offset + 6);

        /// <summary>Monotonic milliseconds of an untimed record.</summary>
        public static uint MonotonicMs(byte[] buffer, int offset) => (uint)ReadInt32(buffer, offset + 8);

        /// <summary>Whether a record read back from flash may be queued (a CRC-intact record can still be malformed).</summary>
        public static bool IsWellFormed(byte[] buffer, int offset)
        {
            byte flags = buffer[offset + 1];
            return (flags & ReservedMask) == 0 && (flags & DecimalsMask) <= MaxDecimals
                && ((flags & UntimedFlag) != 0 || ReadUInt48(buffer, offset + 6) >= MinValidUnixMs);
        }

        /// <summary>Writes a little-endian int32.</summary>
        public static void WriteInt32(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes a little-endian u16.</summary>
        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Reads a little-endian u16.</summary>
        public static int ReadUInt16(byte[] buffer, int offset) => buffer[offset] | (buffer[offset + 1] << 8);

        /// <summary>Reads a little-endian int32.</summary>
        public static int ReadInt32(byte[] buffer, int offset)
            => buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);

        /// <summary>Writes the low 48 bits of <paramref name="value"/> little-endian.</summary>
        public static void WriteUInt48(byte[] buffer, int offset, long value)
        {
            WriteInt32(buffer, offset, (int)value);
            buffer[offset + 4] = (byte)(value >> 32);
            buffer[offset + 5] = (byte)(value >> 40);
        }

        /// <summary>Reads a little-endian unsigned 48-bit value.</summary>
        public static long ReadUInt48(byte[] buffer, int offset)
            => (uint)ReadInt32(buffer, offset) | ((long)(buffer[offset + 4] | (buffer[offset + 5] << 8)) << 32);
    }
}
