using System;
using System.Device.Gpio;
using System.Threading;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary><see cref="IStatusIndicator"/> on one GPIO LED: plays the status's <see cref="StatusPatterns"/> mask on a timer.</summary>
    /// <remarks>A tick allocates nothing and takes no lock (an int read is atomic on the ESP32); it writes the pin only
    /// when the level changes.</remarks>
    public sealed class Esp32StatusLed : IStatusIndicator
    {
        private readonly GpioPin _pin;
        private readonly Timer _timer;
        private int _mask = StatusPatterns.Mask(NodeStatus.Starting);
        private int _slot;
        private int _lastLevel = -1;

        /// <summary>Opens the LED pin and starts the pattern timer (steady on: <see cref="NodeStatus.Starting"/>).</summary>
        public Esp32StatusLed(GpioController gpio, int pin, bool activeLow)
        {
            ActiveLow = activeLow;
            PinNumber = pin;
            try
            {
                _pin = gpio.OpenPin(pin, PinMode.Output);
            }
            catch (Exception)
            {
                // No LED then (_pin stays null); the node works without one.
            }

            _timer = new Timer(new TimerCallback(Tick), null, 0, StatusPatterns.SlotMs);
        }

        /// <summary>The LED's GPIO.</summary>
        public int PinNumber { get; }

        /// <summary>True when the LED lights with the pin low.</summary>
        public bool ActiveLow { get; }

        /// <inheritdoc />
        public void Show(NodeStatus status)
        {
            int mask = StatusPatterns.Mask(status);
            if (mask != _mask)
            {
                _mask = mask;
                _slot = 0; // the new pattern's first blink shows at once
            }
        }

        /// <summary>Switches the LED off, stops the timer and closes the pin (a pin holds its level through deep sleep).</summary>
        public void Stop()
        {
            try
            {
                _timer.Dispose();
                Write(0);
                if (_pin != null)
                    _pin.Dispose();
            }
            catch (Exception)
            {
                // Best effort before sleeping.
            }
        }

        private void Tick(object state)
        {
            int slot = _slot;
            _slot = slot + 1 >= StatusPatterns.Slots ? 0 : slot + 1;
            Write((_mask >> slot) & 1);
        }

        private void Write(int on)
        {
            if (_pin == null || on == _lastLevel)
                return;
            _lastLevel = on;
            try
            {
                _pin.Write((on == 1) != ActiveLow ? PinValue.High : PinValue.Low);
            }
            catch (Exception)
            {
                // A GPIO write cannot meaningfully fail; never let the timer thread die.
            }
        }
    }
}
