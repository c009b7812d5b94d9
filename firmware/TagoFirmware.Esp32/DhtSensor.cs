using System;
using System.Device.Gpio;
using Iot.Device.DHTxx.Esp32;
using TagoFirmware.Sensors;
using UnitsNet;

namespace TagoFirmware.Esp32
{
    /// <summary>DHT11/21/22 over Iot.Device.Dhtxx.Esp32 (<c>pinEcho</c> the RMT receiver, <c>pinTrigger</c> the start pulse,
    /// both on DATA), and a GPIO-switched VCC (active high) as <see cref="IPowerSwitch"/>.</summary>
    /// <remarks>Reads <c>Temperature</c> (performs the read), <c>Humidity</c>, the success flag, then converts: a failed read's
    /// <c>default</c> structs throw on conversion. The binding's constructor sleeps 1 s (construction, <see cref="Reset"/>,
    /// clock step back, power cycle). Power off disposes the binding and drives its pins low: a high DATA line feeds the chip
    /// through its protection diode and it never resets (hardware/README.md).</remarks>
    public sealed class DhtSensor : ITemperatureHumiditySensor, IPowerSwitch
    {
        private readonly SensorModel _model;
        private readonly int _echoPin;
        private readonly int _triggerPin;
        private readonly int _powerPin;
        private readonly GpioController _gpio;
        private readonly DhtCacheGuard _guard = new DhtCacheGuard();
        private DhtBase _dht;
        private bool _dataPinsHeld;

        /// <summary>Creates the adapter and the binding (sleeps 1 s); a <paramref name="powerPin"/> ≥ 0 is switched on.</summary>
        public DhtSensor(SensorModel model, int echoPin, int triggerPin, int powerPin, GpioController gpio)
        {
            _model = model;
            _echoPin = echoPin;
            _triggerPin = triggerPin;
            _powerPin = powerPin;
            _gpio = gpio;
            if (powerPin >= 0)
            {
                try
                {
                    _gpio.OpenPin(powerPin, PinMode.Output);
                    _gpio.Write(powerPin, PinValue.High);
                }
                catch (Exception)
                {
                    // A bad pin was rejected by the config validator already; if the driver still refuses, reads fail.
                }
            }

            Create();
        }

        /// <inheritdoc />
        public bool TryRead(out double celsius, out double percent)
        {
            celsius = 0;
            percent = 0;
            try
            {
                if (_dht == null)
                {
                    // First read after a power cycle: the pins are ours again (sleeps 1 s, once per cycle).
                    Create();
                    if (_dht == null)
                    {
                        return false;
                    }
                }

                int verdict = _guard.Check(Environment.TickCount64, WallMs());
                if (verdict != DhtCacheGuard.Read)
                {
                    if (verdict == DhtCacheGuard.ClockStepped)
                    {
                        Reset();
                    }

                    return false;
                }

                Temperature temperature = _dht.Temperature;
                RelativeHumidity humidity = _dht.Humidity;
                if (!_dht.IsLastReadSuccessful)
                {
                    return false;
                }

                celsius = temperature.DegreesCelsius; // the pipeline refuses a non-finite value
                percent = humidity.Percent;
                _guard.Good(Environment.TickCount64, WallMs());
                return true;
            }
            catch (Exception)
            {
                // RMT or GPIO trouble, or a conversion of an unexpected default value: a failed read, never a crash.
                return false;
            }
        }

        /// <inheritdoc />
        public void Reset()
        {
            ReleasePins();
            Create();
        }

        /// <summary>Off: binding disposed, data pins low, VCC off. On: pins released, VCC on, next read recreates the binding.</summary>
        public void SetPowered(bool on)
        {
            try
            {
                if (!on)
                {
                    ReleasePins();
                    HoldLow(_echoPin);
                    HoldLow(_triggerPin);
                    _dataPinsHeld = true;
                }
                else if (_dataPinsHeld)
                {
                    _dataPinsHeld = false;
                    ClosePin(_echoPin);
                    ClosePin(_triggerPin);
                }

                _gpio.Write(_powerPin, on ? PinValue.High : PinValue.Low);
            }
            catch (Exception)
            {
                // Power switching is a recovery aid; failing it must not take the loop down.
            }
        }

        private static long WallMs() => DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond;

        // Disposes the binding so its two GPIOs are free (the RMT channel lets go of the echo pin, the trigger pin is closed).
        private void ReleasePins()
        {
            DhtBase dht = _dht;
            _dht = null;
            _guard.Forget();
            try
            {
                dht?.Dispose();
            }
            catch (Exception)
            {
                // Best effort: the pins are re-opened by whoever needs them next.
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

        private void ClosePin(int pin)
        {
            if (_gpio.IsPinOpen(pin))
            {
                _gpio.ClosePin(pin);
            }
        }

        private void Create()
        {
            try
            {
                _dht = _model == SensorModel.Dht11 ? new Dht11(_echoPin, _triggerPin, PinNumberingScheme.Logical, _gpio, false)
                    : _model == SensorModel.Dht21 ? new Dht21(_echoPin, _triggerPin, PinNumberingScheme.Logical, _gpio, false)
                    : (DhtBase)new Dht22(_echoPin, _triggerPin, PinNumberingScheme.Logical, _gpio, false);
            }
            catch (Exception)
            {
                // No free RMT channel or a pin already in use: every read fails and sensor_errors counts it.
                _dht = null;
            }
        }
    }
}
