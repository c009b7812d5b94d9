using System;
using TagoFirmware.Commands;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Readings;
using TagoFirmware.Sensors;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Node
{
    /// <summary>
    /// The node, wired: the <see cref="ConnectionSupervisor"/>, the <see cref="Sampler"/> (sensors → queue), the
    /// <see cref="ReadingQueue"/>, the <see cref="UplinkPublisher"/> (queue → broker, acks → queue) with its
    /// <see cref="DiagnosticsUplink"/> and <see cref="TagoTipUplink"/>, the <see cref="CommandHandOff"/> and, in battery
    /// mode, the <see cref="BatteryWake"/> policy. Each step runs them in that order and passes what
    /// one reports to the next; nobody calls back into a component in the middle of its step. docs/architecture.md
    /// shows the data flow.
    /// </summary>
    /// <remarks>No threads, sleeps or device APIs: everything runs under a fake clock in tests. Main loop only, except
    /// <see cref="FlushForReboot"/>, which the device watchdog may call when the loop hangs.</remarks>
    public sealed class SensorNode
    {
        /// <summary>QoS 1 publishes the node may have awaiting their PUBACK: one data batch, one diagnostics payload
        /// and one <c>ping</c> status. The ESP32 app sizes M2Mqtt's in-flight queue from it (plus the connection's own
        /// status slot).</summary>
        public const int MaxInFlightPublishes = 3;

        private readonly NodeConfig _config;
        private readonly NodePorts _ports;
        private readonly ConnectionSupervisor _link;
        private readonly ReadingQueue _queue;
        private readonly DiagnosticsCounters _counters;
        private readonly DiagnosticsPolicy _policy;
        private readonly CommandHandOff _commands;
        private readonly Sampler _sampler;
        private readonly UplinkPublisher _publisher;
        private readonly DiagnosticsUplink _diagnostics;
        private readonly BatteryWake _wake;
        private readonly TagoTipUplink _tip;
        private readonly NodeShutdown _end;
        private bool _started;
        private bool _ending;
        private long _onlineSinceMs = -1;
        private long _nextDueMs;
        private long _othersDueMs;
        private long _linkDueMs;

        /// <summary>Builds the node from a valid configuration and its ports. Nothing is read from storage yet.</summary>
        public SensorNode(NodeConfig config, byte[] configFileBytes, string macClientId, NodePorts ports)
        {
            if (config == null || ports == null)
            {
                throw new ArgumentNullException(config == null ? "config" : "ports");
            }

            bool battery = config.Sleep != null && config.Sleep.Mode == SleepMode.Deep;
            _counters = new DiagnosticsCounters(ports.Platform == null ? null : ports.Platform.FirmwareVersion);
            string[] labels;
            ReadPipeline[] pipelines = NodeWiring.BuildPipelines(config, ports, _counters, battery, out labels);
            _config = config;
            _ports = ports;
            ClientId = config.Mqtt.EffectiveClientId(macClientId);
            SessionOptions = NodeWiring.CreateSessionOptions(config, ClientId);
            _tip = config.UsesTagoTip ? new TagoTipUplink(config, ClientId, ports) : null;
            _link = new ConnectionSupervisor(SessionOptions, NodeWiring.CreateTransport(config, ClientId), ports);
            _policy = new DiagnosticsPolicy(config.Diagnostics == null ? DiagnosticsPolicy.DefaultEveryPayloads : config.Diagnostics.EveryPayloads);
            _queue = new ReadingQueue(config.Queue.Capacity, config.Queue.Persist ? ports.ReadingStore : null);
            _sampler = new Sampler(pipelines, labels, _queue, ports.Clock, ports.Log, battery);
            _diagnostics = new DiagnosticsUplink(_counters, _policy, _queue, _link, _tip, ports);
            _publisher = new UplinkPublisher(config, _queue, _link, _diagnostics, _policy, ports, _tip);
            _wake = battery ? new BatteryWake(config.Sleep) : null;
            _end = new NodeShutdown(_link, _queue, ports);

            _commands = new CommandHandOff(config, configFileBytes, battery, _tip != null ? _tip.CommandFilter : _link.Transport.CommandTopicFilter,
                _counters, _policy, ports);
        }

        /// <summary>The connection supervisor (state, LED, reconnects).</summary>
        public ConnectionSupervisor Supervisor => _link;

        /// <summary>The options the connection runs with.</summary>
        public SessionOptions SessionOptions { get; }

        /// <summary>The TagoTiP half of the uplink (sequence counter, receipts), or null for the legacy transport.</summary>
        public TagoTipUplink TagoTip => _tip;

        /// <summary>The reading queue (depth, dropped and untimed counts, boot counter).</summary>
        public ReadingQueue Queue => _queue;

        /// <summary>Sensor and command error counts (other diagnostics live with their owners).</summary>
        public DiagnosticsCounters Diagnostics => _counters;

        /// <summary>The effective client id (config, or derived from the MAC).</summary>
        public string ClientId { get; }

        /// <summary>The downlink commands and the settings in force (interval, batch size).</summary>
        public CommandHandOff Commands => _commands;

        /// <summary>The publisher: payloads sent and delivered.</summary>
        public UplinkPublisher Publisher => _publisher;

        /// <summary>The sampler: readings queued and cycles completed.</summary>
        public Sampler Sampler => _sampler;

        /// <summary>Data payloads delivered: acknowledged at QoS 1, sent at QoS 0.</summary>
        public int PayloadsAcked => _publisher.PayloadsAcked;

        /// <summary>Battery mode: which wakes publish, when a wake ends; null outside battery mode.</summary>
        public BatteryWake Wake => _wake;

        /// <summary>Battery mode: the wake is done (queue flushed, session ended); deep-sleep for <see cref="SleepMilliseconds"/>.</summary>
        public bool SleepRequested => _end.SleepRequested;

        /// <summary>How long to deep-sleep: the wake interval minus the time this wake was awake, at least 1 s.</summary>
        public int SleepMilliseconds => _end.SleepMilliseconds;

        /// <summary>True once the node has nothing more to do: asleep, stopped (<see cref="Stop"/>) or rebooting.</summary>
        public bool IsHalted => _end.Halted;

        /// <summary>Monotonic time of the next step: the earliest sensor read, sampling cycle, payload, connection deadline
        /// or check. A link event may make a step due sooner (the run loop waits on the inbox's signal too).</summary>
        public long NextStepDueMs => _nextDueMs;

        /// <summary>
        /// Loads what the node kept across the reboot: logs the configuration (secrets masked), loads the queue log and
        /// the command overrides, and in battery mode decides this wake. Called by the first <see cref="Step"/> if the
        /// app did not. Never throws.
        /// </summary>
        public void Start(long nowMs)
        {
            if (_started)
            {
                return;
            }

            _started = true;
            _nextDueMs = nowMs;
            try
            {
                NodeWiring.LogStart(_config, ClientId, _queue, _commands.Overrides, _commands.MinIntervalSeconds, _ports);
            }
            catch (Exception ex)
            {
                Failed(ex, " in Start");
            }

            if (_tip != null)
            {
                _tip.Load();
            }

            _counters.BootReason = _ports.Platform == null ? BootReason.PowerOnOrReset : _ports.Platform.BootReason;
            _sampler.SetInterval(_commands.Overrides.IntervalSeconds);
            _diagnostics.StartMs = nowMs;
            _publisher.SetBatchSize(_commands.Overrides.BatchSize);
            if (_wake != null)
            {
                Log(LogLevel.Info, _wake.Begin(nowMs, _queue.BootCounter, _queue.Count + _config.Sensors.Length * Sampler.VariablesPerSensor,
                    _counters.BootReason, _policy));
            }
        }

        /// <summary>
        /// One main-loop turn; returns quickly and never throws: the connection's step and what it reported (acks,
        /// losses, commands), the clock-sync time fill-in, sampling, publishing and the battery-mode end of wake.
        /// </summary>
        public void Step(long nowMs)
        {
            StepAll(nowMs, true);
        }

        private void StepAll(long nowMs, bool stepLink)
        {
            if (!_started)
            {
                Start(nowMs);
            }

            bool connects = _wake == null || _wake.Publishes;
            if (_end.Halted)
            {
                _nextDueMs = long.MaxValue;
                return;
            }

            try
            {
                if (connects)
                {
                    if (stepLink)
                    {
                        _link.Step(nowMs);
                    }

                    OnReport(nowMs, _link.Report);
                }

                if (_end.Check())
                {
                    _ending = true;
                    _nextDueMs = long.MaxValue;
                    return;
                }

                if (_end.Stopping)
                {
                    _nextDueMs = _link.NextDueMs;
                    return;
                }

                if (!_queue.IsClockSynced)
                {
                    NodeWiring.FillInTimes(_queue, _ports.Clock, nowMs, _ports.Log);
                }

                Sample(nowMs);

                _publisher.Step(nowMs);
                if (_tip != null && _tip.RebootRequested != RebootReason.None)
                {
                    StopThen(nowMs, _tip.RebootRequested);
                    return;
                }

                if (_wake != null && _sampler.CyclesCompleted > 0)
                {
                    string reason = _wake.EndReason(nowMs, _publisher.IsIdle, _onlineSinceMs);
                    if (reason != null)
                    {
                        GoToSleep(nowMs, reason);
                        return;
                    }
                }
            }
            catch (Exception ex)
            {
                Failed(ex, " in Step");
            }

            long others = _publisher.NextDueMs;
            if (_wake != null && _sampler.CyclesCompleted > 0)
            {
                others = Min(others, _wake.NextDueMs(_onlineSinceMs));
            }

            _othersDueMs = others;
            _linkDueMs = connects ? _link.NextDueMs : long.MaxValue;
            SetNextDue(nowMs);
        }

        /// <summary>
        /// The run loop's step. Most steps serve one part only: a DHT sample takes several reads seconds apart, and an
        /// online connection checks the network every few seconds. When no link event arrived and neither the publisher
        /// nor the battery wake is due, steps only the sensors and, when due, the connection; a full <see cref="Step"/>
        /// follows when the connection reported anything or a sampling cycle ended. Never throws.
        /// </summary>
        public void StepDue(long nowMs, bool linkEvent)
        {
            if (linkEvent || !_started || _ending || nowMs >= _othersDueMs)
            {
                Step(nowMs);
                return;
            }

            try
            {
                bool linkStepped = nowMs >= _linkDueMs;
                if (linkStepped)
                {
                    _link.Step(nowMs);
                    LinkReport r = _link.Report;
                    if (_link.IsStopped || r.WentOnline || r.WentOffline || r.AckedCount + r.LostCount + r.MessageCount > 0)
                    {
                        StepAll(nowMs, false);
                        return;
                    }

                    _linkDueMs = _link.NextDueMs;
                }

                if (Sample(nowMs))
                {
                    // The link's report of this step (if it stepped) is empty: a second step of it changes nothing.
                    StepAll(nowMs, !linkStepped);
                    return;
                }
            }
            catch (Exception ex)
            {
                Failed(ex, " in StepDue");
            }

            SetNextDue(nowMs);
        }

        private void SetNextDue(long nowMs)
        {
            long due = Min(Min(_sampler.NextDueMs, _othersDueMs), _linkDueMs);
            _nextDueMs = due < nowMs ? nowMs : due;
        }

        /// <summary>
        /// Orderly stop (twin exit, Ctrl+C, SIGTERM): flushes the queue, publishes the "offline" status, then DISCONNECT.
        /// Keep stepping until <see cref="IsHalted"/> (at most the connection's short ack wait).
        /// </summary>
        public void Stop(long nowMs)
        {
            StopThen(nowMs, RebootReason.None);
        }

        /// <summary>
        /// Makes the flash hold everything before an intentional reboot or stop: rewrites the queue log if a write had
        /// failed. Command overrides are stored when accepted. Never throws; safe to call more than once, also from the
        /// device watchdog's thread when the loop hung (the log's per-record CRCs keep a torn record from coming back).
        /// </summary>
        public void FlushForReboot() => _end.Flush();

        private void OnReport(long nowMs, LinkReport report)
        {
            if (report.WentOnline)
            {
                _onlineSinceMs = nowMs;
            }

            _publisher.OnReport(report, nowMs);
            if (report.WentOffline && _tip == null)
            {
                // A TagoTiP session's end is not a lost link: the battery wake still ends once its receipts are in.
                _onlineSinceMs = -1;
            }

            // TagoTiP commands arrive as CMD|… on the ack topic: the publisher's step left them with the TagoTiP half.
            string[] topics = report.Topics;
            byte[][] payloads = report.Payloads;
            int count = report.MessageCount;
            if (_tip != null)
            {
                topics = _tip.CommandTopics;
                payloads = _tip.CommandPayloads;
                count = _tip.CommandCount;
            }

            int todo = _commands.Handle(report.CommandsDropped, topics, payloads, _end.Stopping ? 0 : count, nowMs);
            if ((todo & CommandProcessor.Settings) != 0)
            {
                _publisher.SetBatchSize(_commands.Overrides.BatchSize);
                if (_wake == null)
                {
                    _sampler.SetInterval(_commands.Overrides.IntervalSeconds);
                }
            }

            if ((todo & (CommandProcessor.Ping | CommandProcessor.Diagnostics)) != 0)
            {
                _diagnostics.Answer((todo & CommandProcessor.Ping) != 0);
            }

            if ((todo & CommandProcessor.Reboot) != 0)
            {
                StopThen(nowMs, RebootReason.Command);
            }
        }

        private void StopThen(long nowMs, RebootReason reason)
        {
            if (_end.Begin(nowMs, reason))
            {
                _ending = true;
                _nextDueMs = nowMs;
            }
        }

        private void GoToSleep(long nowMs, string reason)
        {
            // A payload still in flight goes back to the queue before the wake ends.
            if (_wake.Publishes)
            {
                _link.Stop(nowMs, false);
                _publisher.OnReport(_link.Report, nowMs);
            }

            _end.Sleep(reason, _wake.SleepMs(nowMs, _commands.Overrides.IntervalSeconds));
            _ending = true;
            _nextDueMs = long.MaxValue;
        }

        /// <summary>Steps the sampler; a cycle that ended in a publishing battery wake is flushed at once.</summary>
        private bool Sample(long nowMs)
        {
            bool ended = _sampler.Step(nowMs);
            if (ended && _wake != null && _wake.Publishes)
            {
                _publisher.RequestFlush();
            }

            return ended;
        }

        private void Failed(Exception ex, string where)
        {
            Log(LogLevel.Error, "node error: " + ex.GetType().Name + where);
        }

        private void Log(LogLevel level, string message)
        {
            if (_ports.Log != null && message != null)
            {
                _ports.Log.Write(level, message);
            }
        }

        private static long Min(long a, long b)
        {
            return a < b ? a : b;
        }
    }
}
