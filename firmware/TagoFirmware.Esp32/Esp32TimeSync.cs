using System;
using nanoFramework.Networking;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="ITimeSync"/> over nanoFramework's SNTP client: <c>Sntp.Start()</c> when it is not running, else
    /// <c>Sntp.UpdateNow()</c> (sends a request at once). Both return within milliseconds: lwIP's SNTP client does the work.
    /// </summary>
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
