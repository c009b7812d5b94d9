using System.Device.Gpio;

namespace Iot.Device.DHTxx.Esp32
{
    /// <summary>DHT21 / AM2301.</summary>
    public class Dht21 : DhtBase
    {
        /// <summary>Creates a DHT21 on two GPIOs wired to its data line.</summary>
        public Dht21(int pinEcho, int pinTrigger, PinNumberingScheme pinNumberingScheme = PinNumberingScheme.Logical, GpioController gpioController = null, bool shouldDispose = true)
            : base(pinEcho, pinTrigger, pinNumberingScheme, gpioController, shouldDispose) => throw null;
    }
}
