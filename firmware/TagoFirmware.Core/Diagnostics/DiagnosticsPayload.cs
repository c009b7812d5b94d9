using TagoFirmware.Payload;

namespace TagoFirmware.Diagnostics
{
    /// <summary>Writes the diagnostics payload (names and meanings: docs/diagnostics.md) through an <see cref="ItemWriter"/>. Allocation-free.</summary>
    /// <remarks>Items that are 0 or unknown are left out (TagoIO bills each item); all share one <c>time</c> when the clock is valid.</remarks>
    public static class DiagnosticsPayload
    {
        /// <summary>A buffer of this size always holds the largest diagnostics payload (checked by a test).</summary>
        public const int RecommendedBufferSize = 1280;

        /// <summary>Every variable name the node publishes itself: the legacy <c>device_status</c>, then these items in payload order. A sensor may not use one.</summary>
        public static readonly string[] ReservedNames = ("device_status uptime_s heap_free boot_reason reconnects auth_failures dropped_readings"
            + " untimed_readings store_errors unsaved_acks quarantined sensor_errors command_errors queue_depth fw_version rssi").Split(' ');

        /// <summary><c>boot_reason</c> values by <see cref="BootReason"/> value.</summary>
        public static readonly string[] BootReasonNames = "unknown power_on timer_wake pin_wake other_wake command_reboot watchdog_reboot".Split(' ');

        // Item names in payload order (ReservedNames after device_status) and boot_reason values.
        private static readonly byte[][] s_names = Bytes(ReservedNames, 1);
        private static readonly byte[][] s_bootReasons = Bytes(BootReasonNames, 0);

        /// <summary><c>dropped_readings</c>: readings lost (queue overflow, unrecoverable storage) since boot.</summary>
        public static readonly byte[] DroppedReadings = s_names[5];

        /// <summary><c>untimed_readings</c>: readings taken before the clock was valid since boot.</summary>
        public static readonly byte[] UntimedReadings = s_names[6];

        // Left out when 0: store_errors, unsaved_acks, quarantined.
        private const int OmittedWhenZero = (1 << 7) | (1 << 8) | (1 << 9);

        /// <summary>A value that leaves its item out (unknown heap_free or rssi).</summary>
        public const long Omitted = long.MinValue;

        private static readonly byte[] s_seconds = { (byte)'s' };
        private static readonly byte[] s_bytes = { (byte)'B' };
        private static readonly byte[] s_dbm = { (byte)'d', (byte)'B', (byte)'m' };

        /// <summary>Resets the writer, writes the items of <see cref="DiagnosticsCounters.Values"/> and closes the payload; on an error the writer is left reset.</summary>
        public static TagoWriteResult Write(ItemWriter writer, DiagnosticsCounters counters, long timeUnixMs)
        {
            writer.Reset();
            for (int i = 0; i < s_names.Length; i++)
            {
                long value = counters.Values[i];
                if (value == Omitted || (value == 0 && ((OmittedWhenZero >> i) & 1) != 0))
                {
                    continue;
                }

                byte[] text = i == 2 ? s_bootReasons[value] : i == 13 ? counters.FirmwareVersionUtf8 : null;
                byte[] unit = i == 0 ? s_seconds : i == 1 ? s_bytes : i == 14 ? s_dbm : null;
                TagoWriteResult r = writer.Item(s_names[i], value, text, unit, timeUnixMs);
                if (r != TagoWriteResult.Ok)
                {
                    writer.Reset();
                    return r;
                }
            }

            writer.Close();
            return TagoWriteResult.Ok;
        }

        private static byte[][] Bytes(string[] texts, int from)
        {
            byte[][] bytes = new byte[texts.Length - from][];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = TagoUtf8.GetBytes(texts[from + i]);
            }

            return bytes;
        }
    }
}
