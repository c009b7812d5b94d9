using System;
using TagoFirmware.Commands;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Payload;
using TagoFirmware.Readings;
using TagoFirmware.Sensors;
using TagoFirmware.Session;

namespace TagoFirmware.Node
{
    /// <summary>
    /// The whole node as pure core logic: the session (<see cref="NodeSupervisor"/>), sampling (one
    /// <see cref="ReadPipeline"/> per sensor), the store-and-forward queue (<see cref="ReadingQueue"/>,
    /// <see cref="ReadingBatcher"/>), payload building (one <see cref="TagoJsonWriter"/> over one buffer), downlink
    /// commands (<see cref="CommandProcessor"/>), diagnostics and battery mode. The ESP32 app and the host twin build
    /// one from a valid configuration and their ports, call <see cref="Start"/> once, then <see cref="Step"/> in a loop,
    /// sleeping until <see cref="NextStepDueMs"/>; in battery mode they deep-sleep for <see cref="SleepMilliseconds"/>
    /// once <see cref="SleepRequested"/> is true. README "The node loop" describes how the parts fit together.
    /// </summary>
    /// <remarks>
    /// <para>No threads, no sleeps, no device APIs: everything runs under a fake clock in tests. Call every member from
    /// the main loop thread; <see cref="Supervisor"/>'s <see cref="NodeSupervisor.CompletedSteps"/> is the one value
    /// the device watchdog thread may read.</para>
    /// <para>Allocation: the constructor and <see cref="Start"/> allocate; per reading nothing is allocated. Per data
    /// payload exactly one exact-length array (<see cref="TagoJsonWriter.CopyPayload"/>, because M2Mqtt's Publish takes
    /// a whole array). Log lines (allocating strings) are written only for events: start, transitions, commands,
    /// failures, dropped readings, sleep.</para>
    /// </remarks>
    public sealed class SensorNode : ISessionListener
    {
        /// <summary>Longest gap between two steps while the session runs: inbox events (acks, commands, connect
        /// outcomes) are handled within this time. 100 ms keeps ack latency low at negligible CPU cost on mains power.</summary>
        public const int MaxStepGapMs = 100;

        /// <summary>Shortest deep sleep (1 s): a wake that overran its interval still sleeps briefly instead of looping.</summary>
        public const int MinSleepMilliseconds = 1000;

        /// <summary>
        /// Battery mode: a publishing wake stays connected at least this long after the session went online, so a
        /// downlink command sent in reaction to its "online" status (e.g. by a TagoIO Analysis) can still arrive. The
        /// broker's sessions are clean, so commands sent while the node sleeps are lost (README "Battery mode").
        /// </summary>
        public const int BatteryCommandWindowMs = 2000;

        /// <summary>
        /// QoS 1 publishes the node can have awaiting their PUBACK at once, set as <see cref="SessionOptions.MaxInFlight"/>:
        /// one data batch (the next waits for its ack), one diagnostics payload (likewise) and the status answer to one
        /// <c>ping</c>. The supervisor keeps one more slot for its own "online" status after each connect. Smaller than
        /// the library default of 8 because the device sizes M2Mqtt's in-flight queue from it (MaxInFlight + 3, README
        /// "The ESP32 app"); with 2, a ping answered while a batch and diagnostics were both unacknowledged would lose its
        /// status. Payload RAM is bounded by the one-batch rule, not by this number.
        /// </summary>
        public const int MaxInFlightPublishes = 3;

        /// <summary>Variables per sensor in the variable table: temperature, humidity, dew point.</summary>
        public const int VariablesPerSensor = 3;

        /// <summary>Readings carry one decimal (tenths of °C and %RH, as the read pipeline delivers them).</summary>
        private const int ReadingDecimals = 1;

        private const long UnixEpochTicks = 621355968000000000L;

        private readonly NodeConfig _config;
        private readonly NodePorts _ports;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly IPlatformInfo _platform;
        private readonly string _clientId;
        private readonly bool _sleepMode;
        private readonly bool _atLeastOnce;
        private readonly TagoMqttJsonTransport _transport;
        private readonly NodeSupervisor _supervisor;
        private readonly SessionOptions _options;
        private readonly ReadingQueue _queue;
        private readonly DiagnosticsCounters _counters;
        private readonly DiagnosticsPolicy _policy;
        private readonly CommandOverrides _overrides;
        private readonly CommandProcessor _processor;
        private readonly int _minIntervalSeconds;
        private readonly TagoJsonWriter _writer;
        private readonly byte[] _group = new byte[ReadingGroupId.Length];

        // The variable table: index = sensor × 3 + (0 temperature, 1 humidity, 2 dew point); pre-encoded UTF-8.
        private readonly TagoText[] _names;
        private readonly TagoText[] _units;
        private readonly string[] _sensorLabels;

        private ReadPipeline[] _pipelines;
        private bool[] _sampleDone;
        private bool[] _sampleOk;
        private ReadingBatcher _batcher;

        private bool _started;
        private bool _halted;
        private long _startMs;
        private long _nowMs;
        private long _nextDueMs;

        // Sampling cycle.
        private bool _cycleRunning;
        private long _cycleMonoMs;
        private long _cycleWallMs;
        private bool _cycleWallValid;
        private long _nextSampleMs;
        private long _lastCycleStartMs = -1;
        private int _cyclesCompleted;

