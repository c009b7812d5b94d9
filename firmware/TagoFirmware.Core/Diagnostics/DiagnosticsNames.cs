using TagoFirmware.Payload;

namespace TagoFirmware.Diagnostics
{
    /// <summary>The diagnostics variable names (meanings: docs/diagnostics.md) and boot-reason values, encoded once. Read-only.</summary>
    public static class DiagnosticsNames
    {
        /// <summary><c>uptime_s</c>: seconds since boot (monotonic clock).</summary>
        public static readonly byte[] UptimeSeconds = TagoUtf8.GetBytes("uptime_s");
        /// <summary><c>heap_free</c>: free managed heap in bytes.</summary>
        public static readonly byte[] HeapFree = TagoUtf8.GetBytes("heap_free");
        /// <summary><c>boot_reason</c>: a <see cref="BootReason"/> as a string value.</summary>
        public static readonly byte[] BootReason = TagoUtf8.GetBytes("boot_reason");
        /// <summary><c>reconnects</c>: MQTT reconnects since boot.</summary>
        public static readonly byte[] Reconnects = TagoUtf8.GetBytes("reconnects");
        /// <summary><c>auth_failures</c>: CONNACKs refusing the credentials since boot.</summary>
        public static readonly byte[] AuthFailures = TagoUtf8.GetBytes("auth_failures");
        /// <summary><c>dropped_readings</c>: readings lost (queue overflow, unrecoverable storage) since boot.</summary>
        public static readonly byte[] DroppedReadings = TagoUtf8.GetBytes("dropped_readings");
        /// <summary><c>untimed_readings</c>: readings taken before the clock was valid since boot.</summary>
        public static readonly byte[] UntimedReadings = TagoUtf8.GetBytes("untimed_readings");
        /// <summary><c>store_errors</c>: failed reading-store calls since boot.</summary>
        public static readonly byte[] StoreErrors = TagoUtf8.GetBytes("store_errors");
        /// <summary><c>unsaved_acks</c>: acknowledged readings a power cut could send again, since boot.</summary>
        public static readonly byte[] UnsavedAcks = TagoUtf8.GetBytes("unsaved_acks");
        /// <summary><c>quarantined</c>: TagoTiP sampling cycles the server refused alone, dropped since boot.</summary>
        public static readonly byte[] Quarantined = TagoUtf8.GetBytes("quarantined");
        /// <summary><c>sensor_errors</c>: failed samples since boot.</summary>
        public static readonly byte[] SensorErrors = TagoUtf8.GetBytes("sensor_errors");
        /// <summary><c>command_errors</c>: refused downlink commands since boot.</summary>
        public static readonly byte[] CommandErrors = TagoUtf8.GetBytes("command_errors");
        /// <summary><c>queue_depth</c>: readings waiting to be delivered.</summary>
        public static readonly byte[] QueueDepth = TagoUtf8.GetBytes("queue_depth");
        /// <summary><c>fw_version</c>: firmware version string.</summary>
        public static readonly byte[] FirmwareVersion = TagoUtf8.GetBytes("fw_version");
        /// <summary><c>rssi</c>: WiFi signal in dBm, only when known.</summary>
        public static readonly byte[] Rssi = TagoUtf8.GetBytes("rssi");
        // boot_reason values by BootReason value.
        private static readonly byte[][] s_bootReasons =
        {
            TagoUtf8.GetBytes("unknown"), TagoUtf8.GetBytes("power_on"), TagoUtf8.GetBytes("timer_wake"), TagoUtf8.GetBytes("pin_wake"),
            TagoUtf8.GetBytes("other_wake"), TagoUtf8.GetBytes("command_reboot"), TagoUtf8.GetBytes("watchdog_reboot"),
        };

        /// <summary>The string value published for <paramref name="reason"/> (e.g. <c>power_on</c>; <c>unknown</c> for undefined values).</summary>
        public static byte[] BootReasonValue(BootReason reason) => s_bootReasons[(int)reason > 0 && (int)reason < s_bootReasons.Length ? (int)reason : 0];
    }
}
