using System;
using System.Diagnostics;
using TagoFirmware.Session;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// <see cref="IClock"/> on the host: a monotonic Stopwatch and the system's UTC time, optionally shifted to
    /// simulate a board whose clock is not set yet (before 2025-01-01 counts as unset).
    /// </summary>
    public sealed class SystemClock : IClock
    {
        private readonly Stopwatch _monotonic = Stopwatch.StartNew();

        /// <summary>Offset added to the system time (e.g. -60 years to simulate "no SNTP yet").</summary>
        public TimeSpan WallOffset { get; set; }

        /// <inheritdoc />
        public long MonotonicMs => _monotonic.ElapsedMilliseconds;

        /// <inheritdoc />
        public DateTime UtcNow => DateTime.UtcNow + WallOffset;
    }
}