        // Publishing.
        private int _dataMsgId = -1;
        private int _dataTicket;
        private int _diagMsgId = -1;
        private long _diagRetryAtMs;
        private int _payloadsSent;
        private int _payloadsAcked;
        private int _readingsQueued;
        private int _refusedReadings;

        // Counters mirrored into DiagnosticsCounters (they only count up).
        private int _seenReconnects;
        private int _seenAuthFailures;
        private int _seenDropped;
        private int _seenUntimed;

        // Battery mode.
        private bool _publishThisWake;
        private bool _flushRequested;
        private bool _sleepRequested;
        private int _sleepMs;
        private long _onlineSinceMs = -1;

        /// <summary>
        /// Builds the node from a valid configuration (the app shows ConfigInvalid and builds no node otherwise): maps
        /// the config onto <see cref="SessionOptions"/> and <see cref="TagoMqttJsonTransport"/>, creates the supervisor,
        /// the queue's RAM ring, the payload buffer and the variable table. Nothing is read from storage yet.
        /// </summary>
        /// <param name="config">A configuration that validated (<see cref="NodeConfigParser.Parse"/>).</param>
        /// <param name="configFileBytes">The configuration file's bytes, for the command-override fingerprint (a newly
        /// deployed file resets the overrides); null = fingerprint 0 (overrides then survive config changes).</param>
        /// <param name="macClientId">The client id derived from the MAC (<see cref="ClientIdentity.FromMac"/>), used
        /// when the config sets none.</param>
        /// <param name="ports">The platform ports.</param>
        /// <exception cref="ArgumentNullException">config, ports or a required port is missing (wiring error).</exception>
        /// <exception cref="ArgumentException">Fewer sensor adapters than configured sensors (wiring error).</exception>
        public SensorNode(NodeConfig config, byte[] configFileBytes, string macClientId, NodePorts ports)
        {
            if (config == null || ports == null)
            {
                throw new ArgumentNullException(config == null ? "config" : "ports");
            }

            int sensorCount = config.Sensors == null ? 0 : config.Sensors.Length;
            if (ports.Sensors == null || ports.Sensors.Length < sensorCount)
            {
                throw new ArgumentException("one sensor adapter per configured sensor is required", "ports");
            }

            for (int i = 0; i < sensorCount; i++)
            {
                if (ports.Sensors[i] == null)
                {
                    throw new ArgumentException("sensor adapter " + i.ToString() + " is missing", "ports");
                }
            }

            _config = config;
            _ports = ports;
            _clock = ports.Clock;
            _log = ports.Log;
            _platform = ports.Platform;
            _sleepMode = config.Sleep != null && config.Sleep.Mode == SleepMode.Deep;
            _atLeastOnce = config.Mqtt.Qos != 0;
            _clientId = config.Mqtt.EffectiveClientId(macClientId);

            _transport = new TagoMqttJsonTransport(_clientId, config.Mqtt.DataTopic, config.Mqtt.StatusTopic, config.Mqtt.CommandTopic);
            SessionPorts sessionPorts = new SessionPorts();
            sessionPorts.Clock = ports.Clock;
            sessionPorts.Network = ports.Network;
            sessionPorts.TimeSync = ports.TimeSync;
            sessionPorts.Mqtt = ports.Mqtt;
            sessionPorts.Listener = this;
            sessionPorts.Log = ports.Log;
            sessionPorts.Status = ports.Status;
            sessionPorts.Device = ports.Device;
            sessionPorts.Random = ports.Random;
            _options = CreateSessionOptions(config, _clientId);
            _supervisor = new NodeSupervisor(_options, _transport, sessionPorts);

            _counters = new DiagnosticsCounters(_platform == null ? null : _platform.FirmwareVersion);
            _policy = new DiagnosticsPolicy(config.Diagnostics == null ? DiagnosticsPolicy.DefaultEveryPayloads : config.Diagnostics.EveryPayloads);
            _queue = new ReadingQueue(config.Queue.Capacity, config.Queue.Persist ? ports.ReadingStore : null);

            // One buffer for every payload, allocated once; never smaller than a full diagnostics payload.
            int bufferBytes = config.Sampling.PayloadBufferBytes;
            if (bufferBytes < DiagnosticsPayload.RecommendedBufferSize)
            {
                bufferBytes = DiagnosticsPayload.RecommendedBufferSize;
            }

            _writer = new TagoJsonWriter(new byte[bufferBytes]);

            _names = new TagoText[sensorCount * VariablesPerSensor];
            _units = new TagoText[sensorCount * VariablesPerSensor];
            _sensorLabels = new string[sensorCount];
            TagoText celsius = TagoText.From("\u00b0C");
            TagoText percent = TagoText.From("%");
            for (int i = 0; i < sensorCount; i++)
            {
                SensorConfig s = config.Sensors[i];
                SensorVariableNames names;
                if (SensorVariableNames.TryCreate(s.TemperatureVariableName, s.HumidityVariableName, s.DewPointVariableName, out names)
                    != VariableNamesError.None)
                {
                    SensorVariableNames.TryCreateDefault(i, sensorCount, null, out names);
                }

                _names[i * VariablesPerSensor] = TagoText.From(names.TemperatureUtf8);
                _names[i * VariablesPerSensor + 1] = TagoText.From(names.HumidityUtf8);
                _names[i * VariablesPerSensor + 2] = TagoText.From(names.DewPointUtf8);
                _units[i * VariablesPerSensor] = celsius;
                _units[i * VariablesPerSensor + 1] = percent;
                _units[i * VariablesPerSensor + 2] = celsius;
                _sensorLabels[i] = s.Name != null ? s.Name : "sensor " + i.ToString();
            }

            string reason;
            _minIntervalSeconds = NodeConfigValidator.MinIntervalSeconds(config, null, out reason);
            int configInterval = config.Sampling.IntervalSeconds;
            if (_sleepMode)
            {
                // In battery mode the wake interval is the sampling interval, and the interval command sets it.
                configInterval = config.Sleep.WakeIntervalSeconds;
                int minWake = ConfigKeys.SleepWakeInterval.Min;
                if (_minIntervalSeconds < minWake)
                {
                    _minIntervalSeconds = minWake;
                }
            }

            if (_minIntervalSeconds < 1)
            {
                _minIntervalSeconds = 1;
            }

            uint fingerprint = configFileBytes == null ? 0u : CommandOverrides.Fingerprint(configFileBytes, 0, configFileBytes.Length);
            IOverrideStore store = ports.OverrideStore != null ? ports.OverrideStore : new MemoryOverrideStore();
            _overrides = new CommandOverrides(store, fingerprint, configInterval, config.Sampling.Batch);
            CommandParser parser = new CommandParser(_transport.CommandTopicFilter, _minIntervalSeconds);
            _processor = new CommandProcessor(parser, _overrides, _counters, _policy);
        }

