using TagoFirmware.Payload;

namespace TagoFirmware.Diagnostics
{
    /// <summary>Writes the diagnostics payload (docs/diagnostics.md) through an <see cref="IItemWriter"/>. Allocation-free.</summary>
    /// <remarks>Items that are 0 (store_errors, unsaved_acks, quarantined) or unknown (heap_free, rssi) are left out:
    /// TagoIO bills each item as a data input. All items carry one <c>time</c> when the wall clock is valid.</remarks>
    public static class DiagnosticsPayload
    {
        /// <summary>A buffer of this size always holds the largest diagnostics payload (checked by a test).</summary>
        public const int RecommendedBufferSize = 1280;

        private static readonly byte[] s_seconds = TagoUtf8.GetBytes("s");
        private static readonly byte[] s_bytes = new byte[] { (byte)'B' };
        private static readonly byte[] s_dbm = new byte[] { (byte)'d', (byte)'B', (byte)'m' };

        /// <summary>Resets the writer, writes every item and closes the payload; on an error the writer is left reset.</summary>
        public static TagoWriteResult Write(IItemWriter writer, DiagnosticsCounters counters, long timeUnixMs)
        {
            writer.Reset();
            long t = timeUnixMs;
            TagoWriteResult r = Item(TagoWriteResult.Ok, writer, DiagnosticsNames.UptimeSeconds, counters.UptimeSeconds, null, s_seconds, t);
            r = counters.HeapFree < 0 ? r : Item(r, writer, DiagnosticsNames.HeapFree, counters.HeapFree, null, s_bytes, t);
            r = Item(r, writer, DiagnosticsNames.BootReason, 0, DiagnosticsNames.BootReasonValue(counters.BootReason), null, t);
            r = Item(r, writer, DiagnosticsNames.Reconnects, counters.Reconnects, null, null, t);
            r = Item(r, writer, DiagnosticsNames.AuthFailures, counters.AuthFailures, null, null, t);
            r = Item(r, writer, DiagnosticsNames.DroppedReadings, counters.DroppedReadings, null, null, t);
            r = Item(r, writer, DiagnosticsNames.UntimedReadings, counters.UntimedReadings, null, null, t);
            r = counters.StoreErrors == 0 ? r : Item(r, writer, DiagnosticsNames.StoreErrors, counters.StoreErrors, null, null, t);
            r = counters.UnsavedAcks == 0 ? r : Item(r, writer, DiagnosticsNames.UnsavedAcks, counters.UnsavedAcks, null, null, t);
            r = counters.Quarantined == 0 ? r : Item(r, writer, DiagnosticsNames.Quarantined, counters.Quarantined, null, null, t);
            r = Item(r, writer, DiagnosticsNames.SensorErrors, counters.SensorErrors, null, null, t);
            r = Item(r, writer, DiagnosticsNames.CommandErrors, counters.CommandErrors, null, null, t);
            r = Item(r, writer, DiagnosticsNames.QueueDepth, counters.QueueDepth, null, null, t);
            r = Item(r, writer, DiagnosticsNames.FirmwareVersion, 0, counters.FirmwareVersionUtf8, null, t);
            r = !counters.HasRssi ? r : Item(r, writer, DiagnosticsNames.Rssi, counters.RssiDbm, null, s_dbm, t);
            if (r != TagoWriteResult.Ok)
            {
                writer.Reset();
                return r;
            }

            writer.Close();
            return TagoWriteResult.Ok;
        }

        // Passes an earlier error on and writes nothing after it; writes the text when there is one, else the number.
        private static TagoWriteResult Item(TagoWriteResult r, IItemWriter writer, byte[] name, long value, byte[] text, byte[] unit, long timeUnixMs)
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
