namespace TagoFirmware.Readings
{
    /// <summary>
    /// The TagoIO <c>group</c> id of a sampling cycle, derived from the cycle's time so it costs no bytes in the queue:
    /// the Unix milliseconds of the cycle in lower-case base 36 (digits 0-9 then a-z), left-padded with zeros to a
    /// fixed 10 characters, e.g. 1764084419000 becomes <c>00mieqbd88</c>.
    /// </summary>
    /// <remarks>
    /// Every reading of one cycle shares one time (readings taken before the clock was valid get the same filled-in
    /// time, since they share one monotonic time), so they share the group, and two cycles never share a millisecond.
    /// Fixed length because the payload writer takes the group as a whole <c>byte[]</c>: one reusable
    /// <c>byte[Length]</c> serves every reading without allocating. 10 base-36 digits hold every 48-bit time
    /// (36^10 &gt; 2^48). The id matches <c>[A-Za-z0-9_-]{1,24}</c> and TagoIO's group rules (at most 100 characters).
    /// </remarks>
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