        /// <summary>The session supervisor (state, LED, reconnects; <see cref="NodeSupervisor.CompletedSteps"/> for the watchdog).</summary>
        public NodeSupervisor Supervisor => _supervisor;

        /// <summary>The options the session runs with (<see cref="CreateSessionOptions"/>); read-only by convention: the
        /// supervisor has already taken its values.</summary>
        public SessionOptions SessionOptions => _options;

        /// <summary>The reading queue (depth, dropped and untimed counts, boot counter).</summary>
        public ReadingQueue Queue => _queue;

        /// <summary>The diagnostics figures (sensor and command errors, reconnects, …).</summary>
        public DiagnosticsCounters Diagnostics => _counters;

        /// <summary>The effective client id (config, or derived from the MAC).</summary>
        public string ClientId => _clientId;

        /// <summary>The sampling interval in force, in seconds (config or <c>interval</c> command; the wake interval in
        /// battery mode).</summary>
        public int IntervalSeconds => _overrides.IntervalSeconds;

        /// <summary>Readings per payload in force (config or <c>batch</c> command).</summary>
        public int BatchSize => _overrides.BatchSize;

        /// <summary>The smallest interval the <c>interval</c> command accepts (derived from the read pipelines).</summary>
        public int MinIntervalSeconds => _minIntervalSeconds;

        /// <summary>Data payloads delivered: acknowledged by the broker at QoS 1, sent at QoS 0.</summary>
        public int PayloadsAcked => _payloadsAcked;

        /// <summary>Data payloads handed to the MQTT client (resends included).</summary>
        public int PayloadsSent => _payloadsSent;

        /// <summary>Readings appended to the queue since <see cref="Start"/>.</summary>
        public int ReadingsQueued => _readingsQueued;

        /// <summary>Sampling cycles finished since <see cref="Start"/> (including cycles where every sensor failed).</summary>
        public int CyclesCompleted => _cyclesCompleted;

        /// <summary>Whether this battery-mode wake connects and publishes (always true outside battery mode).</summary>
        public bool PublishesThisWake => !_sleepMode || _publishThisWake;

        /// <summary>
        /// Battery mode: this wake's work is done (the sample is in the persisted queue; the due readings were
        /// acknowledged or the publish deadline passed; the session disconnected gracefully; the queue was flushed).
        /// The app now deep-sleeps for <see cref="SleepMilliseconds"/>. Never true outside battery mode.
        /// </summary>
        public bool SleepRequested => _sleepRequested;

        /// <summary>How long to deep-sleep: the wake interval minus the time this wake was awake, at least 1 s.</summary>
        public int SleepMilliseconds => _sleepMs;

        /// <summary>
        /// Monotonic time at which the main loop should call <see cref="Step"/> next (it may sleep until then): the
        /// next sensor read, sampling cycle or payload, and at most <see cref="MaxStepGapMs"/> ahead while the session
        /// runs. Never earlier than the last step when nothing is pending.
        /// </summary>
        public long NextStepDueMs => _nextDueMs;

        /// <summary>
        /// Maps the configuration onto the supervisor's options (public so the host twin and tests can show exactly
        /// what the session runs with, and so the ESP32 app can size M2Mqtt's in-flight queue from
        /// <see cref="SessionOptions.MaxInFlight"/> before it builds the MQTT port the node needs). CA entries that are PEM text are joined; entries that are file names must have
        /// been replaced by their PEM text by the app before (see README "CA certificates").
        /// </summary>
        /// <param name="config">The configuration.</param>
        /// <param name="clientId">The effective client id.</param>
        /// <returns>New options.</returns>
        public static SessionOptions CreateSessionOptions(NodeConfig config, string clientId)
        {
            SessionOptions o = new SessionOptions();
            MqttConfig m = config.Mqtt;
            o.Host = m.Host;
            o.Port = m.Port;
            o.UseTls = m.Tls;
            o.CaCertificatesPem = JoinPem(m.CaCertificates);
            o.Token = config.Token;
            o.ClientId = clientId;
            o.DataTopicTemplate = m.DataTopic;
            o.Qos = m.Qos;
            o.KeepAliveSeconds = m.KeepAliveSeconds;
            o.WifiConnectTimeoutMs = config.Timeouts.WifiConnectSeconds * 1000;
            o.AuthRetryIntervalMs = config.Timeouts.AuthRetrySeconds * 1000;
            o.AckTimeoutMs = config.Timeouts.AckSeconds * 1000;
            o.NoAckRebootMs = config.Timeouts.RebootAfterSeconds * 1000;
            o.MaxInFlight = MaxInFlightPublishes;
            o.ConfigValid = true;
            return o;
        }

