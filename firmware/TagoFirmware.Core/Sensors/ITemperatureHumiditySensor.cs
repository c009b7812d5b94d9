namespace TagoFirmware.Sensors
{
    /// <summary>
    /// The raw-read seam between the hardware-free <see cref="ReadPipeline"/> and one physical sensor
    /// (the ESP32 Iot.Device.Dhtxx.Esp32 adapter on the device, a simulated sensor in the host twin and tests).
    /// </summary>
    /// <remarks>
    /// What an implementation must do:
    /// <list type="bullet">
    /// <item>Perform exactly one bus transaction per <see cref="TryRead"/> call. With the Dhtxx binding that means: read
    /// <c>Temperature</c> (this triggers the read and sets <c>IsLastReadSuccessful</c>), then <c>Humidity</c> (served
    /// from the same frame), then check <c>IsLastReadSuccessful</c>, and only then convert with
    /// <c>.DegreesCelsius</c>/<c>.Percent</c>: on a failed read the binding returns <c>default</c> unit structs whose
    /// conversion throws NotImplementedException (UnitsNet.Temperature/RelativeHumidity with Unit 0).</item>
    /// <item>Never throw: catch everything and return false.</item>
    /// <item>Return false rather than a non-finite value; the pipeline rejects NaN/Infinity anyway.</item>
    /// <item>Pace itself with a monotonic clock (never <c>DateTime.UtcNow</c>). The binding re-serves its cached frame
    /// when a read comes less than 1 s after the previous one, and it times that second with <c>DateTime.UtcNow</c>:
    /// an SNTP step backwards can make it return the same old frame, flagged successful, for as long as the clock
    /// lags. The pipeline already keeps the model's minimum gap between calls; an adapter that sees the wall clock
    /// advance by less than 1 s while the monotonic clock advanced by at least that gap should treat the result as
    /// cached: return false, or recreate the binding (its cache is per instance). The pipeline's stuck-frame rule is
    /// the backstop.</item>
    /// <item>Block no longer than one transaction (a DHT frame takes about 5 ms; the RMT receiver times out after
    /// 1 s). The pipeline never sleeps and expects the same of the adapter, apart from <see cref="Reset"/>.</item>
    /// </list>
    /// What it must not do: retry, average, range-check or apply offsets (the pipeline does), log per read, or
    /// allocate per read.
    /// </remarks>
    public interface ITemperatureHumiditySensor
    {
        /// <summary>Performs one raw read.</summary>
        bool TryRead(out double celsius, out double percent);

        /// <summary>
        /// Drops any state that could make the next read return an old frame. The Dhtxx adapter disposes and
        /// recreates the binding, which clears the binding's frame cache; its constructor sleeps 1 s, the only
        /// blocking the pipeline tolerates, and it is called only after a stuck sensor was detected.
        /// </summary>
        void Reset();
    }
}
