using System;
using System.IO;
using System.Net.NetworkInformation;
using nanoFramework.Hardware.Esp32;
using TagoFirmware.Diagnostics;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Platform facts: boot reason, MAC, free heap, firmware version. No RSSI: nanoFramework only offers a WiFi scan,
    /// which hops the radio across channels for seconds while associated.
    /// </summary>
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

        /// <summary>Free managed heap from <c>GC.Run(false)</c> (runs a collection: only when diagnostics are due), or -1.</summary>
        public int HeapFreeBytes()
        {
            try
            {
                long free = nanoFramework.Runtime.Native.GC.Run(false);
                return free < 0 || free > int.MaxValue ? -1 : (int)free;
            }
            catch (Exception)
            {
                return -1;
            }
        }

        /// <summary>Always false (see the class summary).</summary>
        public bool TryGetRssi(out int dbm)
        {
            dbm = 0;
            return false;
        }

        /// <summary>The station MAC (WiFi interface, else the first), burnt into eFuse; null without an interface.</summary>
        public static byte[] MacAddress()
        {
            try
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length; i++)
                {
                    if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                    {
                        return interfaces[i].PhysicalAddress;
                    }
                }

                return interfaces.Length > 0 ? interfaces[0].PhysicalAddress : null;
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>
        /// Why this boot happened. nanoFramework has no managed reset-reason API: the wake cause tells deep-sleep wakes
        /// apart, the reboot-reason file intentional reboots; all else is power-on or reset. Call once (it deletes the file).
        /// </summary>
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

            if (cause == Sleep.WakeupCause.Timer)
            {
                return BootReason.TimerWake;
            }

            if (cause == Sleep.WakeupCause.Ext0 || cause == Sleep.WakeupCause.Ext1 || cause == Sleep.WakeupCause.Gpio || cause == Sleep.WakeupCause.TouchPad)
            {
                return BootReason.PinWake;
            }

            if (cause != Sleep.WakeupCause.Undefined)
            {
                return BootReason.OtherWake;
            }

            RebootReason reason = TakePersistedReason();
            return reason == RebootReason.Command || reason == RebootReason.ConfigChanged ? BootReason.CommandReboot
                : reason == RebootReason.NoAckTimeout || reason == RebootReason.MainLoopHung ? BootReason.WatchdogReboot
                : BootReason.PowerOnOrReset;
        }

        /// <summary>Records why the device is about to reboot (one byte); never throws (failing, the next boot reports
        /// PowerOnOrReset).</summary>
        public static void PersistRebootReason(RebootReason reason) => Esp32Files.WriteFile(RebootReasonPath, new byte[] { (byte)reason });

        private static RebootReason TakePersistedReason()
        {
            byte[] bytes = Esp32Files.ReadFile(RebootReasonPath, 1);
            try
            {
                File.Delete(RebootReasonPath);
            }
            catch (Exception)
            {
                // Missing or undeletable: nothing to take.
            }

            return bytes != null && bytes.Length == 1 ? (RebootReason)bytes[0] : RebootReason.None;
        }
    }
}
