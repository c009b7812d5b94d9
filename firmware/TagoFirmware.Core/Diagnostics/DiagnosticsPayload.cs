using TagoFirmware.Payload;

namespace TagoFirmware.Diagnostics
{
    /// <summary>Writes the diagnostics payload (names and meanings: docs/diagnostics.md) through an <see cref="ItemWriter"/>. Allocation-free.</summary>
    /// <remarks>Items that are 0 (store_errors, unsaved_acks, quarantined) or unknown (heap_free, rssi) are left out:
    /// TagoIO bills each item as a data input. All items carry one <c>time</c> when the wall clock is valid.</remarks>
    public static class DiagnosticsPayload
    {
        /// <summary>A buffer of this size always holds the largest diagnostics payload (checked by a test).</summary>
        public const int RecommendedBufferSize = 1280;

        /// <summary>Every variable name the node publishes itself (these items and the legacy <c>device_status</c>); a sensor may not use one.</summary>
        public static readonly string[] ReservedNames =
        {
            "device_status", "uptime_s", "heap_free", "boot_reason", "reconnects", "auth_failures", "dropped_readings", "untimed_readings",
            "store_errors", "unsaved_acks", "quarantined", "sensor_errors", "command_errors", "queue_depth", "fw_version", "rssi",
        };

        /// <summary><c>dropped_readings</c>: readings lost (queue overflow, unrecoverable storage) since boot.</summary>
        public static readonly byte[] DroppedReadings = TagoUtf8.GetBytes("dropped_readings");

        /// <summary><c>untimed_readings</c>: readings taken before the clock was valid since boot.</summary>
        public static readonly byte[] UntimedReadings = TagoUtf8.GetBytes("untimed_readings");

        private static readonly byte[] s_uptimeSeconds = TagoUtf8.GetBytes("uptime_s");
        private static readonly byte[] s_heapFree = TagoUtf8.GetBytes("heap_free");
        private static readonly byte[] s_bootReason = TagoUtf8.GetBytes("boot_reason");
        private static readonly byte[] s_reconnects = TagoUtf8.GetBytes("reconnects");
        private static readonly byte[] s_authFailures = TagoUtf8.GetBytes("auth_failures");
        private static readonly byte[] s_storeErrors = TagoUtf8.GetBytes("store_errors");
        private static readonly byte[] s_unsavedAcks = TagoUtf8.GetBytes("unsaved_acks");
        private static readonly byte[] s_quarantined = TagoUtf8.GetBytes("quarantined");
        private static readonly byte[] s_sensorErrors = TagoUtf8.GetBytes("sensor_errors");
        private static readonly byte[] s_commandErrors = TagoUtf8.GetBytes("command_errors");
        private static readonly byte[] s_queueDepth = TagoUtf8.GetBytes("queue_depth");
        private static readonly byte[] s_firmwareVersion = TagoUtf8.GetBytes("fw_version");
        private static readonly byte[] s_rssi = TagoUtf8.GetBytes("rssi");

        // boot_reason values by BootReason value.
        private static readonly byte[][] s_bootReasons =
        {
            TagoUtf8.GetBytes("unknown"), TagoUtf8.GetBytes("power_on"), TagoUtf8.GetBytes("timer_wake"), TagoUtf8.GetBytes("pin_wake"),
            TagoUtf8.GetBytes("other_wake"), TagoUtf8.GetBytes("command_reboot"), TagoUtf8.GetBytes("watchdog_reboot"),
        };

        private static readonly byte[] s_seconds = TagoUtf8.GetBytes("s");
        private static readonly byte[] s_bytes = new byte[] { (byte)'B' };
        private static readonly byte[] s_dbm = new byte[] { (byte)'d', (byte)'B', (byte)'m' };

        /// <summary>Resets the writer, writes every item and closes the payload; on an error the writer is left reset.</summary>
        public static TagoWriteResult Write(ItemWriter writer, DiagnosticsCounters counters, long timeUnixMs)
        {
            writer.Reset();
            long t = timeUnixMs;
            int boot = (int)counters.BootReason;
            TagoWriteResult r = Item(TagoWriteResult.Ok, writer, s_uptimeSeconds, counters.UptimeSeconds, null, s_seconds, t);
            r = counters.HeapFree < 0 ? r : Item(r, writer, s_heapFree, counters.HeapFree, null, s_bytes, t);
            r = Item(r, writer, s_bootReason, 0, s_bootReasons[boot > 0 && boot < s_bootReasons.Length ? boot : 0], null, t);
            r = Item(r, writer, s_reconnects, counters.Reconnects, null, null, t);
            r = Item(r, writer, s_authFailures, counters.AuthFailures, null, null, t);
            r = Item(r, writer, DroppedReadings, counters.DroppedReadings, null, null, t);
            r = Item(r, writer, UntimedReadings, counters.UntimedReadings, null, null, t);
            r = counters.StoreErrors == 0 ? r : Item(r, writer, s_storeErrors, counters.StoreErrors, null, null, t);
            r = counters.UnsavedAcks == 0 ? r : Item(r, writer, s_unsavedAcks, counters.UnsavedAcks, null, null, t);
            r = counters.Quarantined == 0 ? r : Item(r, writer, s_quarantined, counters.Quarantined, null, null, t);
            r = Item(r, writer, s_sensorErrors, counters.SensorErrors, null, null, t);
            r = Item(r, writer, s_commandErrors, counters.CommandErrors, null, null, t);
            r = Item(r, writer, s_queueDepth, counters.QueueDepth, null, null, t);
            r = Item(r, writer, s_firmwareVersion, 0, counters.FirmwareVersionUtf8, null, t);
            r = !counters.HasRssi ? r : Item(r, writer, s_rssi, counters.RssiDbm, null, s_dbm, t);
            if (r != TagoWriteResult.Ok)
            {
                writer.Reset();
                return r;
            }

            writer.Close();
            return TagoWriteResult.Ok;
        }

        // Passes an earlier error on and writes nothing after it; writes the text when there is one, else the number.
        private static TagoWriteResult Item(TagoWriteResult r, ItemWriter writer, byte[] name, long value, byte[] text, byte[] unit, long timeUnixMs)
        {
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            writer.BeginItem(name);
            if (text != null)
            {
                writer.Value(text);
            }
            else
            {
                writer.Value(value);
            }

            if (unit != null)
            {
                writer.Unit(unit);
            }

            if (timeUnixMs >= 0)
            {
                writer.TimeUnixMs(timeUnixMs);
            }

            // The first error of an item sticks and is reported by EndItem, so checking it once is enough.
            return writer.EndItem();
        }
    }
}
