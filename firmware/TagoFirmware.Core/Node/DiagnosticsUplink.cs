using System;
using TagoFirmware.Connection;
using TagoFirmware.Diagnostics;
using TagoFirmware.Payload;
using TagoFirmware.Platform;
using TagoFirmware.Readings;

namespace TagoFirmware.Node
{
    /// <summary>
    /// The diagnostics payload and the <c>ping</c> answer: reads the figures where they live (connection, queue,
    /// TagoTiP receipts, platform) into <see cref="DiagnosticsCounters"/>, writes them through the uplink's writer and
    /// publishes them. The <see cref="UplinkPublisher"/> decides when (it owns the payload in flight) and keeps the
    /// message id this returns.
    /// </summary>
    public sealed class DiagnosticsUplink
    {
        private readonly DiagnosticsCounters _counters;
        private readonly DiagnosticsPolicy _policy;
        private readonly ReadingQueue _queue;
        private readonly ConnectionSupervisor _link;
        private readonly TagoTipUplink _tip;
        private readonly IPlatformInfo _platform;
        private readonly IClock _clock;
        private readonly ILog _log;

        /// <summary>Creates the diagnostics half of the uplink.</summary>
        public DiagnosticsUplink(DiagnosticsCounters counters, DiagnosticsPolicy policy, ReadingQueue queue, ConnectionSupervisor link,
            TagoTipUplink tip, NodePorts ports)
        {
            _counters = counters;
            _policy = policy;
            _queue = queue;
            _link = link;
            _tip = tip;
            _platform = ports.Platform;
            _clock = ports.Clock;
            _log = ports.Log;
        }

        /// <summary>When a diagnostics payload that could not be published is tried again (0: at the next chance).</summary>
        public long RetryAtMs { get; private set; }

        /// <summary>Monotonic time the node started (uptime counts from it).</summary>
        public long StartMs { get; set; }

        /// <summary>
        /// Answers a <c>diagnostics</c> or <c>ping</c> command: diagnostics go out at the next chance even if a retry
        /// was pending. A ping on the legacy transport also publishes the "online" status again (QoS 1, status topic),
        /// which refreshes the dashboard now; TagoTiP has no status, its answer is the diagnostics frame.
        /// </summary>
        public void Answer(bool ping)
        {
            IUplinkTransport t = _link.Transport;
            if (ping && t.StatusTopic != null)
            {
                int id = _link.Publish(t.StatusTopic, t.OnlinePayload, 1);
                if (id < 0)
                {
                    NodeWiring.Write(_log, LogLevel.Warning, "ping: status not published (" + id.ToString() + ")");
                }
            }

            RetryAtMs = 0;
        }

        /// <summary>Reads the figures, writes the payload with <paramref name="writer"/> (already begun) and publishes it.</summary>
        public int Publish(IItemWriter writer, long nowMs)
        {
            // The figures are read where they live, once per diagnostics payload.
            DiagnosticsCounters c = _counters;
            c.UptimeSeconds = (nowMs - StartMs) / 1000;
            c.HeapFree = _platform == null ? -1 : _platform.HeapFreeBytes();
            c.QueueDepth = _queue.Count;
            c.Reconnects = _link.Reconnects;
            c.AuthFailures = _link.AuthFailures;
            c.DroppedReadings = _queue.DroppedReadings;
            c.UntimedReadings = _queue.UntimedReadings;
            c.StoreErrors = _queue.StoreErrors;
            c.UnsavedAcks = _queue.UnsavedAcks;
            c.Quarantined = _tip == null ? 0 : _tip.Receipts.Quarantined;
            int rssi;
            if (_platform != null && _platform.TryGetRssi(out rssi))
            {
                c.SetRssi(rssi);
            }
            else
            {
                c.ClearRssi();
            }

            DateTime utc = _clock.UtcNow;
            TagoWriteResult r = DiagnosticsPayload.Write(writer, c, WallClock.IsValid(utc) ? WallClock.ToUnixMs(utc) : -1);
            if (r != TagoWriteResult.Ok)
            {
                NodeWiring.Write(_log, LogLevel.Error, "diagnostics payload refused: code " + ((int)r).ToString());
                _policy.MarkPublished();
                return -1;
            }

            int id = _link.PublishData(writer.CopyPayload());
            if (id < 0)
            {
                // Not now (too many in flight, or the link went away): try again a second later.
                RetryAtMs = nowMs + 1000;
                return -1;
            }

            _policy.MarkPublished();
            return id;
        }
    }
}
