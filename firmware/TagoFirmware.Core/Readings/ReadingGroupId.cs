namespace TagoFirmware.Readings
{
    /// <summary>
    /// The TagoIO <c>group</c> of a sampling cycle, derived from its time (so it costs no queue bytes): the Unix ms in
    /// lower-case base 36, zero-padded to 10 characters (36^10 &gt; 2^48), e.g. 1764084419000 is <c>00mieqbd88</c>.
    /// Readings of one cycle share one time, so they share the group.
    /// </summary>
    public static class ReadingGroupId
    {
        /// <summary>Length of every group id in bytes.</summary>
        public const int Length = 10;

        /// <summary>Writes the group id of <paramref name="unixMs"/> as <see cref="Length"/> ASCII bytes.</summary>
        public static int Write(long unixMs, byte[] buffer, int offset)
        {
            if (unixMs < 0 || unixMs > ReadingRecord.MaxUnixMs || buffer == null || offset < 0 || offset + Length > buffer.Length)
            {
                return 0;
            }

            long value = unixMs;
            for (int i = offset + Length - 1; i >= offset; i--)
            {
                int digit = (int)(value % 36);
                buffer[i] = (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
                value /= 36;
            }

            return Length;
        }
    }
}
