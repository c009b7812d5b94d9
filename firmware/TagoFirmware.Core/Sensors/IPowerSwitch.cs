namespace TagoFirmware.Sensors
{
    /// <summary>
    /// Optional power control of one sensor (a GPIO-switched VCC), for <see cref="ReadPipeline"/> to power-cycle it after
    /// repeated failures. Off also drives the data GPIOs low, on releases them (a high DATA line back-powers a DHT
    /// through its input protection); the pipeline does the timing. Starts powered; never throws, never blocks.
    /// </summary>
    public interface IPowerSwitch
    {
        /// <summary>Switches the sensor's supply on or off (see the remarks for the data pins).</summary>
        void SetPowered(bool on);
    }
}
