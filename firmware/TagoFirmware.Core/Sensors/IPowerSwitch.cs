namespace TagoFirmware.Sensors
{
    /// <summary>Optional GPIO-switched VCC of one sensor, for <see cref="ReadPipeline"/> to power-cycle it after repeated failures.</summary>
    /// <remarks>Off drives the data GPIOs low (a high DATA line back-powers a DHT), on releases them; starts on, never throws or blocks.</remarks>
    public interface IPowerSwitch
    {
        /// <summary>Switches the sensor's supply on or off (see the remarks for the data pins).</summary>
        void SetPowered(bool on);
    }
}