        /// <summary>
        /// Loads what the node kept across the reboot and gets ready: logs the effective configuration once (secrets
        /// masked), loads the queue log (boot counter, dropped and untimed counts), loads the command overrides against
        /// the config fingerprint, builds the read pipelines and the batcher, and in battery mode decides whether this
        /// wake publishes. Called by the first <see cref="Step"/> if the app did not. Never throws.
        /// </summary>
        /// <param name="nowMs">Monotonic time now.</param>
        public void Start(long nowMs)
        {
            if (_started)
            {
                return;
            }

            _started = true;
            _startMs = nowMs;
            _nowMs = nowMs;
            _nextDueMs = nowMs;
            try
            {
                StartUnsafe(nowMs);
            }
            catch (Exception ex)
            {
                Log(LogLevel.Error, "node error: " + ex.GetType().Name + " in Start");
                if (_batcher == null)
                {
                    _batcher = NewBatcher();
                }
            }
        }

        /// <summary>
        /// One main-loop turn; returns quickly and never throws: the supervisor's step (WiFi, clock, MQTT, inbox: acks
        /// and commands arrive here), the clock-sync fill-in, sampling, batching and publishing, diagnostics, and the
        /// battery-mode end of wake. Does nothing once a reboot or deep sleep was requested.
        /// </summary>
        /// <param name="nowMs">Monotonic time now (<see cref="IClock.MonotonicMs"/>).</param>
        public void Step(long nowMs)
        {
            if (!_started)
            {
                Start(nowMs);
            }

            _nowMs = nowMs;
            if (_halted)
            {
                _nextDueMs = nowMs + MinSleepMilliseconds;
                return;
            }

            try
            {
                if (!_sleepMode || _publishThisWake)
                {
                    _supervisor.Step(nowMs);
                }

                if (!_halted)
                {
                    SyncCounters();
                    CheckClockSync(nowMs);
                    RunSampling(nowMs);
                    if (_supervisor.IsOnline)
                    {
                        PublishDue(nowMs);
                    }

                    if (_sleepMode)
                    {
                        RunWake(nowMs);
                    }
                }
            }
            catch (Exception ex)
            {
                Log(LogLevel.Error, "node error: " + ex.GetType().Name + " in Step");
            }

            _nextDueMs = ComputeNextDue(nowMs);
        }

        /// <summary>
        /// Makes the flash hold everything before an intentional reboot (command, self-heal, watchdog): ends an open
        /// cycle and rewrites the queue log if a write had failed. Command overrides are stored when they are accepted,
        /// so nothing of theirs is pending. Never throws; safe to call more than once.
        /// </summary>
        /// <remarks>The device watchdog calls this from its own thread when the main loop has hung: best effort. The
        /// main loop is stuck then, so nothing else touches the queue; if it hung inside a flash write the flush may
        /// fail, and the log's per-record CRCs keep a torn record from ever coming back as a reading.</remarks>
        public void FlushForReboot()
        {
            try
            {
                bool complete = _queue.Flush();
                Log(complete ? LogLevel.Info : LogLevel.Error, complete
                    ? "flush: queue log complete (" + _queue.Count.ToString() + " readings queued)"
                    : "flush: queue log could not be completed; unsent readings may be lost");
            }
            catch (Exception ex)
            {
                Log(LogLevel.Error, "node error: " + ex.GetType().Name + " in FlushForReboot");
            }
        }

        /// <inheritdoc />
        public void OnOnline()
        {
            _onlineSinceMs = _nowMs;
        }

        /// <inheritdoc />
        public void OnOffline()
        {
            _onlineSinceMs = -1;
            // The supervisor reports every unacknowledged publish lost before this; this only guards the bookkeeping.
            if (_dataMsgId >= 0)
            {
                DataLost();
            }

            if (_diagMsgId >= 0)
            {
                _diagMsgId = -1;
                _policy.Request();
            }
        }

        /// <inheritdoc />
        public void OnPublishAcked(int messageId)
        {
            if (_dataMsgId >= 0 && messageId == _dataMsgId)
            {
                int ticket = _dataTicket;
                _dataMsgId = -1;
                _dataTicket = 0;
                if (_batcher.OnAcknowledged(ticket) == ReadingAckResult.Applied)
                {
                    DataDelivered();
                }
            }
            else if (_diagMsgId >= 0 && messageId == _diagMsgId)
            {
                _diagMsgId = -1;
            }

            // Anything else (status publishes, duplicate or late acks) changes nothing.
        }

        /// <inheritdoc />
        public void OnPublishLost(int messageId)
        {
            if (_dataMsgId >= 0 && messageId == _dataMsgId)
            {
                DataLost();
            }
            else if (_diagMsgId >= 0 && messageId == _diagMsgId)
            {
                // Diagnostics are a snapshot: send a fresh one instead of the lost one.
                _diagMsgId = -1;
                _policy.Request();
            }
        }

