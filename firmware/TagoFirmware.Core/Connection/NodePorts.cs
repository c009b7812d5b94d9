using TagoFirmware.Commands;
using TagoFirmware.Node;
using TagoFirmware.Readings;
using TagoFirmware.Sensors;
using TagoFirmware.Platform;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Connection
{
    /// <summary>Every platform port the node needs; main loop only, except the log, device control and reading store (watchdog thread).</summary>
    public sealed class NodePorts
    {
        /// <summary>Monotonic and wall time (required).</summary>
        public IClock Clock;

        /// <summary>WiFi (required; the host twin uses an always-up link).</summary>
        public INetworkLink Network;

        /// <summary>SNTP nudges, or null.</summary>
        public ITimeSync TimeSync;

        /// <summary>The MQTT client (required).</summary>
        public IMqttLink Mqtt;

        /// <summary>Log lines, or null.</summary>
        public ILog Log;

        /// <summary>The status LED, or null.</summary>
        public IStatusIndicator Status;

        /// <summary>Reboots the device (command and self-heal reboots), or null (then reboots are only logged).</summary>
        public IDeviceControl Device;

        /// <summary>Randomness for the backoff jitter (required).</summary>
        public IRandomSource Random;

        /// <summary>The flash file of the reading queue; null = the queue lives in RAM only.</summary>
        public IReadingStore ReadingStore;

        /// <summary>Where command overrides are stored; null = overrides hold until the next reboot only.</summary>
        public IOverrideStore OverrideStore;

        /// <summary>Where the TagoTiP sequence counter is persisted; null = RAM only (a reboot resets it).</summary>
        public ISequenceStore Sequences;

        /// <summary>One sensor adapter per entry of the configuration's <c>sensors</c>, in the same order (required).</summary>
        public ITemperatureHumiditySensor[] Sensors;

        /// <summary>Power switches, same length as <see cref="Sensors"/>; entries (or the whole array) may be null.</summary>
        public IPowerSwitch[] PowerSwitches;

        /// <summary>Heap, boot reason, RSSI and firmware version for diagnostics, or null (then all unknown).</summary>
        public IPlatformInfo Platform;
    }
}
