namespace TagoFirmware.Common
{
    /// <summary>
    /// CRC-32/ISO-HDLC (the CRC of Ethernet, zlib and PNG): polynomial 0x04C11DB7, processed bit-reflected
    /// (0xEDB88320), initial value 0xFFFFFFFF, final XOR 0xFFFFFFFF; the check value of the ASCII string
    /// "123456789" is 0xCBF43926 (Koopman, "CRC Polynomial Zoo"; reveng catalogue entry CRC-32/ISO-HDLC).
    /// </summary>
    /// <remarks>
    /// One implementation for the whole core: every record of the persisted reading log, the command-overrides
    /// record and the configuration fingerprint. A 32-bit CRC over a 16-byte record detects every burst
    /// of up to 32 bits and all but 1 in 2^32 random corruptions, which is why the log spends 4 bytes per record on
    /// it instead of the 2 of CRC-16: a torn or bit-flipped record must never come back as a reading.
    /// The 256-entry table (1 KB) is built once; computing a CRC allocates nothing.
    /// </remarks>
    public static class Crc32
    {
        private static readonly uint[] s_table = BuildTable();

        /// <summary>Computes the CRC-32/ISO-HDLC of <paramref name="count"/> bytes of <paramref name="data"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = s_table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
