using System;
using System.Device.Gpio;
using UnitsNet;

namespace Iot.Device.DHTxx.Esp32
{
    /// <summary>
    /// Surface of Iot.Device.Dhtxx.Esp32's <c>DhtBase</c> (two GPIOs on the data line: echo is the RMT receiver, trigger
    /// sends the start pulse). The Temperature and Humidity getters perform the read; within 1 s of the last frame they
    /// reuse it. Read temperature, then humidity, then check <see cref="IsLastReadSuccessful"/>.
    /// </summary>
    public abstract class DhtBase : IDisposable
    {
        /// <summary>Creates the sensor; sleeps 1 s.</summary>
        public DhtBase(int pinEcho, int pinTrigger, PinNumberingScheme pinNumberingScheme = PinNumberingScheme.Logical, GpioController gpioController = null, bool shouldDispose = true) => throw null;

        /// <summary>Whether the last read passed the checksum and was not all zero.</summary>
        public bool IsLastReadSuccessful { get => throw null; internal set => throw null; }

        /// <summary>Reads and returns the temperature; default(Temperature) when the read failed.</summary>
        public virtual Temperature Temperature => throw null;

        /// <summary>Reads and returns the humidity; default(RelativeHumidity) when the read failed.</summary>
        public virtual RelativeHumidity Humidity => throw null;

        /// <summary>Releases the RMT channel and, if owned, the controller.</summary>
        public void Dispose() => throw null;
    }
}
