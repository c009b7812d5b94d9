using System;
using nanoFramework.Hardware.Esp32;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Battery mode's last step: arm the timer wake-up and enter deep sleep (nanoFramework.Hardware.Esp32
    /// <c>Sleep.EnableWakeupByTimer</c> + <c>Sleep.StartDeepSleep</c>). Waking from deep sleep is a reboot: Main runs
    /// from the start, with <c>Sleep.GetWakeupCause() == Timer</c> (see <see cref="BootInfo"/>).
    /// </summary>
    /// <remarks>
    /// The caller does the order the core decides: sleep only after the broker acknowledged the payloads
    /// or the publish deadline passed, after a graceful MQTT Disconnect (so the will does not announce "offline" on
    /// every sleep) and after the reading log is flushed and closed. RAM is lost in deep sleep; only the flash log and
    /// the RTC survive.
    /// </remarks>
    public static class Esp32Sleep
    {
        /// <summary>Arms the timer and sleeps; returns only when the timer could not be armed.</summary>
        /// <param name="milliseconds">Sleep length in ms (at least 1000; SensorNode.SleepMilliseconds).</param>
        /// <returns>The ESP-IDF error when arming failed (the caller stays awake and retries later).</returns>
        public static EspNativeError DeepSleep(int milliseconds)
        {
            EspNativeError armed;
            try
            {
                armed = Sleep.EnableWakeupByTimer(TimeSpan.FromMilliseconds(milliseconds < 1000 ? 1000 : milliseconds));
            }
            catch (Exception)
            {
                return EspNativeError.FAIL;
            }

            if (armed != EspNativeError.OK)
            {
                return armed;
            }

            // Never returns.
            Sleep.StartDeepSleep();
            return EspNativeError.OK;
        }
    }
}
