using System;
using System.Net.NetworkInformation;
using nanoFramework.Hardware.Esp32;
using TagoFirmware.Diagnostics;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>Platform facts: boot reason, MAC, free heap, firmware version.</summary>
    public sealed class Esp32PlatformInfo : IPlatformInfo
    {
        private const string RebootReasonPath = "I:\\tagofirmware.reboot";

        /// <summary>Creates the platform facts.</summary>
        public Esp32PlatformInfo(BootReason bootReason, string firmwareVersion)
        {
            BootReason = bootReason;
            FirmwareVersion = firmwareVersion;
        }

        /// <summary>Why this boot happened.</summary>
        public BootReason BootReason { get; private set; }

        /// <summary>The version published as <c>fw_version</c>.</summary>
        public string FirmwareVersion { get; private set; }

        /// <summary>Free managed heap from <c>GC.Run(false)</c> (runs a collection: only when diagnostics are due).</summary>
        public int HeapFreeBytes() => (int)nanoFramework.Runtime.Native.GC.Run(false); // a few hundred KB at most

        /// <summary>Always false: nanoFramework only offers a WiFi scan, which hops channels for seconds while associated.</summary>
        public bool TryGetRssi(out int dbm)
        {
            dbm = 0;
            return false;
        }

        /// <summary>The WiFi interface (else the first one when <paramref name="orFirst"/>), or null; never throws.</summary>
        public static NetworkInterface WifiInterface(bool orFirst)
        {
            try
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces(); // a fresh snapshot array
                for (int i = 0; i < interfaces.Length; i++)
                {
                    if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                    {
                        return interfaces[i];
                    }
                }

                return orFirst && interfaces.Length > 0 ? interfaces[0] : null;
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>Why this boot happened, from the wake cause and the reboot-reason file (no managed reset-reason API); call once.</summary>
        public static BootReason DetermineBootReason()
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

            if (cause != Sleep.WakeupCause.Undefined)
            {
                return cause == Sleep.WakeupCause.Timer ? BootReason.TimerWake
                    : cause == Sleep.WakeupCause.Ext0 || cause == Sleep.WakeupCause.Ext1 || cause == Sleep.WakeupCause.Gpio || cause == Sleep.WakeupCause.TouchPad ? BootReason.PinWake
                    : BootReason.OtherWake;
            }

            // A reset: the reason this firmware persisted before rebooting, taken once (overwritten with None).
            byte[] bytes = Esp32Files.ReadFile(RebootReasonPath, 1);
            if (bytes != null)
            {
                PersistRebootReason(RebootReason.None);
            }

            RebootReason reason = bytes != null && bytes.Length == 1 ? (RebootReason)bytes[0] : RebootReason.None;
            return reason == RebootReason.Command || reason == RebootReason.ConfigChanged ? BootReason.CommandReboot
                : reason == RebootReason.NoAckTimeout || reason == RebootReason.MainLoopHung ? BootReason.WatchdogReboot
                : BootReason.PowerOnOrReset;
        }

        /// <summary>Records why the device is about to reboot (one byte); never throws.</summary>
        public static void PersistRebootReason(RebootReason reason) => Esp32Files.WriteFile(RebootReasonPath, new byte[] { (byte)reason });
    }
}
