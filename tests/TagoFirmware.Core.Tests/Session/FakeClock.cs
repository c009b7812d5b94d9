using System;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Session
{
    /// <summary>A controllable clock: monotonic time and wall time move only when the test says so.</summary>
    public class FakeClock : IClock
    {
        /// <summary>A wall time well after the <see cref="WallClock.IsValid"/> threshold.</summary>
        public static readonly DateTime ValidTime = new DateTime(2026, 11, 25, 12, 0, 0);

        /// <summary>The ESP32's wall time before SNTP ran.</summary>
        public static readonly DateTime UnsetTime = new DateTime(1970, 1, 1, 0, 0, 0);

        public long NowMs;
        public DateTime Wall = ValidTime;

        public long MonotonicMs
        {
            get { return NowMs; }
        }

        public DateTime UtcNow
        {
            get { return Wall; }
        }
    }
}
