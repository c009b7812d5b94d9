using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Payload;
using TagoFirmware.Readings;
using TagoFirmware.Sensors;
using TagoFirmware.Connection;
using TagoFirmware.Platform;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Node
{
    /// <summary>Publishes due payloads, diagnostics and <c>ping</c>; owns the payload in flight until delivered (PUBACK or <c>OK|n</c>) or returned.</summary>
    public sealed class UplinkPublisher
    {
        private readonly ConnectionSupervisor _link;
        private readonly ReadingQueue _queue;
        private readonly DiagnosticsCounters _counters;
        private readonly NodePorts _ports;
        private readonly ILog _log;
        private readonly ItemWriter _writer;
        private readonly TagoTipUplink _tip;
        private readonly bool _atLeastOnce;
        private readonly int _batchIntervalMs;
        private ReadingBatcher _batcher;
        private bool _flush;
        private int _dataMsgId = -1;
        private int _diagMsgId = -1;
        private int _refused;
        private long _diagRetryAtMs;

        /// <summary>Creates the publisher, its one payload buffer and variable table (pre-encoded names and units).</summary>
        public UplinkPublisher(NodeConfig config, ReadingQueue queue, ConnectionSupervisor link, DiagnosticsCounters counters,
            NodePorts ports, TagoTipUplink tip)
        {
            _tip = tip;
            _link = link;
            _queue = queue;
            _counters = counters;
            _ports = ports;
            _log = ports.Log;
            _atLeastOnce = tip != null || config.Int(ConfigKeys.MqttQos) != 0;
            _batchIntervalMs = config.Int(ConfigKeys.SamplingBatchInterval) * 1000;

            int bufferBytes = config.Int(ConfigKeys.SamplingPayloadBuffer);
            byte[] buffer = new byte[bufferBytes < DiagnosticsPayload.RecommendedBufferSize ? DiagnosticsPayload.RecommendedBufferSize : bufferBytes];

            byte[][] names = new byte[config.Sensors.Length * Sampler.VariablesPerSensor][];
            byte[][] units = new byte[names.Length][];
            byte[] celsius = TagoUtf8.GetBytes("\u00b0C");
            byte[] percent = { (byte)'%' };
            for (int i = 0; i < names.Length; i++)
            {
                // Variables by sensor: temperature, humidity, dew point (Sampler's order).
                SensorConfig s = config.Sensors[i / Sampler.VariablesPerSensor];
                int k = i % Sampler.VariablesPerSensor;
                names[i] = TagoUtf8.GetBytes(s.VariableName(k));
                units[i] = k == 1 ? percent : celsius;
            }

            _writer = tip == null ? new TagoJsonWriter(buffer, names, units) : (ItemWriter)new TagoTipWriter(buffer, names, units);
        }

        /// <summary>Monotonic time the node started (diagnostics' uptime counts from it).</summary>
        public long StartMs { get; set; }

        /// <summary>Data payloads delivered: acknowledged at QoS 1, sent at QoS 0.</summary>
        public int PayloadsAcked { get; private set; }

        /// <summary>Nothing left to send, report or wait for, no diagnostics due (a battery wake ends on this).</summary>
        public bool IsIdle => _queue.PublishableCount == 0 && !_queue.IsReportPending && _queue.InFlightTicket == 0
            && _diagMsgId < 0 && !_counters.IsDue;

        /// <summary>Sets the batch size: after the queue loaded (restored readings go out first as a backlog), and on <c>batch</c>.</summary>
        public void SetBatchSize(int batchSize)
        {
            _batcher = _batcher ?? new ReadingBatcher(_queue, batchSize, _batchIntervalMs, ReadingBatcher.DefaultMinPublishSpacingMs);
            _batcher.BatchSize = batchSize;
        }

        /// <summary>Sends everything publishable now, ignoring the batch interval (battery mode's publishing wake).</summary>
        public void RequestFlush()
        {
            _flush = true;
            _batcher.RequestFlush();
        }

        /// <summary>When a payload may become due without new readings (as of the latest <see cref="Step"/>), or long.MaxValue.</summary>
        public long NextDueMs { get; private set; } = long.MaxValue;

        /// <summary>Publishes what is due (call after the connection's step) and works out <see cref="NextDueMs"/>.</summary>
        public void Step(long nowMs)
        {
            _queue.RetryStore(nowMs);
            long due = long.MaxValue;
            int session = 1;
            if (_tip != null)
            {
                bool work = _queue.PublishableCount > 0 || _queue.IsReportPending || _counters.IsDue;
                session = _tip.StepSession(nowMs, _link, work,
                    _flush || _counters.IsDue ? 0 : _batcher.MillisecondsUntilDue((uint)nowMs), ref due);
                if (session < 0)
                {
                    Settle(InFlightId, false, false);
                }
            }

            // StepSession returns 1 only while online.
            if (session <= 0 || !_link.IsOnline)
            {
                NextDueMs = due;
                return;
            }

            uint now = (uint)nowMs;
            // TagoTiP reaches here only with nothing in flight (StepSession returned 1).
            if (_dataMsgId < 0)
            {
                uint wait = _batcher.MillisecondsUntilDue(now);
                if (wait == 0)
                {
                    PublishData(_batcher.DueCount(now), nowMs);
                    wait = _dataMsgId < 0 ? _batcher.MillisecondsUntilDue(now) : uint.MaxValue;
                }

                if (wait != uint.MaxValue)
                {
                    due = NodeWiring.Min(due, nowMs + wait);
                }
            }

            if (_diagMsgId < 0 && _counters.IsDue && (_tip == null || _dataMsgId < 0))
            {
                if (nowMs >= _diagRetryAtMs)
                {
                    PublishDiagnostics(nowMs);
                }

                if (_diagMsgId < 0 && _counters.IsDue && _diagRetryAtMs < due)
                {
                    due = _diagRetryAtMs;
                }
            }

            NextDueMs = _tip != null && InFlightId >= 0 ? NodeWiring.Min(due, _tip.ReceiptDeadlineMs) : due;
        }

        /// <summary>Acts on the connection's report: deliveries remove readings, losses return them, receipts decide; TagoTiP's commands replace its messages.</summary>
        public void OnReport(LinkReport report, long nowMs)
        {
            if (_tip != null)
            {
                // Receipts first: a session closed in the same step must not return a frame its receipt settled.
                // The commands (CMD|…) take the report's messages' place, as topics for the command processor.
                int commands = 0;
                for (int i = 0; i < report.MessageCount; i++)
                {
                    byte[] payload = report.Payloads[i];
                    report.Topics[i] = null;
                    report.Payloads[i] = null;
                    TagoTipAction action = _tip.Receipts.OnAck(payload);
                    if (action == TagoTipAction.Command)
                    {
                        report.Topics[commands] = _tip.Command(payload, out report.Payloads[commands]);
                        commands++;
                    }
                    else if (action != TagoTipAction.Ignore)
                    {
                        // Delivered or dropped (quarantined) leaves the queue; every other answer keeps the frame queued.
                        Settle(InFlightId, action == TagoTipAction.Delivered || action == TagoTipAction.DeliveredCountMismatch, action == TagoTipAction.Quarantine);
                        _tip.OnReceipt(action, nowMs, _link);
                    }
                }

                report.MessageCount = commands;
            }

            for (int i = 0; _tip == null && i < report.AckedCount; i++)
            {
                // A PUBACK delivers only on the legacy transport (TagoTiP waits for OK|n).
                Settle(report.Acked[i], true, false);
            }

            for (int i = 0; i < report.LostCount; i++)
            {
                Settle(report.Lost[i], false, false);
            }
        }

        // TagoTiP has one payload in flight at a time (its receipts name no message id).
        private int InFlightId => _dataMsgId >= 0 ? _dataMsgId : _diagMsgId;

        // The payload with this message id is delivered, dropped (quarantined) or returned to the queue, if one has it.
        private void Settle(int id, bool delivered, bool drop)
        {
            if (id < 0)
            {
                return;
            }

            if (id == _dataMsgId)
            {
                _dataMsgId = -1;
                if (!delivered && !drop)
                {
                    _batcher.OnLost(_queue.InFlightTicket);
                }
                else if (_batcher.OnAcknowledged(_queue.InFlightTicket) && delivered)
                {
                    Delivered();
                }
            }
            else if (id == _diagMsgId)
            {
                // Diagnostics are a snapshot: send a fresh one instead of a lost one.
                _diagMsgId = -1;
                if (!delivered && !drop)
                {
                    _counters.Request();
                }
            }
            else
            {
                return;
            }

            if (_tip != null)
            {
                // The frame no longer awaits a receipt.
                _tip.Receipts.InFlight = false;
            }
        }

        // Starts a payload: TagoTiP takes the next !N first (false: none to be had, nothing is sent).
        private bool Begin(bool readings)
        {
            if (_tip != null)
            {
                long sequence = _tip.NextSequence();
                if (sequence < 0)
                {
                    return false;
                }

                ((TagoTipWriter)_writer).Prepare(sequence, readings ? _queue : null, _tip.Receipts.CycleLimit);
            }

            _writer.Reset();
            return true;
        }

        private void PublishData(int due, long nowMs)
        {
            if (!Begin(true))
            {
                return;
            }

            bool counters = false;
            if (_queue.IsReportPending)
            {
                // Counter items carry no time: TagoIO stamps them on arrival. They go first: small, never crowded out.
                counters = WriteCounter(DiagnosticsPayload.DroppedReadings, _queue.UnreportedDroppedReadings)
                    && WriteCounter(DiagnosticsPayload.UntimedReadings, _queue.UnreportedUntimedReadings);
                if (!counters)
                {
                    _writer.Reset();
                }
            }

            int taken = 0;
            for (; taken < due; taken++)
            {
                TagoWriteResult r = _writer.Reading(_queue.GetVariableIndex(taken), _queue.GetScaledValue(taken), _queue.GetDecimals(taken), _queue.GetTimeUnixMs(taken));
                if (r == TagoWriteResult.BufferFull)
                {
                    // The rest waits for the next payload; nothing is lost because it did not fit.
                    break;
                }

                if (r != TagoWriteResult.Ok)
                {
                    // Never sendable: taken (removed on delivery) rather than blocking the queue forever.
                    _refused++;
                    NodeWiring.Write(_log, LogLevel.Error, "reading refused: code " + ((int)r).ToString() + " (" + _refused.ToString() + " so far)");
                }
            }

            // 0 when nothing was taken and no counters were written.
            int ticket = _batcher.Take(taken, counters, (uint)nowMs);
            if (ticket == 0)
            {
                return;
            }

            // Only refused readings: the ticket is delivered without publishing an empty array.
            bool empty = _writer.ItemCount == 0;
            int id = empty ? 0 : Push(nowMs);
            if (id < 0)
            {
                _batcher.OnLost(ticket);
            }
            else if (!empty && _atLeastOnce)
            {
                _dataMsgId = id;
            }
            else if (_batcher.OnAcknowledged(ticket) && !empty)
            {
                Delivered();
            }
        }

        private bool WriteCounter(byte[] name, int value) =>
            value <= 0 || _writer.Item(name, value, null, null, -1) == TagoWriteResult.Ok;

        /// <summary>Answers <c>diagnostics</c>/<c>ping</c>: diagnostics at the next chance; a legacy ping also republishes "online".</summary>
        public void Answer(bool ping)
        {
            UplinkTransport t = _link.Transport;
            int id = ping && t.StatusTopic != null ? _link.Publish(t.StatusTopic, t.OnlinePayload, 1) : 0;
            if (id < 0)
            {
                NodeWiring.Write(_log, LogLevel.Warning, "ping: status not published (" + id.ToString() + ")");
            }

            _diagRetryAtMs = 0;
        }

        private void PublishDiagnostics(long nowMs)
        {
            if (!Begin(false))
            {
                return;
            }

            // In DiagnosticsPayload.ReservedNames order; fw_version (13) comes from the counters.
            long[] v = _counters.Values;
            IPlatformInfo platform = _ports.Platform;
            long heap = platform == null ? -1 : platform.HeapFreeBytes();
            int rssi;
            v[0] = (nowMs - StartMs) / 1000;
            v[1] = heap < 0 ? DiagnosticsPayload.Omitted : heap;
            v[2] = (int)_counters.BootReason;
            v[3] = _link.Reconnects;
            v[4] = _link.AuthFailures;
            v[5] = _queue.DroppedReadings;
            v[6] = _queue.UntimedReadings;
            v[7] = _queue.StoreErrors;
            v[8] = _queue.UnsavedAcks;
            v[9] = _tip == null ? 0 : _tip.Receipts.Quarantined;
            v[10] = _counters.SensorErrors;
            v[11] = _counters.CommandErrors;
            v[12] = _queue.Count;
            v[14] = platform != null && platform.TryGetRssi(out rssi) ? rssi : DiagnosticsPayload.Omitted;

            TagoWriteResult r = DiagnosticsPayload.Write(_writer, _counters, NodeWiring.WallMs(_ports.Clock));
            if (r != TagoWriteResult.Ok)
            {
                NodeWiring.Write(_log, LogLevel.Error, "diagnostics refused: code " + ((int)r).ToString());
                _counters.MarkPublished();
                return;
            }

            int id = Push(nowMs);
            if (id < 0)
            {
                // Not now (too many in flight, or the link went away): try again a second later.
                _diagRetryAtMs = nowMs + 1000;
                return;
            }

            _counters.MarkPublished();
            if (_atLeastOnce)
            {
                _diagMsgId = id;
            }
        }

        // Publishes the payload written (TagoTiP then awaits its receipt); returns the message id, negative when not taken.
        private int Push(long nowMs)
        {
            int id = _link.PublishData(_writer.CopyPayload());
            if (id >= 0 && _tip != null)
            {
                _tip.OnPushed(nowMs, _link.ConnectedAtMs, _writer.ItemCount, _writer.Cycles);
            }

            return id;
        }

        private void Delivered()
        {
            PayloadsAcked++;
            _counters.OnPayloadPublished();
        }
    }
}
