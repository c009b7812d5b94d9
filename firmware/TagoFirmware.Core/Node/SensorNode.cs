using System;
using TagoFirmware.Commands;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Readings;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Node
{
    /// <summary>The node, wired: each step runs the supervisor, commands, sampler, publisher and battery wake in turn and owns the orderly end (docs/architecture.md). No threads or device APIs.</summary>
    public sealed class SensorNode
    {
        private readonly NodeConfig _config;
        private readonly NodePorts _ports;
        private readonly ConnectionSupervisor _link;
        private readonly ReadingQueue _queue;
        private readonly CommandProcessor _commands;
        private readonly Sampler _sampler;
        private readonly UplinkPublisher _publisher;
        private readonly BatteryWake _wake;
        private readonly TagoTipUplink _tip;
        private RebootReason _reason;
        private bool _ending;
        private long _nextDueMs, _othersDueMs, _linkDueMs;

        /// <summary>Builds the node from a valid configuration and its ports. Nothing is read from storage yet.</summary>
        public SensorNode(NodeConfig config, byte[] configFileBytes, string macClientId, NodePorts ports)
        {
            Diagnostics = new DiagnosticsCounters(ports.Platform == null ? null : ports.Platform.FirmwareVersion);
            _config = config;
            _ports = ports;
            string clientId = config.EffectiveClientId(macClientId);
            SessionOptions = NodeWiring.CreateSessionOptions(config, clientId);
            _tip = config.UsesTagoTip ? new TagoTipUplink(config, clientId, ports) : null;
            _link = new ConnectionSupervisor(SessionOptions, NodeWiring.CreateTransport(config, clientId), ports);
            Diagnostics.EveryPayloads = config.Int(ConfigKeys.DiagnosticsEvery);
            _queue = new ReadingQueue(config.Int(ConfigKeys.QueueCapacity), config.Flag(ConfigKeys.QueuePersist) ? ports.ReadingStore : null);
            _sampler = new Sampler(config, ports, Diagnostics, _queue);
            _publisher = new UplinkPublisher(config, _queue, _link, Diagnostics, ports, _tip);
            _wake = config.Flag(ConfigKeys.DeepSleep) ? new BatteryWake(config) : null;
            _commands = NodeWiring.CreateCommands(config, configFileBytes, _tip != null ? _tip.CommandFilter : _link.Transport.CommandTopicFilter,
                Diagnostics, ports);
        }

        /// <summary>The connection supervisor (state, LED, reconnects).</summary>
        public ConnectionSupervisor Supervisor => _link;

        /// <summary>The options the connection runs with (its ClientId is the effective one: config, or from the MAC).</summary>
        public SessionOptions SessionOptions { get; }

        /// <summary>The TagoTiP half of the uplink (sequence counter, receipts), or null for the legacy transport.</summary>
        public TagoTipUplink TagoTip => _tip;

        /// <summary>The reading queue (depth, dropped and untimed counts, boot counter).</summary>
        public ReadingQueue Queue => _queue;

        /// <summary>Sensor and command error counts (other diagnostics live with their owners).</summary>
        public DiagnosticsCounters Diagnostics { get; }

        /// <summary>The downlink commands and the settings in force (interval, batch size).</summary>
        public CommandProcessor Commands => _commands;

        /// <summary>The publisher: payloads sent and delivered.</summary>
        public UplinkPublisher Publisher => _publisher;

        /// <summary>The sampler: readings queued and cycles completed.</summary>
        public Sampler Sampler => _sampler;

        /// <summary>Battery mode: the wake is done (queue flushed, session ended); deep-sleep for <see cref="SleepMilliseconds"/>.</summary>
        public bool SleepRequested { get; private set; }

        /// <summary>How long to deep-sleep: the wake interval minus the time this wake was awake, at least 1 s.</summary>
        public int SleepMilliseconds { get; private set; }

        /// <summary>True once the node has nothing more to do: asleep, stopped (<see cref="Stop"/>) or rebooting.</summary>
        public bool IsHalted { get; private set; }

        /// <summary>Monotonic time of the next step (a link event may make one due sooner).</summary>
        public long NextStepDueMs => _nextDueMs;

        /// <summary>Logs the configuration, loads the queue log and overrides, decides a battery wake; call once before stepping.</summary>
        public void Start(long nowMs)
        {
            _nextDueMs = nowMs;
            NodeWiring.Load(_config, SessionOptions.ClientId, _queue, _commands, _tip, Diagnostics, _ports);
            _publisher.StartMs = nowMs;
            ApplySettings();
            if (_wake != null)
            {
                Log(LogLevel.Info, _wake.Begin(nowMs, _queue.BootCounter,
                    _queue.Count + _config.Sensors.Length * Sampler.VariablesPerSensor, Diagnostics));
            }
        }

        /// <summary>One full main-loop turn: connection, commands, clock fill-in, sampling, publishing, end of wake. Never throws.</summary>
        public void Step(long nowMs) => StepAll(nowMs, true);

        private void StepAll(long nowMs, bool stepLink)
        {
            bool connects = _wake == null || _wake.Publishes;
            if (IsHalted)
            {
                return; // the halt set _nextDueMs to long.MaxValue
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

                RebootReason reason = _link.RebootReason != RebootReason.None ? _link.RebootReason : _reason;
                if (_link.IsStopped && (_ending || reason != RebootReason.None))
                {
                    IsHalted = _ending = true;
                    if (reason != RebootReason.None)
                    {
                        FlushForReboot();
                        _ports.Device?.Reboot(reason); // null in rigs that never reboot
                    }
                }

                if (_ending)
                {
                    _nextDueMs = IsHalted ? long.MaxValue : _link.NextDueMs;
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
                    Stop(nowMs, _tip.RebootRequested);
                    return;
                }

                string endOfWake = _wake != null && _sampler.CyclesCompleted > 0 ? _wake.EndReason(nowMs, _publisher.IsIdle) : null;
                if (endOfWake != null)
                {
                    if (_wake.Publishes)
                    {
                        _link.Stop(nowMs, false);
                        _publisher.OnReport(_link.Report, nowMs);
                    }

                    // No "offline" status: it would flap on every wake.
                    SleepMilliseconds = _wake.SleepMs(nowMs, _commands.IntervalSeconds);
                    _queue.Flush();
                    SleepRequested = IsHalted = _ending = true;
                    _nextDueMs = long.MaxValue;
                    Log(LogLevel.Info, "sleep: " + endOfWake + "; queue " + _queue.Count.ToString() + ", sleeping " + SleepMilliseconds.ToString() + " ms");
                    return;
                }
            }
            catch (Exception ex)
            {
                NodeWiring.Fail(_ports.Log, ex, "Step");
            }

            _othersDueMs = _wake != null && _sampler.CyclesCompleted > 0 ? NodeWiring.Min(_publisher.NextDueMs, _wake.NextDueMs()) : _publisher.NextDueMs;
            _linkDueMs = connects ? _link.NextDueMs : long.MaxValue;
            SetNextDue(nowMs);
        }

        /// <summary>The run loop's step: without a link event only the sensors and a due connection step; a report or finished cycle brings a full <see cref="Step"/>. Never throws.</summary>
        public void StepDue(long nowMs, bool linkEvent)
        {
            if (linkEvent || _ending || nowMs >= _othersDueMs)
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
                    // This step's link report (if any) is empty: stepping the link again changes nothing.
                    StepAll(nowMs, !linkStepped);
                    return;
                }
            }
            catch (Exception ex)
            {
                NodeWiring.Fail(_ports.Log, ex, "StepDue");
            }

            SetNextDue(nowMs);
        }

        /// <summary>Makes the flash hold the queue before a reboot or stop, and logs whether it does. Never throws (per-record CRCs drop a record torn by a reboot); safe from the watchdog's thread.</summary>
        public void FlushForReboot()
        {
            try
            {
                bool complete = _queue.Flush();
                Log(complete ? LogLevel.Info : LogLevel.Error, complete ? "flush: queue log complete (" + _queue.Count.ToString() + " readings queued)"
                    : "flush: queue log incomplete; unsent readings at risk");
            }
            catch (Exception ex)
            {
                NodeWiring.Fail(_ports.Log, ex, "flush");
            }
        }

        private void SetNextDue(long nowMs)
        {
            long due = NodeWiring.Min(NodeWiring.Min(_sampler.NextDueMs, _othersDueMs), _linkDueMs);
            _nextDueMs = due < nowMs ? nowMs : due;
        }

        private void OnReport(long nowMs, LinkReport report)
        {
            if (_wake != null)
            {
                _wake.OnLink(report, nowMs);
            }

            _publisher.OnReport(report, nowMs);

            // TagoTiP commands arrive as CMD|… on the ack topic: the publisher left them in the report as command topics.
            int todo = _commands.Handle(report.CommandsDropped, report.Topics, report.Payloads, _ending ? 0 : report.MessageCount, nowMs);
            if ((todo & CommandProcessor.Settings) != 0)
            {
                ApplySettings();
            }

            if ((todo & (CommandProcessor.Ping | CommandProcessor.Diagnostics)) != 0)
            {
                _publisher.Answer((todo & CommandProcessor.Ping) != 0);
            }

            if ((todo & CommandProcessor.Reboot) != 0)
            {
                Stop(nowMs, RebootReason.Command);
            }
        }

        private void ApplySettings()
        {
            _publisher.SetBatchSize(_commands.BatchSize);
            _sampler.SetInterval(_commands.IntervalSeconds);
        }

        /// <summary>Orderly stop (flush, the "offline" status, DISCONNECT), then the reboot for <paramref name="reason"/> unless None; keep stepping until <see cref="IsHalted"/>.</summary>
        public void Stop(long nowMs, RebootReason reason)
        {
            if (!_ending)
            {
                _ending = true;
                _reason = reason;
                FlushForReboot();
                _link.Stop(nowMs, true);
                _nextDueMs = nowMs;
            }
        }

        // A cycle that ended in a publishing battery wake is sent at once.
        private bool Sample(long nowMs)
        {
            bool ended = _sampler.Step(nowMs);
            if (ended && _wake != null && _wake.Publishes)
            {
                _publisher.RequestFlush();
            }

            return ended;
        }

        private void Log(LogLevel level, string message) => NodeWiring.Write(_ports.Log, level, message);
    }
}
