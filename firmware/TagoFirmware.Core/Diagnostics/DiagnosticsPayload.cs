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
            TagoWriteResult r = Number(TagoWriteResult.Ok, writer, DiagnosticsNames.UptimeSeconds, counters.UptimeSeconds, s_seconds, t);
            r = counters.HeapFree < 0 ? r : Number(r, writer, DiagnosticsNames.HeapFree, counters.HeapFree, s_bytes, t);
            r = Text(r, writer, DiagnosticsNames.BootReason, DiagnosticsNames.BootReasonValue(counters.BootReason), t);
            r = Number(r, writer, DiagnosticsNames.Reconnects, counters.Reconnects, null, t);
            r = Number(r, writer, DiagnosticsNames.AuthFailures, counters.AuthFailures, null, t);
            r = Number(r, writer, DiagnosticsNames.DroppedReadings, counters.DroppedReadings, null, t);
            r = Number(r, writer, DiagnosticsNames.UntimedReadings, counters.UntimedReadings, null, t);
            r = counters.StoreErrors == 0 ? r : Number(r, writer, DiagnosticsNames.StoreErrors, counters.StoreErrors, null, t);
            r = counters.UnsavedAcks == 0 ? r : Number(r, writer, DiagnosticsNames.UnsavedAcks, counters.UnsavedAcks, null, t);
            r = counters.Quarantined == 0 ? r : Number(r, writer, DiagnosticsNames.Quarantined, counters.Quarantined, null, t);
            r = Number(r, writer, DiagnosticsNames.SensorErrors, counters.SensorErrors, null, t);
            r = Number(r, writer, DiagnosticsNames.CommandErrors, counters.CommandErrors, null, t);
            r = Number(r, writer, DiagnosticsNames.QueueDepth, counters.QueueDepth, null, t);
            r = Text(r, writer, DiagnosticsNames.FirmwareVersion, counters.FirmwareVersionUtf8, t);
            r = !counters.HasRssi ? r : Number(r, writer, DiagnosticsNames.Rssi, counters.RssiDbm, s_dbm, t);
            if (r != TagoWriteResult.Ok)
            {
                writer.Reset();
                return r;
            }

            writer.Close();
            return TagoWriteResult.Ok;
        }

        // Each item helper passes an earlier error on and writes nothing after it.
        private static TagoWriteResult Number(TagoWriteResult r, IItemWriter writer, byte[] name, long value, byte[] unit, long timeUnixMs)
        {
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            writer.BeginItem(name);
            writer.Value(value);
            if (unit != null)
            {
                writer.Unit(unit);
            }

            return Finish(writer, timeUnixMs);
        }

        private static TagoWriteResult Text(TagoWriteResult r, IItemWriter writer, byte[] name, byte[] value, long timeUnixMs)
        {
            if (r != TagoWriteResult.Ok)
            {
                return r;
            }

            writer.BeginItem(name);
            writer.Value(value);
            return Finish(writer, timeUnixMs);
        }

        private static TagoWriteResult Finish(IItemWriter writer, long timeUnixMs)
        {
            if (timeUnixMs >= 0)
            {
                writer.TimeUnixMs(timeUnixMs);
            }

            // The first error of an item sticks and is reported by EndItem, so checking it once is enough.
            return writer.EndItem();
        }
    }
}
