namespace TagoFirmware.Sensors
{
    /// <summary>The raw-read seam between <see cref="ReadPipeline"/> and one physical (or simulated) sensor.</summary>
    /// <remarks>One bus transaction per <see cref="TryRead"/>, never throws; the pipeline does retries and checks (non-finite values too).</remarks>
    public interface ITemperatureHumiditySensor
    {
        /// <summary>Performs one raw read.</summary>
        bool TryRead(out double celsius, out double percent);

        /// <summary>Drops state that could return an old frame (Dhtxx: recreates the binding, a 1 s sleep; only after a stuck sensor).</summary>
        void Reset();
    }
}
