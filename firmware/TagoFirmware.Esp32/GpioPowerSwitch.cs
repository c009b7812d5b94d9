using System;
using System.Device.Gpio;
using TagoFirmware.Sensors;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IPowerSwitch"/> for a DHT whose VCC is switched by a GPIO (directly for a few mA, or through a
    /// high-side P-MOSFET/load switch). Off: the binding is disposed so it lets go of both data GPIOs, both are driven
    /// low, then VCC goes off. On: the data GPIOs are released (closed, i.e. back to input), then VCC goes on; the
    /// sensor adapter recreates the binding at its next read.
    /// </summary>
    /// <remarks>
    /// Why both data pins are driven low: a DHT's DATA line has a pull-up (4.7–10 kΩ) and the chip has input protection
    /// diodes to VCC, so a DATA line left high (the pull-up on the always-on 3.3 V, or an ESP32 pin still driving high)
    /// feeds the chip through that diode and it never resets — the power cycle would be a no-op. The wiring rule in
    /// hardware/README.md: the pull-up hangs on the <b>switched</b> supply; then low data pins leave no path.
    /// Why the binding is disposed, not kept: Dhtxx.Esp32 owns the trigger pin (an open GpioPin) and the echo pin (an
    /// RMT receiver channel), so neither can be driven low while it lives; and its constructor must run again after
    /// power-on anyway (it resets the RMT channel state). Never throws; never blocks (the pipeline does the timing).
    /// </remarks>
    public sealed class GpioPowerSwitch : IPowerSwitch
    {
        private readonly GpioController _gpio;
        private readonly int _powerPin;
        private readonly bool _activeHigh;
        private readonly DhtSensor _sensor;
        private bool _dataPinsHeld;

        /// <summary>Opens the power pin and switches the sensor on.</summary>
        public GpioPowerSwitch(GpioController gpio, int powerPin, bool activeHigh, DhtSensor sensor)
        {
            _gpio = gpio;
            _powerPin = powerPin;
            _activeHigh = activeHigh;
            _sensor = sensor;
            try
            {
                _gpio.OpenPin(_powerPin, PinMode.Output);
                _gpio.Write(_powerPin, _activeHigh ? PinValue.High : PinValue.Low);
            }
            catch (Exception)
            {
                // A bad pin was rejected by the config validator already; if the driver still refuses, reads fail.
            }
        }

        /// <inheritdoc />
        public void SetPowered(bool on)
        {
            try
            {
                if (on)
                {
                    ReleaseDataPins();
                    _gpio.Write(_powerPin, _activeHigh ? PinValue.High : PinValue.Low);
                }
                else
                {
                    _sensor.ReleasePins();
                    HoldLow(_sensor.EchoPin);
                    HoldLow(_sensor.TriggerPin);
                    _dataPinsHeld = true;
                    _gpio.Write(_powerPin, _activeHigh ? PinValue.Low : PinValue.High);
                }
            }
            catch (Exception)
            {
                // Power switching is a recovery aid; failing it must not take the loop down.
            }
        }

        private void HoldLow(int pin)
        {
            if (!_gpio.IsPinOpen(pin))
            {
                _gpio.OpenPin(pin, PinMode.Output);
            }
            else
            {
                _gpio.SetPinMode(pin, PinMode.Output);
            }

            _gpio.Write(pin, PinValue.Low);
        }

        private void ReleaseDataPins()
        {
            if (!_dataPinsHeld)
            {
                return;
            }

            _dataPinsHeld = false;
            ClosePin(_sensor.EchoPin);
            ClosePin(_sensor.TriggerPin);
        }

        private void ClosePin(int pin)
        {
            if (_gpio.IsPinOpen(pin))
            {
                _gpio.ClosePin(pin);
            }
        }
    }
}
