using TagoFirmware.Commands;
using TagoFirmware.Node;
using TagoFirmware.Readings;
using TagoFirmware.Sensors;
using TagoFirmware.Platform;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Connection
{
    /// <summary>
    /// Every platform port the node needs, filled by the ESP32 app or the host twin. Called from the main loop only,
    /// except the log, device control and reading store, which the watchdog thread also uses when the loop hangs.
    /// </summary>
    public sealed class NodePorts
    {
        /// <summary>Monotonic and wall time (required).</summary>
        public IClock Clock { get; set; }

        /// <summary>WiFi (required; the host twin uses an always-up link).</summary>
        public INetworkLink Network { get; set; }

        /// <summary>SNTP nudges, or null.</summary>
        public ITimeSync TimeSync { get; set; }

        /// <summary>The MQTT client (required).</summary>
        public IMqttLink Mqtt { get; set; }

        /// <summary>Log lines, or null.</summary>
        public ILog Log { get; set; }

        /// <summary>The status LED, or null.</summary>
        public IStatusIndicator Status { get; set; }

        /// <summary>Reboots the device (command and self-heal reboots), or null (then reboots are only logged).</summary>
        public IDeviceControl Device { get; set; }

        /// <summary>Randomness for the backoff jitter (required).</summary>
        public IRandomSource Random { get; set; }

        /// <summary>The flash file of the reading queue; null = the queue lives in RAM only.</summary>
        public IReadingStore ReadingStore { get; set; }

        /// <summary>Where command overrides are stored; null = overrides hold until the next reboot only.</summary>
        public IOverrideStore OverrideStore { get; set; }

        /// <summary>Where the TagoTiP sequence counter is persisted; null = RAM only (a reboot resets it).</summary>
        public ISequenceStore Sequences { get; set; }

        /// <summary>One sensor adapter per entry of the configuration's <c>sensors</c>, in the same order (required).</summary>
        public ITemperatureHumiditySensor[] Sensors { get; set; }

        /// <summary>Power switches, same length as <see cref="Sensors"/>; entries (or the whole array) may be null.</summary>
        public IPowerSwitch[] PowerSwitches { get; set; }

        /// <summary>Heap, boot reason, RSSI and firmware version for diagnostics, or null (then all unknown).</summary>
        public IPlatformInfo Platform { get; set; }
    }
}