        /// <inheritdoc />
        public void OnMessageReceived(string topic, byte[] payload)
        {
            try
            {
                HandleCommand(topic, payload);
            }
            catch (Exception ex)
            {
                Log(LogLevel.Error, "node error: " + ex.GetType().Name + " handling a command");
            }
        }

        private void HandleCommand(string topic, byte[] payload)
        {
            CommandOutcome outcome = _processor.Process(topic, payload);
            switch (outcome)
            {
                case CommandOutcome.Refused:
                    // Already counted in command_errors by the processor; nothing changed.
                    Log(LogLevel.Warning, _processor.LastLogLine);
                    break;

                case CommandOutcome.SettingsApplied:
                    Log(LogLevel.Info, _processor.LastLogLine);
                    ApplySettings();
                    break;

                case CommandOutcome.Ping:
                    Log(LogLevel.Info, _processor.LastLogLine);
                    PublishStatus();
                    break;

                case CommandOutcome.Diagnostics:
                    Log(LogLevel.Info, _processor.LastLogLine);
                    _diagRetryAtMs = 0;
                    break;

                case CommandOutcome.Reboot:
                    Log(LogLevel.Warning, _processor.LastLogLine);
                    RebootNow(RebootReason.Command);
                    break;
            }
        }

        /// <inheritdoc />
        public void OnRebootPending(RebootReason reason)
        {
            FlushForReboot();
            _halted = true;
        }

        /// <inheritdoc />
        public void OnStep(long nowMs)
        {
            // The node does its work in Step, after the supervisor's step returned.
        }

        private void StartUnsafe(long nowMs)
        {
            string[] summary = _config.Summary(_clientId);
            for (int i = 0; i < summary.Length; i++)
            {
                Log(LogLevel.Info, summary[i]);
            }

            WarnAboutCaFiles();

            ReadingLoadResult load = _queue.Load();
            Log(LogLevel.Info, "queue: " + LoadResultName(load) + ", " + _queue.Count.ToString() + " readings restored, boot "
                + _queue.BootCounter.ToString() + (_queue.UntimedReadings > 0
                    ? ", " + _queue.UntimedReadings.ToString() + " untimed readings of a boot without clock dropped" : string.Empty)
                + (_queue.SkippedRecords > 0 ? ", " + _queue.SkippedRecords.ToString() + " damaged records skipped" : string.Empty));
            SyncCounters();

            OverrideLoadResult overrides = _overrides.Load(_minIntervalSeconds);
            if (overrides != OverrideLoadResult.NoRecord)
            {
                Log(overrides == OverrideLoadResult.Applied ? LogLevel.Info : LogLevel.Warning, "overrides: " + OverrideResultName(overrides)
                    + "; interval " + _overrides.IntervalSeconds.ToString() + " s, batch " + _overrides.BatchSize.ToString());
            }

            if (_ports.OverrideStore == null)
            {
                Log(LogLevel.Info, "overrides: no store; interval and batch commands hold until the next reboot");
            }

            int sensorCount = _names.Length / VariablesPerSensor;
            _pipelines = new ReadPipeline[sensorCount];
            _sampleDone = new bool[sensorCount];
            _sampleOk = new bool[sensorCount];
            for (int i = 0; i < sensorCount; i++)
            {
                IPowerSwitch power = _ports.PowerSwitches != null && i < _ports.PowerSwitches.Length ? _ports.PowerSwitches[i] : null;
                _pipelines[i] = new ReadPipeline(_ports.Sensors[i], power, _config.Sensors[i].PipelineSettings(_sleepMode), _counters);
            }

            // After Load, so readings restored from flash count as a backlog and go out first.
            _batcher = NewBatcher();
            _counters.BootReason = _platform == null ? BootReason.PowerOnOrReset : _platform.BootReason;
            _nextSampleMs = nowMs;

            if (_sleepMode)
            {
                SleepConfig sleep = _config.Sleep;
                int every = sleep.PublishEvery < 1 ? 1 : sleep.PublishEvery;
                int boot = _queue.BootCounter;
                int expected = _queue.Count + sensorCount * VariablesPerSensor;
                _publishThisWake = boot % every == 0 || expected >= sleep.BacklogThreshold;

                // Every wake is a boot, so the policy's "once after boot" would bill 11 variables per publishing wake.
                // In battery mode diagnostics go out after a power-on or reboot, and on every every_payloads-th
                // publishing wake (counted with the persisted boot counter), or when a command asks.
                int everyPayloads = _policy.EveryPayloads;
                bool timerWake = _counters.BootReason == BootReason.TimerWake || _counters.BootReason == BootReason.PinWake
                    || _counters.BootReason == BootReason.OtherWake;
                bool diagnosticsWake = !timerWake || (everyPayloads > 0 && (boot / every) % everyPayloads == 0);
                if (!(_publishThisWake && diagnosticsWake))
                {
                    _policy.MarkPublished();
                }

                Log(LogLevel.Info, "wake " + boot.ToString() + ": " + (_publishThisWake
                    ? "sampling, then publishing (" + (boot % every == 0 ? "every " + every.ToString() + " wakes" : "backlog of " + _queue.Count.ToString()) + ")"
                    : "sampling only (publishing every " + every.ToString() + " wakes or from " + sleep.BacklogThreshold.ToString() + " queued readings)"));
            }

            Log(LogLevel.Info, "node start: client id " + _clientId + ", " + sensorCount.ToString() + " sensor(s), interval "
                + IntervalSeconds.ToString() + " s (minimum " + _minIntervalSeconds.ToString() + " s), batch " + BatchSize.ToString()
                + ", qos " + _config.Mqtt.Qos.ToString() + (_sleepMode ? ", battery mode" : string.Empty));
        }

