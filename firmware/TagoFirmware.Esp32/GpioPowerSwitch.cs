using System;
using System.Device.Gpio;
using TagoFirmware.Sensors;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IPowerSwitch"/> for a DHT whose VCC a GPIO switches (directly or through a high-side switch). Off:
    /// dispose the binding, drive both data GPIOs low, VCC off. On: release the data GPIOs, VCC on; the sensor adapter
    /// recreates the binding at its next read.
    /// </summary>
    /// <remarks>
    /// Data pins go low because a DATA line left high feeds the chip through its input protection diode and it never
    /// resets (hence hardware/README.md: the pull-up hangs on the switched supply). The binding holds both pins (an
    /// open GpioPin, an RMT channel), so it must be disposed to drive them. Never throws; never blocks.
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
