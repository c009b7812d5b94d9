namespace TagoFirmware.Sensors
{
    /// <summary>
    /// Optional power control of one sensor through a GPIO (a high-side switch or a MOSFET on its VCC), used by the
    /// <see cref="ReadPipeline"/> to power-cycle a sensor after repeated failures.
    /// </summary>
    /// <remarks>
    /// Turning a DHT off only works when its pull-up resistor hangs on the switched supply and both data GPIOs
    /// (the trigger and the RMT echo pin of Dhtxx.Esp32) are driven low while it is off; otherwise the DATA line
    /// back-powers the sensor through its input protection and it never resets. The adapter does the pins:
    /// <see cref="SetPowered"/>(false) switches VCC off and drives both data GPIOs low; <see cref="SetPowered"/>(true)
    /// releases the data GPIOs to their reading state and switches VCC on. The adapter starts with the sensor powered.
    /// The pipeline does the timing (it never sleeps): off time, then the datasheet's 1 s settle after power-on.
    /// Implementations never throw and never block.
    /// </remarks>
    public interface IPowerSwitch
    {
        /// <summary>Switches the sensor's supply on or off (see the remarks for the data pins).</summary>
        void SetPowered(bool on);
    }
}
