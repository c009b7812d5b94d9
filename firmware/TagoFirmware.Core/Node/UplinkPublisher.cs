using System;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Payload;
using TagoFirmware.Readings;
using TagoFirmware.Sensors;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Node
{
    /// <summary>
    /// Sends what the queue holds: decides with the <see cref="ReadingBatcher"/> when a payload is due, writes it with
    /// one <see cref="TagoJsonWriter"/> over one buffer, publishes it through the connection, and owns the one data
    /// payload in flight: its message id, its acknowledgement and the hand-back of its readings to the queue (removed
    /// on the ack, returned on a loss). Also the diagnostics payload and the <c>ping</c> status answer.
    /// </summary>
    /// <remarks>Per reading nothing is allocated; per payload one exact-length array (M2Mqtt's Publish takes a whole
    /// array and keeps it until the ack). Main loop only, between connection steps.</remarks>
    public sealed class UplinkPublisher
    {
        private readonly ConnectionSupervisor _link;
        private readonly ReadingQueue _queue;
        private readonly DiagnosticsCounters _counters;
        private readonly DiagnosticsPolicy _policy;
        private readonly IPlatformInfo _platform;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly TagoJsonWriter _writer;
        private readonly bool _atLeastOnce;
        private readonly int _batchIntervalMs;
        private readonly byte[] _group = new byte[ReadingGroupId.Length];
        private readonly TagoText[] _names;
        private readonly TagoText[] _units;
        private ReadingBatcher _batcher;
        private bool _flush;
        private int _dataMsgId = -1;
        private int _diagMsgId = -1;
        private long _diagRetryAtMs;
        private long _startMs;
        private int _refused;

        /// <summary>Creates the publisher and its variable table (pre-encoded names and units).</summary>
        /// <param name="config">The node's configuration (sensors' variable names, batch, QoS, buffer size).</param>
        /// <param name="queue">The reading queue.</param>
        /// <param name="link">The connection it publishes through.</param>
        /// <param name="counters">Diagnostics figures kept at their source (sensor and command errors).</param>
        /// <param name="policy">When diagnostics are due.</param>
        /// <param name="ports">Platform facts, clock and log.</param>
        public UplinkPublisher(NodeConfig config, ReadingQueue queue, ConnectionSupervisor link, DiagnosticsCounters counters,
            DiagnosticsPolicy policy, NodePorts ports)
        {
            _link = link;
            _queue = queue;
            _counters = counters;
            _policy = policy;
            _platform = ports.Platform;
            _clock = ports.Clock;
            _log = ports.Log;
            _atLeastOnce = config.Mqtt.Qos != 0;
            _batchIntervalMs = config.Sampling.BatchIntervalSeconds * 1000;

            // One buffer for every payload, allocated once; never smaller than a full diagnostics payload.
            int bufferBytes = config.Sampling.PayloadBufferBytes;
            _writer = new TagoJsonWriter(new byte[bufferBytes < DiagnosticsPayload.RecommendedBufferSize
                ? DiagnosticsPayload.RecommendedBufferSize : bufferBytes]);

            int sensors = config.Sensors == null ? 0 : config.Sensors.Length;
            _names = new TagoText[sensors * Sampler.VariablesPerSensor];
            _units = new TagoText[_names.Length];
            TagoText celsius = TagoText.From("\u00b0C");
            TagoText percent = TagoText.From("%");
            for (int i = 0; i < sensors; i++)
            {
                SensorConfig s = config.Sensors[i];
                // The configuration validated the names (TagoIO's a-z, 0-9, _) and resolved their suffixes.
                int at = i * Sampler.VariablesPerSensor;
                _names[at] = TagoText.From(TagoUtf8.GetBytes(s.TemperatureVariableName));
                _names[at + 1] = TagoText.From(TagoUtf8.GetBytes(s.HumidityVariableName));
                _names[at + 2] = TagoText.From(TagoUtf8.GetBytes(s.DewPointVariableName));
                _units[at] = celsius;
                _units[at + 1] = percent;
                _units[at + 2] = celsius;
            }
        }

        /// <summary>Data payloads delivered: acknowledged at QoS 1, sent at QoS 0.</summary>
        public int PayloadsAcked { get; private set; }

        /// <summary>Data payloads handed to the MQTT client (resends included).</summary>
        public int PayloadsSent { get; private set; }

        /// <summary>Readings per payload in force.</summary>
        public int BatchSize => _batcher.BatchSize;

        /// <summary>
        /// Nothing left to send: no reading publishable, no counters to report, no payload awaiting its ack and no
        /// diagnostics due (battery mode ends its wake on this).
        /// </summary>
        public bool IsIdle => _queue.PublishableCount == 0 && !_queue.IsReportPending && _queue.InFlightTicket == 0
            && _dataMsgId < 0 && _diagMsgId < 0 && !_policy.IsDue;

        /// <summary>Starts publishing with a batch size; after the queue was loaded, so restored readings count as a
        /// backlog and go out first.</summary>
        /// <param name="nowMs">Start time (diagnostics uptime counts from it).</param>
        /// <param name="batchSize">Readings per payload.</param>
        public void Start(long nowMs, int batchSize)
        {
            _startMs = nowMs;
            SetBatchSize(batchSize);
        }

        /// <summary>Changes the batch size (the queue keeps the in-flight ticket, so delivery carries on).</summary>
        /// <param name="batchSize">Readings per payload.</param>
        public void SetBatchSize(int batchSize)
        {
            if (_batcher == null || _batcher.BatchSize != batchSize)
            {
                _batcher = new ReadingBatcher(_queue, batchSize, _batchIntervalMs, ReadingBatcher.DefaultMinPublishSpacingMs, _atLeastOnce);
                if (_flush)
                {
                    _batcher.RequestFlush();
                }
            }
        }

        /// <summary>Sends everything publishable now, ignoring the batch interval (battery mode's publishing wake).</summary>
        public void RequestFlush()
        {
            _flush = true;
            _batcher.RequestFlush();
        }

        /// <summary>Sends diagnostics at the next step even if a retry was pending (the policy was asked by a command).</summary>
        public void DiagnosticsNow()
        {
            _diagRetryAtMs = 0;
        }

        /// <summary>When a payload may become due without new readings (as of the latest <see cref="Step"/>), or long.MaxValue.</summary>
        public long NextDueMs { get; private set; } = long.MaxValue;

        /// <summary>Publishes what is due (call after the connection's step) and works out <see cref="NextDueMs"/>.</summary>
        /// <param name="nowMs">Monotonic time now.</param>
        public void Step(long nowMs)
        {
            _queue.RetryStore(nowMs);
            long due = long.MaxValue;
            if (!_link.IsOnline)
            {
                NextDueMs = due;
                return;
            }

            uint now = (uint)nowMs;
            if (_dataMsgId < 0)
            {
                // One batcher question per step in the common case: "how long until a payload is due?".
                uint wait = _batcher.MillisecondsUntilDue(now);
                if (wait == 0)
                {
                    PublishData(_batcher.DueCount(now), now);
                    wait = _dataMsgId < 0 ? _batcher.MillisecondsUntilDue(now) : uint.MaxValue;
                }

                if (wait != uint.MaxValue)
                {
                    due = nowMs + wait;
                }
            }

            if (_diagMsgId < 0 && _policy.IsDue)
            {
                if (nowMs >= _diagRetryAtMs)
                {
                    PublishDiagnostics(nowMs);
                }

                if (_diagMsgId < 0 && _policy.IsDue && _diagRetryAtMs < due)
                {
                    due = _diagRetryAtMs;
                }
            }

            NextDueMs = due;
        }

        /// <summary>Acts on what the connection's step reported: acks remove readings, losses return them.</summary>
        /// <param name="report">The connection's report of its latest step.</param>
        public void OnReport(LinkReport report)
        {
            for (int i = 0; i < report.AckedCount; i++)
            {
                int id = report.Acked[i];
                if (id == _dataMsgId)
                {
                    _dataMsgId = -1;
                    if (_batcher.OnAcknowledged(_queue.InFlightTicket) == ReadingAckResult.Applied)
                    {
                        Delivered();
                    }
                }
                else if (id == _diagMsgId)
                {
                    _diagMsgId = -1;
                }
            }

            for (int i = 0; i < report.LostCount; i++)
            {
                int id = report.Lost[i];
                if (id == _dataMsgId)
                {
                    _dataMsgId = -1;
                    _batcher.OnLost(_queue.InFlightTicket);
                }
                else if (id == _diagMsgId)
                {
                    // Diagnostics are a snapshot: send a fresh one instead of the lost one.
                    _diagMsgId = -1;
                    _policy.Request();
                }
            }
        }

        /// <summary>Answers a <c>ping</c>: the "online" status again (QoS 1, status topic) refreshes the dashboard now;
        /// the diagnostics the ping also requested follow on the data topic.</summary>
        public void PublishStatus()
        {
            IUplinkTransport t = _link.Transport;
            int id = _link.Publish(t.StatusTopic, t.OnlinePayload, 1);
            if (id < 0)
            {
                Log(LogLevel.Warning, "ping: status not published (" + id.ToString() + ")");
            }

            _diagRetryAtMs = 0;
        }

        private void PublishData(int due, uint now)
        {
            _writer.Reset();
            bool counters = false;
            if (_queue.IsReportPending)
            {
                // Counter items carry no time: TagoIO stamps them on arrival. They go first: small, never crowded out.
                counters = WriteCounter(DiagnosticsNames.DroppedReadings, _queue.UnreportedDroppedReadings)
                    && WriteCounter(DiagnosticsNames.UntimedReadings, _queue.UnreportedUntimedReadings);
                if (!counters)
                {
                    _writer.Reset();
                }
            }

            int taken = 0;
            for (; taken < due; taken++)
            {
                TagoWriteResult r = WriteReading(taken);
                if (r == TagoWriteResult.BufferFull)
                {
                    // The rest waits for the next payload; nothing is lost because it did not fit.
                    break;
                }

                if (r != TagoWriteResult.Ok)
                {
                    // A reading the writer refuses can never be sent: it is taken (removed on delivery), not kept
                    // blocking the queue forever.
                    _refused++;
                    Log(LogLevel.Error, "reading refused by the payload writer: code " + ((int)r).ToString() + " (" + _refused.ToString() + " so far)");
                }
            }

            int ticket = taken == 0 && !counters ? 0 : _batcher.Take(taken, counters, now);
            if (ticket == 0)
            {
                return;
            }

            if (_writer.ItemCount == 0)
            {
                // Only refused readings: deliver the ticket without publishing an empty array.
                _batcher.OnSent(ticket);
                if (_atLeastOnce)
                {
                    _batcher.OnAcknowledged(ticket);
                }

                return;
            }

            int id = _link.PublishData(_writer.CopyPayload());
            if (id < 0)
            {
                _batcher.OnLost(ticket);
                return;
            }

            PayloadsSent++;
            if (_atLeastOnce)
            {
                _dataMsgId = id;
            }
            else
            {
                _batcher.OnSent(ticket);
                Delivered();
            }
        }

        private bool WriteCounter(byte[] name, int value)
        {
            if (value <= 0)
            {
                return true;
            }

            _writer.BeginItem(name);
            _writer.Value((long)value);
            return _writer.EndItem() == TagoWriteResult.Ok;
        }

        private TagoWriteResult WriteReading(int i)
        {
            int variable = _queue.GetVariableIndex(i);
            if (variable < 0 || variable >= _names.Length)
            {
                return TagoWriteResult.InvalidVariable;
            }

            _writer.BeginItem(_names[variable]);
            _writer.Value(_queue.GetValue(i), _queue.GetDecimals(i));
            _writer.Unit(_units[variable]);
            _writer.TimeUnixMs(_queue.GetTimeUnixMs(i));
            if (_queue.WriteGroupId(i, _group, 0) == ReadingGroupId.Length)
            {
                _writer.Group(_group);
            }

            return _writer.EndItem();
        }

        private void PublishDiagnostics(long nowMs)
        {
            // The figures are read where they live, once per diagnostics payload.
            DiagnosticsCounters c = _counters;
            c.UptimeSeconds = (nowMs - _startMs) / 1000;
            c.HeapFree = _platform == null ? -1 : _platform.HeapFreeBytes();
            c.QueueDepth = _queue.Count;
            c.Reconnects = _link.Reconnects;
            c.AuthFailures = _link.AuthFailures;
            c.DroppedReadings = _queue.DroppedReadings;
            c.UntimedReadings = _queue.UntimedReadings;
            c.StoreErrors = _queue.StoreErrors;
            c.UnsavedAcks = _queue.UnsavedAcks;
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
            TagoWriteResult r = DiagnosticsPayload.Write(_writer, c, WallClock.IsValid(utc) ? WallClock.ToUnixMs(utc) : -1);
            if (r != TagoWriteResult.Ok)
            {
                Log(LogLevel.Error, "diagnostics payload refused: code " + ((int)r).ToString());
                _policy.MarkPublished();
                return;
            }

            int id = _link.PublishData(_writer.CopyPayload());
            if (id < 0)
            {
                // Not now (too many in flight, or the link went away): try again a second later.
                _diagRetryAtMs = nowMs + 1000;
                return;
            }

            _policy.MarkPublished();
            if (_atLeastOnce)
            {
                _diagMsgId = id;
            }
        }

        private void Delivered()
        {
            PayloadsAcked++;
            _policy.OnPayloadPublished();
        }

        private void Log(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, message);
            }
        }
    }
}
