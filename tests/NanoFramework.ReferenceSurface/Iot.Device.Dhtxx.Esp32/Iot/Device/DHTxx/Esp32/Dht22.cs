using System.Device.Gpio;

namespace Iot.Device.DHTxx.Esp32
{
    /// <summary>DHT22 / AM2302.</summary>
    public class Dht22 : DhtBase
    {
        /// <summary>Creates a DHT22 on two GPIOs wired to its data line.</summary>
        public Dht22(int pinEcho, int pinTrigger, PinNumberingScheme pinNumberingScheme = PinNumberingScheme.Logical, GpioController gpioController = null, bool shouldDispose = true)
            : base(pinEcho, pinTrigger, pinNumberingScheme, gpioController, shouldDispose) => throw null;
    }
}
