using System;
using System.IO;
using nanoFramework.Hardware.Esp32;
using TagoFirmware.Diagnostics;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Why this boot happened, as far as nanoFramework can tell (README "The ESP32 app"): there is no managed
    /// reset-reason API, so <c>Sleep.GetWakeupCause()</c> tells deep-sleep wakes apart, a one-byte file written by
    /// <see cref="Esp32DeviceControl"/> just before an intentional reboot tells those apart, and everything else
    /// (power-on, reset button, brown-out, crash, hardware watchdog) is <see cref="BootReason.PowerOnOrReset"/>.
    /// </summary>
    public static class BootInfo
    {
        /// <summary>Where the intentional-reboot reason is kept until the next boot reads and deletes it.</summary>
        public const string RebootReasonPath = "I:\\tagofirmware.reboot";

        /// <summary>Determines the boot reason; call once, early in Main (it deletes the reboot-reason file).</summary>
        /// <returns>The boot reason for diagnostics.</returns>
        public static BootReason Determine()
        {
            Sleep.WakeupCause cause = Sleep.WakeupCause.Undefined;
            try
            {
                cause = Sleep.GetWakeupCause();
            }
            catch (Exception)
            {
                // Treated as a cold start.
            }

            RebootReason persisted = TakePersistedReason();
            return FromCauses(cause, persisted);
        }

        /// <summary>Maps the wake cause and the persisted reboot reason to a <see cref="BootReason"/> (pure).</summary>
        /// <param name="cause">What <c>Sleep.GetWakeupCause()</c> returned.</param>
        /// <param name="persisted">The reason recorded before the last intentional reboot, or None.</param>
        /// <returns>The boot reason.</returns>
        public static BootReason FromCauses(Sleep.WakeupCause cause, RebootReason persisted)
        {
            switch (cause)
            {
                case Sleep.WakeupCause.Timer:
                    return BootReason.TimerWake;
                case Sleep.WakeupCause.Ext0:
                case Sleep.WakeupCause.Ext1:
                case Sleep.WakeupCause.Gpio:
                case Sleep.WakeupCause.TouchPad:
                    return BootReason.PinWake;
                case Sleep.WakeupCause.Undefined:
                    break;
                default:
                    return BootReason.OtherWake;
            }

            switch (persisted)
            {
                case RebootReason.Command:
                case RebootReason.ConfigChanged:
                    return BootReason.CommandReboot;
                case RebootReason.NoAckTimeout:
                case RebootReason.MainLoopHung:
                    return BootReason.WatchdogReboot;
                default:
                    return BootReason.PowerOnOrReset;
            }
        }

        /// <summary>Records why the device is about to reboot (one byte); never throws.</summary>
        /// <param name="reason">The reason.</param>
        public static void PersistReason(RebootReason reason)
        {
            try
            {
                File.WriteAllBytes(RebootReasonPath, new byte[] { (byte)reason });
            }
            catch (Exception)
            {
                // The next boot then reports PowerOnOrReset; nothing worse.
            }
        }

        private static RebootReason TakePersistedReason()
        {
            try
            {
                if (!File.Exists(RebootReasonPath))
                {
                    return RebootReason.None;
                }

                byte[] bytes = File.ReadAllBytes(RebootReasonPath);
                File.Delete(RebootReasonPath);
                return bytes != null && bytes.Length == 1 ? (RebootReason)bytes[0] : RebootReason.None;
            }
            catch (Exception)
            {
                return RebootReason.None;
            }
        }
    }
}