        private ReadingBatcher NewBatcher()
        {
            ReadingBatcher batcher = new ReadingBatcher(_queue, _overrides.BatchSize, _config.Sampling.BatchIntervalSeconds * 1000,
                ReadingBatcher.DefaultMinPublishSpacingMs, _atLeastOnce);
            if (_flushRequested)
            {
                batcher.RequestFlush();
            }

            return batcher;
        }

        private void ApplySettings()
        {
            if (_batcher == null || _batcher.BatchSize != _overrides.BatchSize)
            {
                // The batcher's size is fixed at construction; the queue keeps the in-flight ticket, so a new batcher
                // takes over delivery bookkeeping seamlessly.
                _batcher = NewBatcher();
            }

            if (!_sleepMode && _lastCycleStartMs >= 0)
            {
                // The new interval counts from the last cycle: a shorter one may make the next sample due at once.
                _nextSampleMs = _lastCycleStartMs + (long)_overrides.IntervalSeconds * 1000;
            }
        }

        private void RebootNow(RebootReason reason)
        {
            FlushForReboot();
            _halted = true;
            if (_ports.Device != null)
            {
                _ports.Device.Reboot(reason);
            }
            else
            {
                Log(LogLevel.Error, "reboot requested but the platform has no device control");
            }
        }

        private void SyncCounters()
        {
            int reconnects = _supervisor.Reconnects;
            while (_seenReconnects < reconnects)
            {
                _seenReconnects++;
                _counters.IncrementReconnects();
            }

            int auth = _supervisor.AuthFailures;
            while (_seenAuthFailures < auth)
            {
                _seenAuthFailures++;
                _counters.IncrementAuthFailures();
            }

            int dropped = _queue.DroppedReadings;
            if (dropped > _seenDropped)
            {
                Log(LogLevel.Warning, "queue full: " + (dropped - _seenDropped).ToString() + " oldest readings dropped ("
                    + dropped.ToString() + " since boot, " + _queue.UnreportedDroppedReadings.ToString() + " to report)");
                while (_seenDropped < dropped)
                {
                    _seenDropped++;
                    _counters.IncrementDroppedReadings();
                }
            }

            int untimed = _queue.UntimedReadings;
            while (_seenUntimed < untimed)
            {
                _seenUntimed++;
                _counters.IncrementUntimedReadings();
            }
        }

        private void CheckClockSync(long nowMs)
        {
            if (_queue.IsClockSynced)
            {
                return;
            }

            DateTime utc = _clock.UtcNow;
            if (!WallClock.IsValid(utc))
            {
                return;
            }

            int waiting = _queue.UntimedCount;
            int filled = _queue.OnClockSynced(ToUnixMs(utc), (uint)nowMs);
            if (waiting > 0)
            {
                Log(LogLevel.Info, "clock valid: " + filled.ToString() + " readings taken before the sync got their time");
            }
        }

        private void RunSampling(long nowMs)
        {
            if (!_cycleRunning && nowMs >= _nextSampleMs && (!_sleepMode || _cyclesCompleted == 0))
            {
                BeginCycle(nowMs);
            }

            if (!_cycleRunning)
            {
                return;
            }

            bool all = true;
            for (int i = 0; i < _pipelines.Length; i++)
            {
                if (_sampleDone[i])
                {
                    continue;
                }

                ReadStatus status = _pipelines[i].Step(nowMs);
                if (status == ReadStatus.Accepted)
                {
                    _sampleDone[i] = true;
                    _sampleOk[i] = true;
                }
                else if (status == ReadStatus.Failed)
                {
                    // The pipeline counted sensor_errors; nothing is published for this sensor in this cycle.
                    _sampleDone[i] = true;
                    _sampleOk[i] = false;
                    Log(LogLevel.Warning, "sensor " + _sensorLabels[i] + ": sample failed (" + FailureName(_pipelines[i].LastFailure)
                        + "), nothing published for it this cycle");
                }
                else if (!_pipelines[i].IsSampling)
                {
                    // Defensive: a pipeline that is neither sampling nor reporting is treated as failed.
                    _sampleDone[i] = true;
                    _sampleOk[i] = false;
                }
                else
                {
                    all = false;
                }
            }

            if (all)
            {
                EndCycle();
            }
        }

        private void BeginCycle(long nowMs)
        {
            _cycleRunning = true;
            _cycleMonoMs = nowMs;
            DateTime utc = _clock.UtcNow;
            _cycleWallValid = WallClock.IsValid(utc);
            _cycleWallMs = _cycleWallValid ? ToUnixMs(utc) : 0;
            _lastCycleStartMs = nowMs;

            // Keep the cadence (no drift from step lateness) unless the loop fell more than an interval behind.
            long intervalMs = (long)_overrides.IntervalSeconds * 1000;
            long next = _nextSampleMs + intervalMs;
            _nextSampleMs = next > nowMs ? next : nowMs + intervalMs;
            for (int i = 0; i < _pipelines.Length; i++)
            {
                _sampleDone[i] = !_pipelines[i].BeginSample(nowMs) && !_pipelines[i].IsSampling;
                _sampleOk[i] = false;
            }
        }

