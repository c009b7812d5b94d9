using System;
using System.Diagnostics;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// <see cref="IClock"/> on the host: a monotonic Stopwatch and the system's UTC time, optionally shifted to
    /// simulate a board whose clock is not set yet (before 2025-01-01 counts as unset), and optionally running
    /// faster than real time (<c>--time-scale</c>), so a node configured with device-sized numbers (a 12 s DHT22
    /// sampling minimum, a 30 s batch interval, a 5 min deep sleep) can be watched or tested in seconds.
    /// </summary>
    /// <remarks>
    /// With a time scale K both clocks advance K simulated milliseconds per real millisecond: the monotonic clock
    /// from 0 at construction (like a device's uptime counter after boot), the wall clock from the real time at the
    /// <c>epochUtc</c> anchor, so several clocks created with the same anchor (one per simulated wake)
    /// agree on the wall time. Network timing (MQTT round trips, TLS) is real and is not scaled.
    /// </remarks>
    public sealed class SystemClock : IClock
    {
        private static readonly DateTime s_processStartUtc = DateTime.UtcNow;
        private static readonly Stopwatch s_processClock = Stopwatch.StartNew();
        private readonly Stopwatch _monotonic = Stopwatch.StartNew();
        private readonly double _scale;
        private readonly DateTime _epochUtc;
        private readonly DateTime _simulatedEpochUtc;
        private readonly TimeSpan _epochRealOffset;

        /// <summary>Creates a real-time clock.</summary>
        public SystemClock()
            : this(1.0, DateTime.MinValue)
        {
        }

        /// <summary>Creates a clock running <paramref name="timeScale"/> times faster than real time.</summary>
        /// <param name="timeScale">Simulated milliseconds per real millisecond (≥ 1e-3).</param>
        /// <param name="epochUtc">Real UTC time from which the scaled wall clock counts (the same for every wake of one
        /// simulated device); <see cref="DateTime.MinValue"/> means the process start.</param>
        public SystemClock(double timeScale, DateTime epochUtc)
            : this(timeScale, epochUtc, epochUtc)
        {
        }

        /// <summary>Creates a clock whose simulated wall time was <paramref name="simulatedEpochUtc"/> at the real time
        /// <paramref name="epochUtc"/> (a twin restarted on a data directory continues its simulated time).</summary>
        /// <param name="timeScale">Simulated milliseconds per real millisecond (≥ 1e-3).</param>
        /// <param name="epochUtc">Real UTC anchor; <see cref="DateTime.MinValue"/> means the process start.</param>
        /// <param name="simulatedEpochUtc">Simulated wall time at the anchor; <see cref="DateTime.MinValue"/> = the anchor.</param>
        public SystemClock(double timeScale, DateTime epochUtc, DateTime simulatedEpochUtc)
        {
            _scale = timeScale < 1e-3 ? 1e-3 : timeScale;
            _epochUtc = epochUtc == DateTime.MinValue ? s_processStartUtc : epochUtc;
            _simulatedEpochUtc = simulatedEpochUtc == DateTime.MinValue ? _epochUtc : simulatedEpochUtc;
            _epochRealOffset = _epochUtc - s_processStartUtc;
        }

        /// <summary>Simulated milliseconds per real millisecond.</summary>
        public double TimeScale => _scale;

        /// <summary>Offset added to the system time (e.g. -60 years to simulate "no SNTP yet").</summary>
        public TimeSpan WallOffset { get; set; }

        /// <inheritdoc />
        public long MonotonicMs => (long)(_monotonic.ElapsedMilliseconds * _scale);

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get
            {
                if (_scale == 1.0)
                {
                    return DateTime.UtcNow + WallOffset;
                }

                // Monotonic real time since the anchor, scaled: immune to host clock steps, continuous across wakes.
                TimeSpan real = s_processClock.Elapsed - _epochRealOffset;
                return _simulatedEpochUtc + TimeSpan.FromTicks((long)(real.Ticks * _scale)) + WallOffset;
            }
        }

        /// <summary>Converts simulated milliseconds to real ones (how long the twin really waits for a "deep sleep").</summary>
        /// <param name="simulatedMs">Simulated duration.</param>
        /// <returns>Real duration in milliseconds.</returns>
        public int ToRealMs(long simulatedMs)
        {
            double real = simulatedMs / _scale;
            return real > int.MaxValue ? int.MaxValue : (int)real;
        }
    }
}
