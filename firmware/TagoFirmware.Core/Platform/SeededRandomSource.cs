using System;

namespace TagoFirmware.Platform
{
    /// <summary><see cref="IRandomSource"/> over <see cref="Random"/> (present in nanoFramework mscorlib) with a seed.</summary>
    public sealed class SeededRandomSource : IRandomSource
    {
        private readonly Random _random;

        /// <summary>Creates a source whose sequence is fixed by <paramref name="seed"/>.</summary>
        public SeededRandomSource(int seed) => _random = new Random(seed);

        /// <summary>A per-node seed: FNV-1a over the MAC, then <paramref name="ticks"/> (a batch of boards has consecutive MACs and powers up together).</summary>
        public static int SeedFromMac(byte[] mac, long ticks)
        {
            // FNV-1a parameters: offset basis 2166136261, prime 16777619 (Fowler/Noll/Vo, draft-eastlake-fnv).
            uint hash = 2166136261;
            if (mac != null)
            {
                for (int i = 0; i < mac.Length; i++)
                {
                    hash = unchecked((hash ^ mac[i]) * 16777619);
                }
            }

            for (int i = 0; i < 8; i++)
            {
                hash = unchecked((hash ^ (uint)(ticks & 0xFF)) * 16777619);
                ticks >>= 8;
            }

            return (int)(hash & 0x7FFFFFFF);
        }

        /// <inheritdoc/>
        public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : _random.Next(maxExclusive);
    }
}