        private void EndCycle()
        {
            _cycleRunning = false;
            _cyclesCompleted++;
            bool any = false;
            for (int i = 0; i < _pipelines.Length; i++)
            {
                if (_sampleOk[i])
                {
                    any = true;
                    break;
                }
            }

            if (any)
            {
                // One cycle = one time and one group for all its readings, and one flash append.
                _queue.BeginCycle(_cycleWallMs, _cycleWallValid, (uint)_cycleMonoMs);
                for (int i = 0; i < _pipelines.Length; i++)
                {
                    if (!_sampleOk[i])
                    {
                        continue;
                    }

                    ReadPipeline p = _pipelines[i];
                    int base3 = i * VariablesPerSensor;
                    _queue.AddScaled(base3, p.TemperatureTenths, ReadingDecimals);
                    _queue.AddScaled(base3 + 1, p.HumidityTenths, ReadingDecimals);
                    if (p.HasDewPoint)
                    {
                        _queue.AddScaled(base3 + 2, p.DewPointTenths, ReadingDecimals);
                    }
                }

                _readingsQueued += _queue.EndCycle();
                SyncCounters();
            }

            if (_sleepMode && _publishThisWake)
            {
                // Everything publishable goes out now, ignoring the batch interval.
                _flushRequested = true;
                _batcher.RequestFlush();
            }
        }

        private void PublishDue(long nowMs)
        {
            uint now = (uint)nowMs;
            if (_dataMsgId < 0 && _batcher.IsDue(now))
            {
                PublishData(_batcher.DueCount(now), now);
            }

            if (_diagMsgId < 0 && _policy.IsDue && nowMs >= _diagRetryAtMs && _supervisor.IsOnline)
            {
                PublishDiagnostics(nowMs);
            }
        }

