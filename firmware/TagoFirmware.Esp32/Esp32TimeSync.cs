using System;
using nanoFramework.Networking;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="ITimeSync"/> over nanoFramework.Networking.Sntp: <c>Sntp.Start()</c> the first time (or whenever the
    /// service is not running), <c>Sntp.UpdateNow()</c> afterwards. The core learns the result only through
    /// <see cref="IClock.UtcNow"/> passing <see cref="WallClock.ValidFrom"/> (2025-01-01).
    /// </summary>
    /// <remarks>
    /// The ESP32 firmware already starts SNTP by itself once it has an IP (nf-interpreter PR #838) and re-syncs hourly;
    /// this port only nudges it (UpdateNow restarts the service, which sends a request at once). Both calls return
    /// within milliseconds: the request runs in the lwIP SNTP client, not on the calling thread.
    /// </remarks>
    public sealed class Esp32TimeSync : ITimeSync
    {
        /// <inheritdoc />
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
