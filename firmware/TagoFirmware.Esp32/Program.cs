using System.Diagnostics;
using System.Threading;
using nanoFramework.Runtime.Native;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Entry point of the ESP32 node. This first version only proves the app builds and boots: it prints one boot line
    /// and idles. The adapters (Wi-Fi, SNTP, MQTT, DHT, LED, watchdog) that wire the core to the device come next.
    /// </summary>
    public static class Program
    {
        /// <summary>How long the idle loop sleeps between iterations, in milliseconds.</summary>
        private const int IdleSleepMilliseconds = 1000;

        /// <summary>Runs the node.</summary>
        public static void Main()
        {
            // The firmware target name (e.g. ESP32_REV3) tells a user reading the serial log which image is flashed.
            Debug.WriteLine("TagoFirmware.Esp32 booting on " + SystemInfo.TargetName);

            while (true)
            {
                Thread.Sleep(IdleSleepMilliseconds);
            }
        }
    }
}
