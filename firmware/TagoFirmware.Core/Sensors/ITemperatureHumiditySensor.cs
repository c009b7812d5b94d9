namespace TagoFirmware.Sensors
{
    /// <summary>The raw-read seam between <see cref="ReadPipeline"/> and one physical (or simulated) sensor.</summary>
    /// <remarks>
    /// One bus transaction per <see cref="TryRead"/>, never throw, false rather than a non-finite value, no retries,
    /// averaging, range checks, offsets, per-read logs or allocations (the pipeline does those). With the Dhtxx binding:
    /// read <c>Temperature</c> (triggers the read), <c>Humidity</c>, check <c>IsLastReadSuccessful</c>, only then
    /// convert (a failed read's <c>default</c> UnitsNet structs throw on conversion). The binding re-serves its cached
    /// frame for reads within 1 s timed by <c>DateTime.UtcNow</c>, so after an SNTP step back an adapter that sees the
    /// wall clock advance less than 1 s over the pipeline's monotonic gap must treat the frame as cached.
    /// </remarks>
    public interface ITemperatureHumiditySensor
    {
        /// <summary>Performs one raw read.</summary>
        bool TryRead(out double celsius, out double percent);

        /// <summary>Drops state that could return an old frame (Dhtxx: recreates the binding, a 1 s sleep; only after a stuck sensor).</summary>
        void Reset();
    }
}
