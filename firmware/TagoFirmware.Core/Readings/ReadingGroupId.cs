namespace TagoFirmware.Readings
{
    /// <summary>TagoIO <c>group</c> of a sampling cycle, from the time its readings share (no queue bytes): the Unix ms in
    /// lower-case base 36, zero-padded to 10 characters (36^10 &gt; 2^48), e.g. 1764084419000 is <c>00mieqbd88</c>.</summary>
    public static class ReadingGroupId
    {
        /// <summary>Length of every group id in bytes.</summary>
        public const int Length = 10;

        /// <summary>Writes the id of <paramref name="unixMs"/> (<see cref="Length"/> bytes) at <paramref name="offset"/>; 0 outside 0..2^48 - 1.</summary>
        public static int Write(long unixMs, byte[] buffer, int offset)
        {
            if (unixMs < 0 || unixMs > ReadingRecord.MaxUnixMs)
            {
                return 0;
            }

            long value = unixMs;
            for (int i = offset + Length - 1; i >= offset; i--)
            {
                int digit = (int)(value % 36);
                buffer[i] = (byte)(digit < 10 ? '0' + digit : 'a' - 10 + digit);
                value /= 36;
            }

            return Length;
        }
    }
}
