using System;

namespace TagoFirmware.Session
{
    /// <summary><see cref="IRandomSource"/> over <see cref="Random"/> (present in nanoFramework mscorlib) with a seed.</summary>
    public sealed class SeededRandomSource : IRandomSource
    {
        private readonly Random _random;

        /// <summary>Creates a source whose sequence is fixed by <paramref name="seed"/>.</summary>
        /// <param name="seed">Seed; use per-node entropy on devices (see <see cref="IRandomSource"/>).</param>
        public SeededRandomSource(int seed)
        {
            _random = new Random(seed);
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
