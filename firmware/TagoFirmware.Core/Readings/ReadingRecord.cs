namespace TagoFirmware.Readings
{
    /// <summary>
    /// Layout of one queued reading: 12 bytes in a packed <c>byte[]</c>, little-endian. The same 12 bytes are the body
    /// of a data record in the persisted log (<see cref="ReadingLogFormat"/>).
    /// </summary>
    /// <remarks>
    /// <code>
    /// offset size field
    ///   0     1   variable index: index into the configured variable table (0..255)
    ///   1     1   bits 0-2 decimals (0..6), bit 3 untimed flag, bits 4-7 reserved (0; anything else is corrupt)
    ///   2     4   value as int32 = value * 10^decimals (so 21.3 with 1 decimal is 213), range-checked on the way in
    ///   6     6   timed:   48-bit Unix epoch milliseconds (2^48 ms reaches the year 10889)
    ///             untimed: 16-bit boot counter (6..7) + 32-bit monotonic milliseconds of that boot (8..11)
    /// total  12 bytes per reading
    /// </code>
    /// RAM per queued reading is exactly these 12 bytes: the ring is one <c>byte[capacity * 12]</c> allocated once
    /// (12 288 bytes at the default capacity 1024). nanoCLR boxes every element of an array of structs, so a struct
    /// or object per reading would cost an object header (about 12 to 16 bytes on nanoCLR) on top of the fields.
    /// A scaled integer keeps the decimals the sensor really has, never formats as <c>1E-05</c> or <c>NaN</c>, and is 4
    /// bytes instead of 8 for a double. The group id of a reading is derived from its time (see
    /// <see cref="ReadingGroupId"/>), so it costs no bytes.
    /// </remarks>
    public static class ReadingRecord
    {
        /// <summary>Bytes per reading in RAM and in the body of a persisted data record.</summary>
        public const int Size = 12;

        /// <summary>Largest number of decimals a reading may carry (10^6 still fits a humidity of 100 % in int32).</summary>
        public const int MaxDecimals = 6;

        /// <summary>Largest variable index (the index is one byte).</summary>
        public const int MaxVariableIndex = 255;

        /// <summary>Largest magnitude of a scaled value; the range is symmetric so negation never overflows.</summary>
        public const int MaxScaledMagnitude = 2147483647;

        /// <summary>
        /// Earliest wall time accepted as valid: 2020-01-01T00:00:00Z in Unix milliseconds. An ESP32 that has not
        /// synchronised its clock starts in 1970; anything before this is treated as "clock not set", never sent.
        /// </summary>
        public const long MinValidUnixMs = 1577836800000;

        /// <summary>Largest wall time the 48-bit field holds (2^48 - 1 ms).</summary>
        public const long MaxUnixMs = 0xFFFFFFFFFFFF;

        /// <summary>Flag bit in byte 1: the time field holds boot counter + monotonic ms, not wall time.</summary>
        public const byte UntimedFlag = 0x08;

        private const byte DecimalsMask = 0x07;
        private const byte ReservedMask = 0xF0;

        /// <summary>Writes a reading with a wall time.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <param name="variableIndex">0..255.</param>
        /// <param name="scaledValue">Value times 10^decimals.</param>
        /// <param name="decimals">0..6.</param>
        /// <param name="unixMs">Wall time in Unix ms, 0..2^48-1.</param>
        public static void WriteTimed(byte[] buffer, int offset, int variableIndex, int scaledValue, int decimals, long unixMs)
        {
            buffer[offset] = (byte)variableIndex;
            buffer[offset + 1] = (byte)(decimals & DecimalsMask);
            WriteInt32(buffer, offset + 2, scaledValue);
            WriteUInt48(buffer, offset + 6, unixMs);
        }

        /// <summary>Writes a reading taken before the wall clock was valid.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <param name="variableIndex">0..255.</param>
        /// <param name="scaledValue">Value times 10^decimals.</param>
        /// <param name="decimals">0..6.</param>
        /// <param name="bootCounter">Boot the monotonic time belongs to (0..65535).</param>
        /// <param name="monotonicMs">Milliseconds since that boot (wraps after 49.7 days).</param>
        public static void WriteUntimed(byte[] buffer, int offset, int variableIndex, int scaledValue, int decimals, int bootCounter, uint monotonicMs)
        {
            buffer[offset] = (byte)variableIndex;
            buffer[offset + 1] = (byte)((decimals & DecimalsMask) | UntimedFlag);
            WriteInt32(buffer, offset + 2, scaledValue);
            buffer[offset + 6] = (byte)bootCounter;
            buffer[offset + 7] = (byte)(bootCounter >> 8);
            WriteUInt32(buffer, offset + 8, monotonicMs);
        }

        /// <summary>Turns an untimed reading into a timed one in place, keeping index, value and decimals.</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <param name="unixMs">Wall time in Unix ms.</param>
        public static void SetTime(byte[] buffer, int offset, long unixMs)
        {
            buffer[offset + 1] = (byte)(buffer[offset + 1] & DecimalsMask);
            WriteUInt48(buffer, offset + 6, unixMs);
        }

        /// <summary>Variable index of the record.</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <returns>0..255.</returns>
        public static int VariableIndex(byte[] buffer, int offset)
        {
            return buffer[offset];
        }

        /// <summary>Number of decimals of the scaled value.</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <returns>0..7 (a valid record has 0..6).</returns>
        public static int Decimals(byte[] buffer, int offset)
        {
            return buffer[offset + 1] & DecimalsMask;
        }

        /// <summary>Whether the record still waits for wall time.</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <returns>True when the time field holds boot counter + monotonic ms.</returns>
        public static bool IsUntimed(byte[] buffer, int offset)
        {
            return (buffer[offset + 1] & UntimedFlag) != 0;
        }

        /// <summary>The scaled value (value times 10^decimals).</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <returns>The int32 stored in bytes 2..5.</returns>
        public static int ScaledValue(byte[] buffer, int offset)
        {
            return ReadInt32(buffer, offset + 2);
        }

        /// <summary>Wall time of a timed record.</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <returns>Unix ms, or -1 for an untimed record.</returns>
        public static long UnixMs(byte[] buffer, int offset)
        {
            if (IsUntimed(buffer, offset))
            {
                return -1;
            }

            return ReadUInt48(buffer, offset + 6);
        }

        /// <summary>Boot counter of an untimed record.</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <returns>0..65535 (meaningless for a timed record).</returns>
        public static int BootCounter(byte[] buffer, int offset)
        {
            return buffer[offset + 6] | (buffer[offset + 7] << 8);
        }

        /// <summary>Monotonic milliseconds of an untimed record.</summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <returns>Milliseconds since its boot (meaningless for a timed record).</returns>
        public static uint MonotonicMs(byte[] buffer, int offset)
        {
            return (uint)ReadInt32(buffer, offset + 8);
        }

        /// <summary>
        /// Checks a record read back from flash: reserved bits clear, decimals 0..6, and a timed record's time not
        /// before <see cref="MinValidUnixMs"/>. A record that passes its CRC but fails this is still never replayed.
        /// </summary>
        /// <param name="buffer">Buffer holding the record.</param>
        /// <param name="offset">Index of the record's first byte.</param>
        /// <returns>True when the record may be queued.</returns>
        public static bool IsWellFormed(byte[] buffer, int offset)
        {
            byte flags = buffer[offset + 1];
            if ((flags & ReservedMask) != 0 || (flags & DecimalsMask) > MaxDecimals)
            {
                return false;
            }

            if ((flags & UntimedFlag) != 0)
            {
                return true;
            }

            return ReadUInt48(buffer, offset + 6) >= MinValidUnixMs;
        }

        /// <summary>Writes a little-endian int32.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="value">Value to write.</param>
        public static void WriteInt32(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes a little-endian uint32.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="value">Value to write.</param>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            WriteInt32(buffer, offset, (int)value);
        }

        /// <summary>Reads a little-endian int32.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>The value.</returns>
        public static int ReadInt32(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }

        /// <summary>Writes the low 48 bits of <paramref name="value"/> little-endian.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="value">Value to write (0..2^48-1).</param>
        public static void WriteUInt48(byte[] buffer, int offset, long value)
        {
            WriteInt32(buffer, offset, (int)value);
            buffer[offset + 4] = (byte)(value >> 32);
            buffer[offset + 5] = (byte)(value >> 40);
        }

        /// <summary>Reads a little-endian unsigned 48-bit value.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>0..2^48-1.</returns>
        public static long ReadUInt48(byte[] buffer, int offset)
        {
            long low = (uint)ReadInt32(buffer, offset);
            long high = buffer[offset + 4] | (buffer[offset + 5] << 8);
            return low | (high << 32);
        }
    }
}
