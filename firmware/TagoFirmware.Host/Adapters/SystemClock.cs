using System;
using System.Diagnostics;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary><see cref="IClock"/> on the host, optionally K times faster (<c>--time-scale</c>); wall time from a shared anchor.</summary>
    public sealed class SystemClock : IClock
    {
        private static readonly DateTime s_processStartUtc = DateTime.UtcNow;
        private static readonly Stopwatch s_processClock = Stopwatch.StartNew();
        private readonly Stopwatch _monotonic = Stopwatch.StartNew();
        private readonly double _scale;
        private readonly DateTime _simulatedEpochUtc;
        private readonly TimeSpan _epochRealOffset;

        /// <summary>Creates a clock whose simulated wall time was <paramref name="simulatedEpochUtc"/> at the real time
        /// <paramref name="epochUtc"/> (MinValue: the process start; the anchor itself); by default a real-time clock.</summary>
        public SystemClock(double timeScale = 1.0, DateTime epochUtc = default, DateTime simulatedEpochUtc = default)
        {
            _scale = timeScale < 1e-3 ? 1e-3 : timeScale;
            epochUtc = epochUtc == DateTime.MinValue ? s_processStartUtc : epochUtc;
            _simulatedEpochUtc = simulatedEpochUtc == DateTime.MinValue ? epochUtc : simulatedEpochUtc;
            _epochRealOffset = epochUtc - s_processStartUtc;
        }

        /// <inheritdoc />
        public long MonotonicMs => (long)(_monotonic.ElapsedMilliseconds * _scale);

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get
            {
                if (_scale == 1.0)
                {
                    return DateTime.UtcNow;
                }

                // Monotonic real time since the anchor, scaled: immune to host clock steps, continuous across wakes.
                TimeSpan real = s_processClock.Elapsed - _epochRealOffset;
                return _simulatedEpochUtc + TimeSpan.FromTicks((long)(real.Ticks * _scale));
            }
        }

        /// <summary>Converts simulated milliseconds to real ones.</summary>
        public int ToRealMs(long simulatedMs)
        {
            double real = simulatedMs / _scale;
            return real > int.MaxValue ? int.MaxValue : (int)real;
        }
    }
}
