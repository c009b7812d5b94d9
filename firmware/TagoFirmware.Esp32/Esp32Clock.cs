using System;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IClock"/> on the ESP32: <c>System.Environment.TickCount64</c> (nanoFramework.Runtime.Native) for every
    /// timer, <c>DateTime.UtcNow</c> for the wall clock.
    /// </summary>
    /// <remarks>
    /// Why TickCount64 and not <c>HighResTimer.GetCurrent()</c>/1000: both count from boot on the same hardware timer
    /// and neither moves when SNTP sets the wall clock, but TickCount64 is already milliseconds in a signed 64-bit
    /// value (no ulong division per call, no wrap in 292 million years), lives in Runtime.Native which the app needs
    /// anyway (reboot, GC), and is the counter nanoFramework's own <c>Thread.Sleep</c> and timers run on. A 32-bit
    /// millisecond tick would wrap after 24.8 days, shorter than a node's field life. <c>DateTime.UtcNow</c> is not
    /// acceptable for timers: it jumps from 1970 to now at the first SNTP sync and can step backwards later.
    /// </remarks>
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
