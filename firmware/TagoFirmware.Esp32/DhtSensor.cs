using System;
using System.Device.Gpio;
using Iot.Device.DHTxx.Esp32;
using TagoFirmware.Sensors;
using UnitsNet;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="ITemperatureHumiditySensor"/> over Iot.Device.Dhtxx.Esp32 for DHT11, DHT21 and DHT22 (two GPIOs on the
    /// one DATA line: <c>pinEcho</c> the RMT receiver, <c>pinTrigger</c> the start pulse).
    /// </summary>
    /// <remarks>
    /// Reads <c>Temperature</c> (performs the read), <c>Humidity</c>, the success flag, and only then converts: a
    /// failed read's <c>default</c> structs throw on conversion. <see cref="DhtCacheGuard"/> spots the binding's 1 s
    /// wall-clock frame cache. The binding's constructor sleeps 1 s, so it runs only at construction, in
    /// <see cref="Reset"/>, after a clock step back and after a power cycle. It shares the app's
    /// <c>GpioController</c> (<c>shouldDispose: false</c>).
    /// </remarks>
    public sealed class DhtSensor : ITemperatureHumiditySensor
    {
        private readonly SensorModel _model;
        private readonly int _echoPin;
        private readonly int _triggerPin;
        private readonly GpioController _gpio;
        private readonly DhtCacheGuard _guard = new DhtCacheGuard();
        private DhtBase _dht;

        /// <summary>Creates the adapter and the binding (sleeps 1 s in the binding's constructor).</summary>
        public DhtSensor(SensorModel model, int echoPin, int triggerPin, GpioController gpio)
        {
            _model = model;
            _echoPin = echoPin;
            _triggerPin = triggerPin;
            _gpio = gpio;
            Create();
        }

        /// <summary>GPIO of the RMT receiver.</summary>
        public int EchoPin
        {
            get { return _echoPin; }
        }

        /// <summary>GPIO of the start pulse.</summary>
        public int TriggerPin
        {
            get { return _triggerPin; }
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

                celsius = temperature.DegreesCelsius;
                percent = humidity.Percent;
                if (double.IsNaN(celsius) || double.IsInfinity(celsius) || double.IsNaN(percent) || double.IsInfinity(percent))
                {
                    return false;
                }

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

        /// <summary>
        /// Disposes the binding so its two GPIOs are free (the RMT channel lets go of the echo pin, the trigger pin is
        /// closed); used by <see cref="GpioPowerSwitch"/> before it drives both data pins low. The next
        /// <see cref="TryRead"/> recreates the binding.
        /// </summary>
        public void ReleasePins()
        {
            DhtBase dht = _dht;
            _dht = null;
            _guard.Forget();
            if (dht == null)
            {
                return;
            }

            try
            {
                dht.Dispose();
            }
            catch (Exception)
            {
                // Best effort: the pins are re-opened by whoever needs them next.
            }
        }

        private static long WallMs() => DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond;

        private void Create()
        {
            try
            {
                switch (_model)
                {
                    case SensorModel.Dht11:
                        _dht = new Dht11(_echoPin, _triggerPin, PinNumberingScheme.Logical, _gpio, false);
                        break;
                    case SensorModel.Dht21:
                        _dht = new Dht21(_echoPin, _triggerPin, PinNumberingScheme.Logical, _gpio, false);
                        break;
                    default:
                        _dht = new Dht22(_echoPin, _triggerPin, PinNumberingScheme.Logical, _gpio, false);
                        break;
                }
            }
            catch (Exception)
            {
                // No free RMT channel or a pin already in use: every read fails and sensor_errors counts it.
                _dht = null;
            }
        }
    }
}
