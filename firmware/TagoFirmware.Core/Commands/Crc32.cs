namespace TagoFirmware.Commands
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3 / zlib (reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF;
    /// check value of "123456789" is 0xCBF43926). Bitwise, without a 1 KB table: it runs on a 20-byte record and,
    /// once per boot, on the configuration file.
    /// </summary>
    internal static class Crc32
    {
        /// <summary>Computes the CRC-32 of a byte range.</summary>
        public static uint Compute(byte[] data, int offset, int length)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + length; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
