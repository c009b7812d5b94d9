using System.Device.Gpio;

namespace Iot.Device.DHTxx.Esp32
{
    /// <summary>DHT11.</summary>
    public class Dht11 : DhtBase
    {
        /// <summary>Creates a DHT11 on two GPIOs wired to its data line.</summary>
        public Dht11(int pinEcho, int pinTrigger, PinNumberingScheme pinNumberingScheme = PinNumberingScheme.Logical, GpioController gpioController = null, bool shouldDispose = true)
            : base(pinEcho, pinTrigger, pinNumberingScheme, gpioController, shouldDispose) => throw null;
    }
}
