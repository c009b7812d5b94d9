using System;
using TagoFirmware.Sensors;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>A simulated DHT22 drifting around seed-drawn values (±3 °C, ±8 %RH) in 0.1 steps, optional read failures; thread-safe, deterministic per seed.</summary>
    public sealed class SimulatedDht22 : ITemperatureHumiditySensor
    {
        private readonly object _gate = new object();
        private readonly Random _random;
        private readonly double _failureRate;
        private readonly double _baseCelsius;
        private readonly double _basePercent;
        private double _celsius;
        private double _percent;

        /// <summary>Creates a simulated sensor around 22 °C and 48 %RH.</summary>
        public SimulatedDht22(int seed, double failureRate = 0)
        {
            _random = new Random(seed);
            _failureRate = failureRate < 0 ? 0 : failureRate > 1 ? 1 : failureRate;
            _celsius = _baseCelsius = 22.0 + ((_random.NextDouble() - 0.5) * 6);
            _percent = _basePercent = 48.0 + ((_random.NextDouble() - 0.5) * 16);
        }

        /// <summary>Nothing to reset in a simulation.</summary>
        public void Reset()
        {
        }

        /// <summary>Reads temperature and humidity like <c>ITemperatureHumiditySensor.TryRead</c>.</summary>
        public bool TryRead(out double celsius, out double percent)
        {
            lock (_gate)
            {
                // Random walk with a pull back to the base so values stay plausible over days.
                _celsius += ((_random.NextDouble() - 0.5) * 0.3) - ((_celsius - _baseCelsius) * 0.02);
                _percent += ((_random.NextDouble() - 0.5) * 0.8) - ((_percent - _basePercent) * 0.02);
                _celsius = Math.Clamp(_celsius, -40.0, 80.0);
                _percent = Math.Clamp(_percent, 0.0, 100.0);
                if (_failureRate > 0 && _random.NextDouble() < _failureRate)
                {
                    celsius = percent = double.NaN;
                    return false;
                }

                celsius = Math.Round(_celsius, 1);
                percent = Math.Round(_percent, 1);
                return true;
            }
        }
    }
}
