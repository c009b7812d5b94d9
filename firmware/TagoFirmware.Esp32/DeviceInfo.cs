using System;
using System.Net.NetworkInformation;
using TagoFirmware.Connection;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// What nanoFramework can tell about the device for identity and diagnostics: the MAC address (client id) and
    /// the free managed heap (<c>heap_free</c>).
    /// </summary>
    public static class DeviceInfo
    {
        /// <summary>
        /// The station MAC address: <c>NetworkInterface.GetAllNetworkInterfaces()</c>, the WiFi interface (else the
        /// first), <c>PhysicalAddress</c>. Burnt into eFuse, so the derived client id is the same on every boot.
        /// </summary>
        /// <returns>The 6 bytes, or null when there is no interface.</returns>
        public static byte[] MacAddress()
        {
            try
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                if (interfaces == null || interfaces.Length == 0)
                {
                    return null;
                }

                for (int i = 0; i < interfaces.Length; i++)
                {
                    if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                    {
                        return interfaces[i].PhysicalAddress;
                    }
                }

                return interfaces[0].PhysicalAddress;
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>The client id derived from the MAC (<c>tago-</c> + 12 hex digits), or null without a usable MAC.</summary>
        /// <returns>The derived client id.</returns>
        public static string ClientIdFromMac()
        {
            return ClientIdentity.FromMac(MacAddress());
        }

        /// <summary>
        /// Free managed heap in bytes, from <c>nanoFramework.Runtime.Native.GC.Run(false)</c>: the only managed figure
        /// nanoFramework offers (mscorlib has no GC.GetTotalMemory). It runs a collection (no compaction), so call it
        /// when diagnostics are due, not every step. The native IDF heap (mbedTLS buffers, lwIP) is separate.
        /// </summary>
        /// <returns>Free bytes, or -1 when it cannot be read.</returns>
        public static long HeapFree()
        {
            try
            {
                return nanoFramework.Runtime.Native.GC.Run(false);
            }
            catch (Exception)
            {
                return -1;
            }
        }
    }
}
