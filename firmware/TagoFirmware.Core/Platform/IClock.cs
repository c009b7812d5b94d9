using System;

namespace TagoFirmware.Platform
{
    /// <summary>Time as the core sees it: a monotonic counter for every timer, and the UTC wall clock.</summary>
    /// <remarks><see cref="MonotonicMs"/> never jumps when SNTP sets the wall clock (device: <c>Environment.TickCount64</c>). Never blocks or throws; main loop only.</remarks>
    public interface IClock
    {
        /// <summary>Milliseconds of a monotonic counter; only differences are meaningful.</summary>
        long MonotonicMs { get; }

        /// <summary>The current UTC wall time; meaningless until <see cref="WallClock.IsValid"/> says otherwise.</summary>
        DateTime UtcNow { get; }
    }
}
