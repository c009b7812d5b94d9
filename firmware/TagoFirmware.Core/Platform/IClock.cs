using System;

namespace TagoFirmware.Platform
{
    /// <summary>
    /// Time as the core sees it: a monotonic millisecond counter for every timer, and the UTC wall clock that TLS
    /// certificate checks and reading timestamps depend on.
    /// </summary>
    /// <remarks>
    /// Port contract:
    /// <list type="bullet">
    /// <item><see cref="MonotonicMs"/> never goes backwards and never jumps when SNTP sets the wall clock; it starts
    /// anywhere (0 at boot is typical). Device: <c>Environment.TickCount64</c> (nanoFramework.Runtime.Native) or
    /// <c>DateTime.UtcNow.Ticks</c> taken before SNTP is not acceptable because SNTP moves it. Host:
    /// <c>Stopwatch</c>-based.</item>
    /// <item><see cref="UtcNow"/> may be anything before SNTP ran (the ESP32 boots at 1970-01-01); the core decides
    /// validity with <see cref="WallClock.IsValid"/> and never trusts a time before <see cref="WallClock.ValidFrom"/>.</item>
    /// <item>Both members return at once (no I/O, no locks held for long), never throw, and may be called from the
    /// main loop thread only; an implementation need not be thread-safe.</item>
    /// </list>
    /// </remarks>
    public interface IClock
    {
        /// <summary>Milliseconds of a monotonic counter; only differences are meaningful.</summary>
        long MonotonicMs { get; }

        /// <summary>The current UTC wall time; meaningless until <see cref="WallClock.IsValid"/> says otherwise.</summary>
        DateTime UtcNow { get; }
    }
}
