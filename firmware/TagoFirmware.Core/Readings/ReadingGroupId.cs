namespace TagoFirmware.Readings
{
    /// <summary>
    /// The TagoIO <c>group</c> id of a sampling cycle, derived from the cycle's time so it costs no bytes in the queue:
    /// the Unix milliseconds of the cycle in lower-case base 36 (digits 0-9 then a-z), e.g. 1764084419000 becomes
    /// <c>mieqbd88</c>.
    /// </summary>
    /// <remarks>
    /// Every reading of one cycle shares one time (readings taken before the clock was valid get the same filled-in
    /// time, since they share one monotonic time), so they share the group, and two cycles never share a millisecond.
    /// The id matches <c>[A-Za-z0-9_-]{1,24}</c> (at most 10 characters: 36^10 &gt; 2^48) and TagoIO's group rules
    /// (at most 100 characters; names are lower-cased anyway).
    /// </remarks>
    public static class ReadingGroupId
    {
        /// <summary>Longest id in bytes (48-bit times need at most 10 base-36 digits).</summary>
        public const int MaxLength = 10;

        /// <summary>Writes the group id of <paramref name="unixMs"/> as ASCII bytes.</summary>
        /// <param name="unixMs">Cycle time in Unix ms, 0..2^48-1.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Bytes written (1..10), or 0 when the time is negative or the buffer too short (nothing written).</returns>
        public static int Write(long unixMs, byte[] buffer, int offset)
        {
            if (unixMs < 0 || buffer == null || offset < 0)
            {
                return 0;
            }

            int length = 1;
            long rest = unixMs / 36;
            while (rest > 0)
            {
                length++;
                rest /= 36;
            }

            if (offset + length > buffer.Length)
            {
                return 0;
            }

            long value = unixMs;
            for (int i = offset + length - 1; i >= offset; i--)
            {
                int digit = (int)(value % 36);
                buffer[i] = (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
                value /= 36;
            }

            return length;
        }
    }
}