        private void PublishData(int due, uint now)
        {
            _writer.Reset();
            bool carriesCounters = false;
            if (_queue.IsReportPending)
            {
                // Counter items carry no time: TagoIO stamps them on arrival. They go first: they are small and must not
                // be crowded out by readings.
                carriesCounters = WriteCounter(DiagnosticsNames.DroppedReadings, _queue.UnreportedDroppedReadings)
                    && WriteCounter(DiagnosticsNames.UntimedReadings, _queue.UnreportedUntimedReadings);
                if (!carriesCounters)
                {
                    _writer.Reset();
                }
            }

            int taken = 0;
            while (taken < due)
            {
                TagoWriteResult r = WriteReading(taken);
                if (r == TagoWriteResult.BufferFull)
                {
                    // The rest waits for the next payload; nothing is lost because it did not fit.
                    break;
                }

                if (r != TagoWriteResult.Ok)
                {
                    // A reading the writer refuses can never be sent; it is taken (and so removed on delivery) rather
                    // than blocking the queue forever.
                    _refusedReadings++;
                    Log(LogLevel.Error, "reading refused by the payload writer: code " + ((int)r).ToString() + " (" + _refusedReadings.ToString() + " so far)");
                }

                taken++;
            }

            if (taken == 0 && !carriesCounters)
            {
                return;
            }

            int ticket = _batcher.Take(taken, carriesCounters, now);
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

            byte[] payload = _writer.CopyPayload();
            int id = _supervisor.PublishData(payload);
            if (id < 0)
            {
                _batcher.OnLost(ticket);
                return;
            }

            _payloadsSent++;
            if (_atLeastOnce)
            {
                _dataMsgId = id;
                _dataTicket = ticket;
            }
            else
            {
                _batcher.OnSent(ticket);
                DataDelivered();
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
            _counters.UptimeSeconds = (nowMs - _startMs) / 1000;
            _counters.HeapFree = _platform == null ? -1 : _platform.HeapFreeBytes();
            _counters.QueueDepth = _queue.Count;
            int rssi;
            if (_platform != null && _platform.TryGetRssi(out rssi))
            {
                _counters.SetRssi(rssi);
            }
            else
            {
                _counters.ClearRssi();
            }

            DateTime utc = _clock.UtcNow;
            TagoWriteResult r = DiagnosticsPayload.Write(_writer, _counters, WallClock.IsValid(utc) ? ToUnixMs(utc) : -1);
            if (r != TagoWriteResult.Ok)
            {
                Log(LogLevel.Error, "diagnostics payload refused: code " + ((int)r).ToString());
                _policy.MarkPublished();
                return;
            }

            int id = _supervisor.PublishData(_writer.CopyPayload());
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

        private void PublishStatus()
        {
            // The status payload is the same device_status "online" the session publishes after every connect, on the
            // status topic at QoS 1: it refreshes the dashboard's status now. The ping also requested diagnostics, which
            // follow on the data topic in this step.
            int id = _supervisor.Publish(_transport.StatusTopic, _transport.OnlinePayload, 1);
            if (id < 0)
            {
                Log(LogLevel.Warning, "ping: status not published (" + id.ToString() + ")");
            }

            _diagRetryAtMs = 0;
        }

        private void DataDelivered()
        {
            _payloadsAcked++;
            _policy.OnPayloadPublished();
        }

        private void DataLost()
        {
            int ticket = _dataTicket;
            _dataMsgId = -1;
            _dataTicket = 0;
            _batcher.OnLost(ticket);
        }

        private void RunWake(long nowMs)
        {
            if (_sleepRequested || _cyclesCompleted == 0)
            {
                return;
            }

            if (!_publishThisWake)
            {
                GoToSleep(nowMs, "sample stored, not a publishing wake");
                return;
            }

            bool delivered = _queue.PublishableCount == 0 && !_queue.IsReportPending && _queue.InFlightTicket == 0
                && _dataMsgId < 0 && _diagMsgId < 0 && !_policy.IsDue
                && _onlineSinceMs >= 0 && nowMs - _onlineSinceMs >= BatteryCommandWindowMs;
            if (delivered)
            {
                GoToSleep(nowMs, "every due reading acknowledged");
            }
            else if (nowMs - _startMs >= (long)_config.Sleep.PublishDeadlineSeconds * 1000)
            {
                GoToSleep(nowMs, "publish deadline of " + _config.Sleep.PublishDeadlineSeconds.ToString() + " s passed, "
                    + _queue.Count.ToString() + " readings kept for the next publishing wake");
            }
        }

        private void GoToSleep(long nowMs, string reason)
        {
            if (_publishThisWake)
            {
                // DISCONNECT first, so the broker does not publish the "offline" will on every sleep; a payload still
                // in flight is reported lost and its readings stay queued.
                _supervisor.Shutdown();
            }

            _queue.Flush();
            long awake = nowMs - _startMs;
            long sleep = (long)_overrides.IntervalSeconds * 1000 - awake;
            _sleepMs = sleep < MinSleepMilliseconds ? MinSleepMilliseconds : (sleep > int.MaxValue ? int.MaxValue : (int)sleep);
            _sleepRequested = true;
            _halted = true;
            Log(LogLevel.Info, "sleep: " + reason + "; awake " + awake.ToString() + " ms, queue depth " + _queue.Count.ToString()
                + ", sleeping " + _sleepMs.ToString() + " ms");
        }

        private long ComputeNextDue(long nowMs)
        {
            if (_halted)
            {
                return nowMs + MinSleepMilliseconds;
            }

            long due = long.MaxValue;
            if (!_sleepMode || _publishThisWake)
            {
                due = nowMs + MaxStepGapMs;
            }

            if (_cycleRunning)
            {
                for (int i = 0; i < _pipelines.Length; i++)
                {
                    if (!_sampleDone[i])
                    {
                        long at = _pipelines[i].NextStepAtMs;
                        if (at < due)
                        {
                            due = at;
                        }
                    }
                }
            }
            else if (!_sleepMode || _cyclesCompleted == 0)
            {
                if (_nextSampleMs < due)
                {
                    due = _nextSampleMs;
                }
            }
            else
            {
                // Battery mode, sample taken: the end of the wake is decided on the next step.
                due = nowMs;
            }

            return due < nowMs ? nowMs : due;
        }

        private void WarnAboutCaFiles()
        {
            string[] cas = _config.Mqtt.CaCertificates;
            if (!_config.Mqtt.Tls || cas == null)
            {
                return;
            }

            for (int i = 0; i < cas.Length; i++)
            {
                if (cas[i] != null && !ConfigText.IsPem(cas[i]))
                {
                    Log(LogLevel.Warning, "mqtt.ca_certificates[" + i.ToString() + "] is a file name (" + cas[i]
                        + ") the application did not load: it is ignored");
                }
            }
        }

        private static string JoinPem(string[] entries)
        {
            if (entries == null)
            {
                return null;
            }

            string pem = null;
            for (int i = 0; i < entries.Length; i++)
            {
                if (entries[i] != null && ConfigText.IsPem(entries[i]))
                {
                    pem = pem == null ? entries[i] : pem + "\n" + entries[i];
                }
            }

            return pem;
        }

        private static long ToUnixMs(DateTime utc)
        {
            return (utc.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond;
        }

        private void Log(LogLevel level, string message)
        {
            if (_log != null && message != null)
            {
                _log.Write(level, message);
            }
        }

        private static string LoadResultName(ReadingLoadResult result)
        {
            switch (result)
            {
                case ReadingLoadResult.NotPersisted:
                    return "in RAM only";
                case ReadingLoadResult.StoreUnavailable:
                    return "flash unreadable, running in RAM";
                case ReadingLoadResult.Restored:
                    return "log restored";
                case ReadingLoadResult.RestoredWithDamage:
                    return "log restored with damage";
                case ReadingLoadResult.Incompatible:
                    return "log of another format replaced";
                default:
                    return "log created";
            }
        }

        private static string OverrideResultName(OverrideLoadResult result)
        {
            switch (result)
            {
                case OverrideLoadResult.Applied:
                    return "applied";
                case OverrideLoadResult.Corrupt:
                    return "record damaged, ignored";
                case OverrideLoadResult.ConfigChanged:
                    return "reset by a new configuration file";
                case OverrideLoadResult.OutOfRange:
                    return "outside today's limits, ignored";
                default:
                    return "none";
            }
        }

        private static string FailureName(ReadFailure failure)
        {
            // Explicit names: nanoFramework's Enum.ToString prints the number.
            switch (failure)
            {
                case ReadFailure.ReadFailed:
                    return "read failed";
                case ReadFailure.NotFinite:
                    return "not a number";
                case ReadFailure.OutOfRange:
                    return "out of range";
                case ReadFailure.GarbageFrame:
                    return "garbage frame";
                case ReadFailure.RateLimited:
                    return "changed too fast";
                case ReadFailure.StuckSensor:
                    return "stuck sensor";
                default:
                    return "none";
            }
        }
    }
}
