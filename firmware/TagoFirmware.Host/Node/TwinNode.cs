using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Esp32;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Node;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Node
{
    /// <summary>
    /// The twin's node: the core's <see cref="SensorNode"/> — session supervisor, read pipeline over the simulated DHT22,
    /// reading queue with its log, batcher, TagoIO JSON writer, commands, diagnostics, battery mode — wired to the host
    /// adapters (MQTTnet link, time-scaled system clock, always-up network, console log and LED, files in the data
    /// directory for the flash). A reboot (command or self-heal) is simulated in-process: the node is flushed, the
    /// link closed, the monotonic clock restarts at 0, and a fresh <see cref="SensorNode"/> loads the same files.
    /// </summary>
    public sealed class TwinNode : IDisposable
    {
        private readonly TwinNodeSettings _settings;
        private readonly NodeConfig _config;
        private readonly byte[] _configBytes;
        private readonly ConsoleLog _log;
        private readonly SimulatedDht22 _sensor;
        private readonly HostNetworkLink _network = new HostNetworkLink();
        private readonly HostDeviceControl _device;
        private SystemClock _clock;
        private MqttNetLink _link;
        private PublishReportingLink _reporting;
        private CommandInjectingLink _commands;
        private NodeRunner _runner;
        private FlashReadingStore _readingStore;
        private SensorNode _node;
        private bool _rebootRequested;
        private RebootReason _rebootReason;
        private int _ackedBefore;
        private int _authFailuresBefore;
        private int _tlsFailuresBefore;
        private int _reconnectsBefore;
        private int _boots;
        private bool _disposed;
        private MemorySequenceStore _memorySequences;

        /// <summary>Creates the node and boots it (loads the queue log and overrides); nothing is sent until it steps.</summary>
        /// <param name="settings">Settings.</param>
        /// <param name="log">Log; the token is registered as a secret so it can never be printed.</param>
        public TwinNode(TwinNodeSettings settings, ConsoleLog log)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _log = log ?? throw new ArgumentNullException(nameof(log));
            _config = settings.Config ?? throw new ArgumentException("settings.Config is required", nameof(settings));
            _log.AddSecret(_config.Token);
            string clientId = _config.Mqtt.EffectiveClientId(settings.MacClientId);
            _configBytes = settings.ConfigBytes ?? Encoding.UTF8.GetBytes(string.Join("\n", _config.Summary(clientId)));
            if (!settings.NetworkTimeoutsStretched)
            {
                // Once per settings object: every --sleep wake builds a new TwinNode from the same settings.
                StretchNetworkTimeouts(_config, settings.TimeScale, settings.RealTimeSessionBudget);
                settings.NetworkTimeoutsStretched = true;
            }

            _sensor = new SimulatedDht22(settings.Seed, settings.SensorFailureRate);
            _device = new HostDeviceControl(_log, reason =>
            {
                _rebootRequested = true;
                _rebootReason = reason;
            });
            Boot(settings.BootReason);
        }

        /// <summary>The core's node of the current boot.</summary>
        public SensorNode Node => _node;

        /// <summary>The core's session supervisor of the current boot.</summary>
        public ConnectionSupervisor Supervisor => _node.Supervisor;

        /// <summary>The MQTTnet adapter of the current boot.</summary>
        public MqttNetLink Link => _link;

        /// <summary>The simulated network (set <see cref="HostNetworkLink.Available"/> false to drop "WiFi").</summary>
        public HostNetworkLink Network => _network;

        /// <summary>The clock of the current boot (monotonic from 0 at boot, wall clock shared by every boot).</summary>
        public SystemClock Clock => _clock;

        /// <summary>The simulated DHT22 (kept across reboots, like the hardware).</summary>
        public SimulatedDht22 Sensor => _sensor;

        /// <summary>True when the node speaks TagoTiP.</summary>
        public bool UsesTagoTip => _config.UsesTagoTip;

        /// <summary>Current session state.</summary>
        public SessionState State => _node.Supervisor.State;

        /// <summary>Data payloads acknowledged by the broker (QoS 0: sent), over all boots of this object.</summary>
        public int AckedPayloads => _ackedBefore + _node.PayloadsAcked;

        /// <summary>Connect attempts refused for credentials, over all boots.</summary>
        public int AuthFailures => _authFailuresBefore + _node.Supervisor.AuthFailures;

        /// <summary>Connect attempts that failed in TLS, over all boots.</summary>
        public int TlsFailures => _tlsFailuresBefore + _link.TlsFailures;

        /// <summary>Reconnects after a lost connection, over all boots.</summary>
        public int Reconnects => _reconnectsBefore + _node.Supervisor.Reconnects;

        /// <summary>Reason of the latest failed or refused connect (no secrets).</summary>
        public string LastConnectFailureReason => _link.LastFailureReason;

        /// <summary>Readings in the queue (in flight included).</summary>
        public int QueuedReadings => _node.Queue.Count;

        /// <summary>In-process reboots so far.</summary>
        public int Reboots => _device.Reboots;

        /// <summary>Battery mode: this wake is done and the node asks to deep-sleep for <see cref="SensorNode.SleepMilliseconds"/>.</summary>
        public bool SleepRequested => _node.SleepRequested;

        /// <summary>Latency of the latest acknowledged publish (ms).</summary>
        public double LastAckLatencyMs => _reporting.LastLatencyMs;

        /// <summary>One main-loop turn of the node; performs a requested reboot afterwards.</summary>
        public void Step()
        {
            _runner.StepOnce();
            if (_rebootRequested)
            {
                _rebootRequested = false;
                Reboot();
            }
        }

        /// <summary>
        /// Sends a downlink command as if the broker had delivered it (the twin's stdin): legacy, on the command topic
        /// with the name as its last level and the payload as that topic takes it; TagoTiP, on the ack topic as
        /// <c>CMD|name</c> or <c>CMD|name=payload</c>. Safe from any thread.
        /// </summary>
        /// <param name="name">Command name (<c>interval</c>, <c>batch</c>, <c>ping</c>, <c>diagnostics</c>, <c>reboot</c>).</param>
        /// <param name="payload">Payload bytes.</param>
        /// <returns>The topic used.</returns>
        public string InjectCommand(string name, byte[] payload)
        {
            string filter = _node.Supervisor.Transport.CommandTopicFilter;
            if (_config.UsesTagoTip)
            {
                string text = "CMD|" + name + (payload.Length > 0 ? "=" + Encoding.UTF8.GetString(payload) : string.Empty);
                _commands.Inject(filter, Encoding.UTF8.GetBytes(text));
                return filter;
            }

            string topic = filter.Substring(0, filter.Length - 1) + name;
            _commands.Inject(topic, payload);
            return topic;
        }

        /// <summary>
        /// Runs the core's loop (<see cref="NodeRunner"/>) until <paramref name="stop"/> returns true, the token is
        /// cancelled or the node halts: step, then wait for the next due time or a link event. A stop or cancellation
        /// ends with the node's orderly stop ("offline" status, DISCONNECT); a battery node's sleep does not.
        /// </summary>
        /// <param name="stop">Checked after every step; null never stops.</param>
        /// <param name="cancel">Cancels the loop (Ctrl+C, SIGTERM, --timeout).</param>
        /// <returns>A task that completes when the loop ends.</returns>
        public Task RunAsync(Func<TwinNode, bool> stop, CancellationToken cancel)
        {
            return Task.Run(() =>
            {
                var wake = new WaitHandle[] { _commands.Arrived, cancel.WaitHandle };
                while (!cancel.IsCancellationRequested)
                {
                    Step();
                    if ((stop != null && stop(this)) || _node.IsHalted)
                    {
                        break;
                    }

                    WaitHandle.WaitAny(wake, Math.Max(1, _clock.ToRealMs(_runner.NextWaitMs())));
                }

                StopGracefully();
            });
        }

        /// <summary>
        /// The node's orderly stop, stepped to its end: flush, "offline" status (waiting briefly for its ack), DISCONNECT.
        /// Does nothing once the node halted (asleep, stopped or rebooting).
        /// </summary>
        public void StopGracefully()
        {
            if (_node.IsHalted)
            {
                return;
            }

            _node.Stop(_clock.MonotonicMs);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (!_node.IsHalted && watch.ElapsedMilliseconds < 10000)
            {
                _node.Step(_clock.MonotonicMs);
                if (!_node.IsHalted)
                {
                    _commands.Arrived.WaitOne(Math.Clamp(_clock.ToRealMs(_runner.NextWaitMs()), 1, 200));
                }
            }
        }

        /// <summary>Stops the node in order (no last will; the "offline" status instead), flushes the queue log and closes the files.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            StopGracefully();
            _node.FlushForReboot();
            _link.Dispose();
            _readingStore?.Dispose();
        }

        /// <summary>Multiplies the network-bound timeouts by the time scale so they stay the same in real time.</summary>
        /// <param name="config">Configuration to change.</param>
        /// <param name="scale">Time scale.</param>
        /// <param name="sessionBudget">Also stretch <c>tagotip.min_session_s</c>.</param>
        private static void StretchNetworkTimeouts(NodeConfig config, double scale, bool sessionBudget)
        {
            if (scale == 1.0)
            {
                return;
            }

            TimeoutConfig t = config.Timeouts;
            t.AckSeconds = Stretch(t.AckSeconds, scale);
            t.AuthRetrySeconds = Stretch(t.AuthRetrySeconds, scale);
            t.WifiConnectSeconds = Stretch(t.WifiConnectSeconds, scale);
            t.RebootAfterSeconds = Stretch(t.RebootAfterSeconds, scale);
            config.Sleep.PublishDeadlineSeconds = Stretch(config.Sleep.PublishDeadlineSeconds, scale);

            // TagoTiP: the server's connection lifetime and the profile's session budget are real time.
            if (sessionBudget)
            {
                config.TagoTip.MinSessionSeconds = Stretch(config.TagoTip.MinSessionSeconds, scale);
            }

            config.TagoTip.TtlSeconds = Stretch(config.TagoTip.TtlSeconds, scale);
        }

        private static int Stretch(int seconds, double scale)
        {
            double s = Math.Ceiling(seconds * scale);
            return s > int.MaxValue / 1000 ? int.MaxValue / 1000 : (int)s;
        }

        private void Boot(BootReason reason)
        {
            _boots++;
            _clock = new SystemClock(_settings.TimeScale, _settings.Epoch, _settings.SimulatedEpoch);
            _link = new MqttNetLink(64, _settings.UseMqtt5) { Log = _log };
            _network.Link = _link;
            _reporting = new PublishReportingLink(_link, _log);
            _readingStore = _settings.DataDirectory != null && _config.Queue.Persist ? TwinDataDirectory.ReadingStoreFor(_settings.DataDirectory) : null;
            var ports = new NodePorts
            {
                Clock = _clock,
                Network = _network,
                TimeSync = new HostTimeSync(_clock),
                Mqtt = _commands = new CommandInjectingLink(_reporting),
                Log = ScaledTimeLog.For(_log, _settings.TimeScale), // durations on the console in real time
                Status = new ConsoleStatusIndicator(_log),
                Device = _device,
                Random = new SeededRandomSource(_settings.Seed + _boots),
                ReadingStore = _readingStore,
                OverrideStore = _settings.DataDirectory != null ? TwinDataDirectory.OverrideStoreFor(_settings.DataDirectory) : null,
                Sequences = !_config.UsesTagoTip ? null
                    : _settings.DataDirectory != null && _config.Queue.Persist ? TwinDataDirectory.SequenceStoreFor(_settings.DataDirectory)
                    : _memorySequences ??= new MemorySequenceStore(),
                Sensors = new TagoFirmware.Sensors.ITemperatureHumiditySensor[] { _sensor },
                PowerSwitches = null,
                Platform = new HostPlatformInfo(reason),
            };
            _node = new SensorNode(_config, _configBytes, _settings.MacClientId, ports);
            // The supervisor's connect deadline runs on the (scaled) node clock, while a TLS connect takes real time:
            // stretch it like the config's network timeouts, or a slow first handshake times out and retries at once.
            _node.SessionOptions.MqttConnectTimeoutMs = (int)Math.Min(int.MaxValue, _node.SessionOptions.MqttConnectTimeoutMs * Math.Max(1.0, _settings.TimeScale));
            _node.SessionOptions.SubscribeTimeoutMs = (int)Math.Min(int.MaxValue, _node.SessionOptions.SubscribeTimeoutMs * Math.Max(1.0, _settings.TimeScale));
            _node.Start(_clock.MonotonicMs);
            _runner = new NodeRunner(_node, _clock, _commands.Arrived, null);
        }

        private void Reboot()
        {
            _ackedBefore += _node.PayloadsAcked;
            _authFailuresBefore += _node.Supervisor.AuthFailures;
            _tlsFailuresBefore += _link.TlsFailures;
            _reconnectsBefore += _node.Supervisor.Reconnects;
            _node.FlushForReboot();
            _link.Close();
            _link.Dispose();
            _readingStore?.Dispose();
            BootReason reason = _rebootReason == RebootReason.Command ? BootReason.CommandReboot : BootReason.WatchdogReboot;
            _log.Write(LogLevel.Warning, "simulated reboot (" + _rebootReason + "): the node starts again from the data directory");
            Boot(reason);
        }
    }
}
