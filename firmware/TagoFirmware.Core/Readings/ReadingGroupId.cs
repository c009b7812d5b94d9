namespace TagoFirmware.Readings
{
    /// <summary>TagoIO <c>group</c> of a sampling cycle, from the time its readings share (no queue bytes): the Unix ms in
    /// lower-case base 36, zero-padded to 10 characters (36^10 &gt; 2^48), e.g. 1764084419000 is <c>00mieqbd88</c>.</summary>
    public static class ReadingGroupId
    {
        /// <summary>Length of every group id in bytes.</summary>
        public const int Length = 10;

        // A lookup, not a computed digit (fewer IL instructions); an initializer, not a string (no user-string bytes).
        private static readonly byte[] s_digits =
        {
            (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9',
            (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j',
            (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o', (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t',
            (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z',
        };

        /// <summary>Writes the id of <paramref name="unixMs"/> (0 to 36^10 − 1, so every queued time) at <paramref name="offset"/>.</summary>
        public static void Write(long unixMs, byte[] buffer, int offset)
        {
            byte[] digits = s_digits;
            long value = unixMs;
            for (int i = offset + Length - 1; i >= offset; i--)
            {
                buffer[i] = digits[(int)(value % 36)];
                value /= 36;
            }
        }
    }
}
