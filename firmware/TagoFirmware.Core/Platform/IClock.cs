using System;

namespace TagoFirmware.Platform
{
    /// <summary>Time as the core sees it: a monotonic counter that SNTP never moves (device: <c>Environment.TickCount64</c>) and the UTC wall clock; never blocks or throws.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds of a monotonic counter; only differences are meaningful.</summary>
        long MonotonicMs { get; }

        /// <summary>The current UTC wall time; meaningless until <see cref="WallClock.IsValid"/> says otherwise.</summary>
        DateTime UtcNow { get; }
    }
}
