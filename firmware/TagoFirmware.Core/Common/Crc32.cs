namespace TagoFirmware.Common
{
    /// <summary>CRC-32/ISO-HDLC (zlib; reflected poly 0xEDB88320, init/xorout 0xFFFFFFFF, check 0xCBF43926, reveng catalogue): detects every burst up to 32 bits, so a torn record never reads as valid.</summary>
    public static class Crc32
    {
        private static readonly uint[] s_table = BuildTable();

        /// <summary>The CRC of <paramref name="count"/> bytes of <paramref name="data"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint[] t = s_table;
            uint crc = 0xFFFFFFFF;
            int end = offset + count;
            int i = offset;

            // Four bytes a pass (every log record is 16): a quarter of the loop's interpreted overhead.
            for (int end4 = end - 3; i < end4; i += 4)
            {
                crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
                crc = t[(crc ^ data[i + 1]) & 0xFF] ^ (crc >> 8);
                crc = t[(crc ^ data[i + 2]) & 0xFF] ^ (crc >> 8);
                crc = t[(crc ^ data[i + 3]) & 0xFF] ^ (crc >> 8);
            }

            for (; i < end; i++)
            {
                crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
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
