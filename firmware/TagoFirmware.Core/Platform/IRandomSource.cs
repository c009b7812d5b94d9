namespace TagoFirmware.Platform
{
    /// <summary>Uniform random integers for backoff jitter; seed per node (MAC and ticks), or a fleet draws alike.</summary>
    public interface IRandomSource
    {
        /// <summary>Returns a uniform integer in [0, <paramref name="maxExclusive"/>); 0 when maxExclusive ≤ 1.</summary>
        int Next(int maxExclusive);
    }
}
