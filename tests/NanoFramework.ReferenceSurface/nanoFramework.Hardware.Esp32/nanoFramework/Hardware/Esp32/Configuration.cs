namespace nanoFramework.Hardware.Esp32
{
    /// <summary>Surface of Hardware.Esp32's <c>Configuration</c> (pin muxing for I2C, SPI, UART, PWM; plain GPIO needs none).</summary>
    public class Configuration
    {
        /// <summary>Routes <paramref name="value"/> to GPIO <paramref name="pin"/>.</summary>
        public static void SetPinFunction(int pin, DeviceFunction value) => throw null;

        /// <summary>The GPIO used by a function, or -1.</summary>
        public static int GetFunctionPin(DeviceFunction function) => throw null;
    }
}
