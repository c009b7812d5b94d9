using System;
using nanoFramework.Networking;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary><see cref="IClock"/> and <see cref="ITimeSync"/> on the ESP32.</summary>
    /// <remarks>Timers use <c>Environment.TickCount64</c> (64-bit ms since boot, unmoved by SNTP); <c>DateTime.UtcNow</c>
    /// jumps at the first SNTP sync and may step back.</remarks>
    public sealed class Esp32Clock : IClock, ITimeSync
    {
        /// <inheritdoc />
        public long MonotonicMs => Environment.TickCount64;

        /// <inheritdoc />
        public DateTime UtcNow => DateTime.UtcNow;

        /// <summary><c>Sntp.Start()</c> or <c>Sntp.UpdateNow()</c>; both return at once (lwIP's SNTP client does the work).</summary>
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
