using TagoFirmware.Diagnostics;

namespace TagoFirmware.Sensors
{
    /// <summary>Turns raw sensor reads into trustworthy samples without blocking: <see cref="BeginSample"/> when one is due, then
    /// <see cref="Step"/> at <see cref="NextStepAtMs"/> until Accepted or Failed (rules and sources: docs/sensors.md).</summary>
    public sealed class ReadPipeline
    {
        // Power cycle phases, each ending at _powerPhaseEndMs: off, then settling, then on.
        private const int PowerOn = 0;
        private const int PowerOff = 2;

        private readonly ITemperatureHumiditySensor _sensor;
        private readonly IPowerSwitch _power;
        private readonly DiagnosticsCounters _counters;
        private readonly ReadPipelineSettings _s;
        private readonly int[] _temperatures;
        private readonly int[] _humidities;

        private bool _inSample;
        private int _collected;
        private int _retriesLeft;
        private bool _discardNext = true;
        private long _nextReadAtMs = long.MinValue;

        private int _powerPhase = PowerOn;
        private long _powerPhaseEndMs;

        private int _lastTenthsCelsius = int.MinValue; // no read yet: TryTenths never yields int.MinValue
        private int _lastTenthsPercent;
        private int _sameRun;
        private bool _verifyAfterReset;
        private bool _stuckDisarmed;

        private int _failures; // failed samples since the last accepted one
        private bool _hasBaseline;
        private long _baselineAtMs;
        private int _rateRejections;

        /// <summary>A pipeline for one sensor (the sampler checks the adapter, the config the model); <paramref name="counters"/> counts failed samples.</summary>
        public ReadPipeline(ITemperatureHumiditySensor sensor, IPowerSwitch power, ReadPipelineSettings settings, DiagnosticsCounters counters)
        {
            _sensor = sensor;
            _power = power;
            _counters = counters;
            _s = settings;
            _temperatures = new int[settings.ReadsPerSample];
            _humidities = new int[settings.ReadsPerSample];
        }

        /// <summary>Monotonic ms at which <see cref="Step"/> next has work (may be past); <see cref="long.MaxValue"/> when idle.</summary>
        public long NextStepAtMs => _powerPhase != PowerOn ? _powerPhaseEndMs : _inSample ? _nextReadAtMs : long.MaxValue;

        // The results are fields, not properties: every property read is a call on the interpreter. Only this class writes them.

        /// <summary>Temperature of the last accepted sample, °C × 10 (offset applied).</summary>
        public int TemperatureTenths;

        /// <summary>Relative humidity of the last accepted sample, %RH × 10 (offset applied, 0…1000).</summary>
        public int HumidityTenths;

        /// <summary>True when the last accepted sample carries a dew point (enabled and humidity above 0).</summary>
        public bool HasDewPoint;

        /// <summary>Dew point of the last accepted sample, °C × 10; valid when <see cref="HasDewPoint"/>.</summary>
        public int DewPointTenths;

        /// <summary>Why the last sample failed; <see cref="ReadFailure.None"/> after an accepted one.</summary>
        public ReadFailure LastFailure;

        /// <summary>Starts a sample; reads begin on the next due <see cref="Step"/>. False while one runs.</summary>
        public bool BeginSample()
        {
            if (_inSample)
            {
                return false;
            }

            _inSample = true;
            _collected = 0;
            _retriesLeft = _s.RetriesPerSample;
            return true;
        }

        /// <summary>At most one raw read, only when due; never blocks or throws (an adapter exception is a failed read).</summary>
        public ReadStatus Step(long nowMs)
        {
            bool powered = AdvancePower(nowMs);
            if (!_inSample)
            {
                return ReadStatus.Idle;
            }

            if (!powered || nowMs < _nextReadAtMs)
            {
                return ReadStatus.Busy;
            }

            _nextReadAtMs = nowMs + _s.MinReadIntervalMs;
            int tenthsCelsius;
            int tenthsPercent;
            ReadFailure failure = Read(out tenthsCelsius, out tenthsPercent);
            if (_discardNext)
            {
                _discardNext = false;
                return ReadStatus.Busy;
            }

            if (failure != ReadFailure.None)
            {
                return _retriesLeft-- == 0 ? Fail(nowMs, failure) : ReadStatus.Busy;
            }

            if (_s.StuckReadLimit > 0 && TrackStuck(tenthsCelsius, tenthsPercent))
            {
                SafeCall(-1);
                _verifyAfterReset = true;
                _sameRun = 1;
                StartPowerCycle(nowMs);
                return Fail(nowMs, ReadFailure.StuckSensor);
            }

            int n = _collected;
            _temperatures[n] = tenthsCelsius;
            _humidities[n] = tenthsPercent;
            _collected = ++n;
            return n < _s.ReadsPerSample ? ReadStatus.Busy : Finish(nowMs);
        }

        /// <summary>Rounds to tenths (the DHT resolution; integers need no float formatting), half away from zero (21.35 → 214);
        /// false for NaN, ±∞, |value| ≥ 10^6.</summary>
        public static bool TryTenths(double value, out int tenths)
        {
            tenths = 0;
            // NaN fails both comparisons, infinities fail one of them.
            if (!(value > -1000000.0 && value < 1000000.0))
            {
                return false;
            }

            double scaled = value * 10.0;
            tenths = (int)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
            return true;
        }

