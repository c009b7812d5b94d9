using System;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IClock"/> on the ESP32. Timers use <c>Environment.TickCount64</c>: milliseconds since boot in 64 bits
    /// (a 32-bit tick wraps after 24.8 days), unmoved by SNTP, the counter nanoFramework's own timers run on;
    /// <c>DateTime.UtcNow</c> jumps at the first SNTP sync and may step back.
    /// </summary>
    public sealed class Esp32Clock : IClock
    {
        /// <inheritdoc />
        public long MonotonicMs
        {
            get { return Environment.TickCount64; }
        }

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }
    }
}
