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
        private readonly DateTime _epochUtc;
        private readonly DateTime _simulatedEpochUtc;

        /// <summary>Creates a clock whose simulated wall time was <paramref name="simulatedEpochUtc"/> at the real time
        /// <paramref name="epochUtc"/> (MinValue: the process start; the anchor itself); by default a real-time clock.</summary>
        public SystemClock(double timeScale = 1.0, DateTime epochUtc = default, DateTime simulatedEpochUtc = default)
        {
            _scale = Math.Max(timeScale, 1e-3);
            _epochUtc = epochUtc == DateTime.MinValue ? s_processStartUtc : epochUtc;
            _simulatedEpochUtc = simulatedEpochUtc == DateTime.MinValue ? _epochUtc : simulatedEpochUtc;
        }

        /// <inheritdoc />
        public long MonotonicMs => (long)(_monotonic.ElapsedMilliseconds * _scale);

        /// <inheritdoc />
        /// <remarks>Scaled: monotonic real time since the anchor, so immune to host clock steps and continuous across wakes.</remarks>
        public DateTime UtcNow => _scale == 1.0 ? DateTime.UtcNow
            : _simulatedEpochUtc + TimeSpan.FromTicks((long)((s_processStartUtc + s_processClock.Elapsed - _epochUtc).Ticks * _scale));

        /// <summary>Converts simulated milliseconds to real ones.</summary>
        public int ToRealMs(long simulatedMs) => (int)Math.Min(int.MaxValue, simulatedMs / _scale);
    }
}
