using System;

namespace TagoFirmware.Platform
{
    /// <summary><see cref="IRandomSource"/> over <see cref="Random"/> (present in nanoFramework mscorlib) with a seed.</summary>
    public sealed class SeededRandomSource : IRandomSource
    {
        private readonly Random _random;

        /// <summary>Creates a source whose sequence is fixed by <paramref name="seed"/>.</summary>
        public SeededRandomSource(int seed)
        {
            _random = new Random(seed);
        }

        /// <summary>
        /// A per-node seed: FNV-1a (32-bit) over the MAC bytes, then over <paramref name="ticks"/>. Boards from one batch
        /// have consecutive MACs and power up together, so neither the MAC nor the tick count alone makes good seeds;
        /// hashing spreads neighbouring MACs over the whole seed space.
        /// </summary>
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
        public int Next(int maxExclusive)
        {
            if (maxExclusive <= 1)
            {
                return 0;
            }

            return _random.Next(maxExclusive);
        }
    }
}