        private ReadStatus Finish(long nowMs)
        {
            ReadPipelineSettings c = _s;
            int t = Median(_temperatures) + c.TemperatureOffsetTenths;
            int h = Median(_humidities) + c.HumidityOffsetTenths;
            h = h < 0 ? 0 : h > 1000 ? 1000 : h;

            if (_hasBaseline && _rateRejections < ReadPipelineSettings.MaxConsecutiveRateRejections && ExceedsRate(t, h, nowMs))
            {
                _rateRejections++;
                return Fail(nowMs, ReadFailure.RateLimited);
            }

            _rateRejections = 0;
            _hasBaseline = true;
            _baselineAtMs = nowMs;
            TemperatureTenths = t;
            HumidityTenths = h;
            int dew = 0;
            HasDewPoint = c.ComputeDewPoint && DewPoint.TryCompute(t, h, out dew);
            DewPointTenths = dew; // TryCompute leaves 0 when it fails
            LastFailure = ReadFailure.None;
            _failures = 0;
            _inSample = false;
            return ReadStatus.Accepted;
        }

        // Exact in integers: a change of d tenths in ms milliseconds exceeds r tenths/s when d × 1000 > r × ms (ms at least 1000).
        private bool ExceedsRate(int t, int h, long nowMs)
        {
            long ms = nowMs - _baselineAtMs;
            ms = ms < 1000 ? 1000 : ms;
            return Exceeds(t - TemperatureTenths, _s.MaxTemperatureRateTenthsPerSecond, ms) || Exceeds(h - HumidityTenths, _s.MaxHumidityRateTenthsPerSecond, ms);
        }

        private static bool Exceeds(int change, int rate, long ms) => rate > 0 && (change < 0 ? -change : change) * 1000L > rate * ms;

        // One raw read, classified.
        private ReadFailure Read(out int tenthsCelsius, out int tenthsPercent)
        {
            tenthsCelsius = 0;
            tenthsPercent = 0;
            double celsius;
            double percent;
            try
            {
                if (!_sensor.TryRead(out celsius, out percent))
                {
                    return ReadFailure.ReadFailed;
                }
            }
            catch (System.Exception)
            {
                return ReadFailure.ReadFailed; // adapters must not throw; if one does, it is a failed read, not a crash
            }

            if (!TryTenths(celsius, out tenthsCelsius) || !TryTenths(percent, out tenthsPercent))
            {
                return ReadFailure.NotFinite;
            }

            // Garbage frames with a valid checksum (docs/sensors.md), checked before the range so they are named as such.
            if ((tenthsCelsius == 0 && (tenthsPercent == 10 || tenthsPercent == 20))
                || (tenthsCelsius == 1 && tenthsPercent == 10))
            {
                return ReadFailure.GarbageFrame;
            }

            ReadPipelineSettings c = _s;
            if (tenthsCelsius < c.MinTenthsCelsius || tenthsCelsius > c.MaxTenthsCelsius
                || tenthsPercent < c.MinTenthsPercent || tenthsPercent > c.MaxTenthsPercent)
            {
                return ReadFailure.OutOfRange;
            }

            return ReadFailure.None;
        }

        private bool TrackStuck(int tenthsCelsius, int tenthsPercent)
        {
            bool same = tenthsCelsius == _lastTenthsCelsius && tenthsPercent == _lastTenthsPercent;
            if (same)
            {
                _sameRun++;
            }
            else
            {
                _lastTenthsCelsius = tenthsCelsius;
                _lastTenthsPercent = tenthsPercent;
                _sameRun = 1;
                _stuckDisarmed = false;
            }

            if (_verifyAfterReset)
            {
                // A fresh frame with the same pair after a stuck reset means a stable environment: stop suspecting the pair.
                _verifyAfterReset = false;
                _stuckDisarmed |= same;
            }

            return !_stuckDisarmed && _sameRun >= _s.StuckReadLimit;
        }

        private ReadStatus Fail(long nowMs, ReadFailure failure)
        {
            _inSample = false;
            LastFailure = failure;
            _failures++;
            _counters.SensorErrors++;

            if (_failures % ReadPipelineSettings.PowerCycleAfterFailures == 0)
            {
                StartPowerCycle(nowMs);
            }

            return ReadStatus.Failed;
        }

        private void StartPowerCycle(long nowMs)
        {
            if (_power == null || _powerPhase != PowerOn)
            {
                return;
            }

            SafeCall(0);
            _powerPhase = PowerOff;
            _powerPhaseEndMs = nowMs + ReadPipelineSettings.PowerOffMs;
        }

        // False while a power cycle runs: off ends by switching the supply on, settling by discarding the next frame.
        private bool AdvancePower(long nowMs)
        {
            while (_powerPhase != PowerOn)
            {
                if (nowMs < _powerPhaseEndMs)
                {
                    return false;
                }

                if (--_powerPhase != PowerOn)
                {
                    SafeCall(1);
                    _powerPhaseEndMs = nowMs + ReadPipelineSettings.PowerOnSettleMs;
                }

                _discardNext = true;
            }

            return true;
        }

        // -1 resets the sensor, 0/1 switch its power; a throwing adapter is ignored (the pipeline keeps its timing).
        private void SafeCall(int action)
        {
            try
            {
                if (action < 0)
                {
                    _sensor.Reset();
                }
                else
                {
                    _power.SetPowered(action > 0);
                }
            }
            catch (System.Exception)
            {
            }
        }

        // Sorts the sample's reads in place (the next sample overwrites them).
        private static int Median(int[] values)
        {
            for (int i = 1; i < values.Length; i++)
            {
                int v = values[i];
                int j = i - 1;
                for (; j >= 0 && values[j] > v; j--)
                {
                    values[j + 1] = values[j];
                }

                values[j + 1] = v;
            }

            return values[values.Length / 2];
        }
    }
}
