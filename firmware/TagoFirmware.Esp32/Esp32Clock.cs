using System;
using nanoFramework.Networking;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IClock"/> and <see cref="ITimeSync"/> on the ESP32. Timers use <c>Environment.TickCount64</c>:
    /// milliseconds since boot in 64 bits (a 32-bit tick wraps after 24.8 days), unmoved by SNTP, the counter
    /// nanoFramework's own timers run on; <c>DateTime.UtcNow</c> jumps at the first SNTP sync and may step back.
    /// </summary>
    public sealed class Esp32Clock : IClock, ITimeSync
    {
        /// <inheritdoc />
        public long MonotonicMs => Environment.TickCount64;

        /// <inheritdoc />
        public DateTime UtcNow => DateTime.UtcNow;

        /// <summary><c>Sntp.Start()</c>, or <c>Sntp.UpdateNow()</c> when running; both return within milliseconds
        /// (lwIP's SNTP client does the work).</summary>
        public bool RequestSync()
        {
            try
            {
                if (!Sntp.IsStarted)
                {
                    Sntp.Start();
                }
                else
                {
                    Sntp.UpdateNow();
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
