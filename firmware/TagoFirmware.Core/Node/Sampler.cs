using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Readings;
using TagoFirmware.Sensors;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Node
{
    /// <summary>One sampling cycle per interval over one <see cref="ReadPipeline"/> per sensor, sharing a time and group; variable index = sensor × 3 + kind. Allocation-free.</summary>
    public sealed class Sampler
    {
        /// <summary>Variables per sensor: temperature, humidity, dew point.</summary>
        public const int VariablesPerSensor = 3;

        // Readings carry one decimal (tenths of °C and %RH, as the read pipeline delivers them).
        private const int ReadingDecimals = 1;

        private const byte Failed = 1, Accepted = 2;

        // Log texts by ReadFailure value.
        private static readonly string[] s_failures = "none|read failed|not a number|out of range|garbage frame|changed too fast|stuck sensor".Split('|');

        private readonly ReadPipeline[] _pipelines;
        private readonly SensorConfig[] _sensors;
        // Per sensor this cycle: 0 sampling, Failed, Accepted.
        private readonly byte[] _result;
        private readonly ReadingQueue _queue;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly bool _once;
        private bool _running;
        // The cycle's wall-clock time, -1 while the clock is not valid.
        private long _cycleWallMs;
        private long _nextSampleMs;
        private long _lastCycleStartMs = -1;
        private long _intervalMs;

        /// <summary>Creates one read pipeline per configured sensor; in battery mode it samples once.</summary>
        public Sampler(NodeConfig config, NodePorts ports, DiagnosticsCounters counters, ReadingQueue queue)
        {
            int sensors = config.Sensors.Length;
            _pipelines = new ReadPipeline[sensors];
            _sensors = config.Sensors;
            _result = new byte[sensors];
            _once = config.Flag(ConfigKeys.DeepSleep);
            for (int i = 0; i < sensors; i++)
            {
                IPowerSwitch power = ports.PowerSwitches != null ? ports.PowerSwitches[i] : null;
                _pipelines[i] = new ReadPipeline(ports.Sensors[i], power, config.Sensors[i].PipelineSettings(_once), counters);
            }

            _queue = queue;
            _clock = ports.Clock;
            _log = ports.Log;
        }

        /// <summary>Sampling cycles finished (including cycles where every sensor failed).</summary>
        public int CyclesCompleted { get; private set; }

        /// <summary>Readings appended to the queue.</summary>
        public int ReadingsQueued { get; private set; }

        /// <summary>When the next step has sampling work to do (a sensor step or the next cycle); long.MaxValue = none.</summary>
        public long NextDueMs
        {
            get
            {
                if (!_running)
                {
                    return _once && CyclesCompleted > 0 ? long.MaxValue : _nextSampleMs;
                }

                long due = long.MaxValue;
                for (int i = 0; i < _pipelines.Length; i++)
                {
                    if (_result[i] == 0 && _pipelines[i].NextStepAtMs < due)
                    {
                        due = _pipelines[i].NextStepAtMs;
                    }
                }

                return due;
            }
        }

        /// <summary>Sets the interval; counted from the last cycle's start, so a shorter one may be due at once. Battery mode's one cycle per wake ignores it.</summary>
        public void SetInterval(int seconds)
        {
            _intervalMs = (long)seconds * 1000;
            if (_lastCycleStartMs >= 0)
            {
                _nextSampleMs = _lastCycleStartMs + _intervalMs;
            }
        }

        /// <summary>Starts a cycle when one is due and steps the running one.</summary>
        public bool Step(long nowMs)
        {
            if (!_running && nowMs >= _nextSampleMs && !(_once && CyclesCompleted > 0))
            {
                BeginCycle(nowMs);
            }

            if (!_running)
            {
                return false;
            }

            bool all = true;
            for (int i = 0; i < _pipelines.Length; i++)
            {
                if (_result[i] != 0)
                {
                    continue;
                }

                ReadStatus status = _pipelines[i].Step(nowMs);
                if (status == ReadStatus.Accepted)
                {
                    _result[i] = Accepted;
                }
                else if (status == ReadStatus.Failed)
                {
                    // The pipeline counted sensor_errors; nothing is published for this sensor in this cycle.
                    _result[i] = Failed;
                    NodeWiring.Write(_log, LogLevel.Warning, "sensor " + _sensors[i].Text(ConfigKeys.SensorName) + ": sample failed (" + s_failures[(int)_pipelines[i].LastFailure] + ")");
                }
                else
                {
                    all = false;
                }
            }

            if (all)
            {
                EndCycle();
            }

            return all;
        }

        private void BeginCycle(long nowMs)
        {
            _running = true;
            _cycleWallMs = NodeWiring.WallMs(_clock);
            _lastCycleStartMs = nowMs;

            // Keep the cadence (no drift from step lateness) unless the loop fell more than an interval behind.
            long next = _nextSampleMs + _intervalMs;
            _nextSampleMs = next > nowMs ? next : nowMs + _intervalMs;
            for (int i = 0; i < _pipelines.Length; i++)
            {
                _pipelines[i].BeginSample();
                _result[i] = 0;
            }
        }

        private void EndCycle()
        {
            _running = false;
            CyclesCompleted++;
            bool begun = false;
            int dropped = _queue.DroppedReadings;
            for (int i = 0; i < _pipelines.Length; i++)
            {
                if (_result[i] != Accepted)
                {
                    continue;
                }

                if (!begun)
                {
                    // One cycle = one time and one group for all its readings, and one flash append.
                    _queue.BeginCycle(_cycleWallMs, _cycleWallMs >= 0, (uint)_lastCycleStartMs);
                    begun = true;
                }

                ReadPipeline p = _pipelines[i];
                int base3 = i * VariablesPerSensor;
                _queue.AddScaled(base3, p.TemperatureTenths, ReadingDecimals);
                _queue.AddScaled(base3 + 1, p.HumidityTenths, ReadingDecimals);
                if (p.HasDewPoint)
                {
                    _queue.AddScaled(base3 + 2, p.DewPointTenths, ReadingDecimals);
                }
            }

            if (begun)
            {
                ReadingsQueued += _queue.EndCycle();
                if (_queue.DroppedReadings > dropped)
                {
                    NodeWiring.Write(_log, LogLevel.Warning, "queue full: " + (_queue.DroppedReadings - dropped).ToString() + " oldest readings dropped ("
                        + _queue.DroppedReadings.ToString() + " since boot)");
                }
            }
        }
    }
}
