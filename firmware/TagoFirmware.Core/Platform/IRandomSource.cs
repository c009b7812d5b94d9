namespace TagoFirmware.Platform
{
    /// <summary>Uniform random integers for backoff jitter.</summary>
    /// <remarks>
    /// Port contract: cheap, never throws, main loop thread only. On the device seed it from something that differs
    /// between nodes (the MAC address and the tick count), or a fleet that powers up together draws the same jitter.
    /// Tests use <see cref="SeededRandomSource"/> with a fixed seed.
    /// </remarks>
    public interface IRandomSource
    {
        /// <summary>Returns a uniform integer in [0, <paramref name="maxExclusive"/>); 0 when maxExclusive ≤ 1.</summary>
        int Next(int maxExclusive);
    }
}
