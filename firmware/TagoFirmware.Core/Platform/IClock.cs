using System;

namespace TagoFirmware.Platform
{
    /// <summary>Time as the core sees it: a monotonic counter for every timer, and the UTC wall clock.</summary>
    /// <remarks>
    /// <see cref="MonotonicMs"/> never goes backwards nor jumps when SNTP sets the wall clock (device:
    /// <c>Environment.TickCount64</c>). <see cref="UtcNow"/> is trusted only once <see cref="WallClock.IsValid"/> (an
    /// ESP32 boots at 1970-01-01). Both return at once, never throw; main loop thread only.
    /// </remarks>
    public interface IClock
    {
        /// <summary>Milliseconds of a monotonic counter; only differences are meaningful.</summary>
        long MonotonicMs { get; }

        /// <summary>The current UTC wall time; meaningless until <see cref="WallClock.IsValid"/> says otherwise.</summary>
        DateTime UtcNow { get; }
    }
}
