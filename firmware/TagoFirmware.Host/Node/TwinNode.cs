using System;
using System.Reflection;
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
    /// <summary>The core's <see cref="SensorNode"/> on the host adapters; a reboot is a fresh node over the same files.</summary>
    /// <remarks>No <see cref="ITimeSync"/>: the operating system keeps the time.</remarks>
    public sealed class TwinNode : IDisposable, IDeviceControl, IPlatformInfo, INetworkLink
    {
        private readonly MainLoop _loop = new MainLoop(0); // no watchdog on the host: only its wait clamp is used
        private readonly TwinNodeSettings _settings;
        private readonly byte[] _configBytes;
        private readonly ConsoleLog _log;
        private readonly SimulatedDht22 _sensor;
        private volatile bool _networkAvailable = true;
        private volatile bool _networkUp;
        private MqttNetLink _link;
        private FlashReadingStore _readingStore;
        private RebootReason _rebootReason; // None: no reboot requested
        private int _ackedBefore;
        private int _tlsFailuresBefore;
        private int _boots;
        private bool _disposed;

        /// <summary>Creates the node and boots it (loads the queue log and overrides); nothing is sent until it steps.</summary>
        public TwinNode(TwinNodeSettings settings, ConsoleLog log)
        {
            _settings = settings;
            _log = log;
            _log.AddSecret(settings.Config.Text(ConfigKeys.Token));
            string clientId = settings.Config.EffectiveClientId(settings.MacClientId);
            _configBytes = settings.ConfigBytes ?? Encoding.UTF8.GetBytes(string.Join("\n", settings.Config.Summary(clientId)));
            settings.StretchNetworkTimeouts();
            _sensor = new SimulatedDht22(settings.Seed, settings.SensorFailureRate);
            Boot(settings.BootReason);
        }

        /// <summary>The core's node of the current boot.</summary>
        public SensorNode Node { get; private set; }

        /// <summary>Whether the simulated "WiFi" can be joined (the PC's network is always up); false drops the link at once.</summary>
        public bool NetworkAvailable
        {
            get => _networkAvailable;
            set
            {
                _networkAvailable = value;
                if (!value)
                {
                    _networkUp = false;
                    _link.NetworkLost(); // as the ESP32 adapter posts it
                }
            }
        }

        /// <summary>The clock of the current boot (monotonic from 0 at boot, wall clock shared by every boot).</summary>
        public SystemClock Clock { get; private set; }

        /// <summary>Data payloads acknowledged (QoS 0: sent), over all boots.</summary>
        public int AckedPayloads => _ackedBefore + Node.Publisher.PayloadsAcked;

        /// <summary>Connects that failed in TLS, over all boots.</summary>
        public int TlsFailures => _tlsFailuresBefore + _link.TlsFailures;

        /// <summary>Reason of the latest failed or refused connect (no secrets).</summary>
        public string LastConnectFailureReason => _link.LastFailureReason;

        /// <summary>Delivers a command as the broker would (TagoTiP: <c>CMD|name=payload</c>) and returns the topic; any thread.</summary>
        public string InjectCommand(string name, string payload)
        {
            string filter = Node.Supervisor.Transport.CommandTopicFilter;
            string topic = _settings.Config.UsesTagoTip ? filter : filter.Substring(0, filter.Length - 1) + name;
            _link.Inject(topic, Encoding.UTF8.GetBytes(!_settings.Config.UsesTagoTip ? payload : "CMD|" + name + (payload.Length > 0 ? "=" + payload : string.Empty)));
            return topic;
        }

        /// <summary>Steps the node until <paramref name="stop"/> (may be null), cancellation or a halt, then stops in order.</summary>
        public Task RunAsync(Func<TwinNode, bool> stop, CancellationToken cancel)
        {
            // LongRunning: a blocking loop per node must not starve the thread pool MQTTnet completes PUBACKs on.
            return Task.Factory.StartNew(() =>
            {
                while (!cancel.IsCancellationRequested)
                {
                    Node.Step(Clock.MonotonicMs);
                    if (_rebootReason != RebootReason.None)
                    {
                        Reboot(); // after the turn that asked for it
                    }

                    if ((stop != null && stop(this)) || Node.IsHalted)
                    {
                        break;
                    }

                    WaitHandle.WaitAny(new[] { _link.Arrived, cancel.WaitHandle }, Math.Max(1, Clock.ToRealMs(_loop.NextWaitMs(Node, Clock.MonotonicMs))));
                }

                StopGracefully();
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        // Flush, "offline" status (briefly awaiting its ack), DISCONNECT.
        private void StopGracefully()
        {
            if (Node.IsHalted)
            {
                return;
            }

            Node.Stop(Clock.MonotonicMs, RebootReason.None);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (!Node.IsHalted && watch.ElapsedMilliseconds < 10000)
            {
                Node.Step(Clock.MonotonicMs);
                if (!Node.IsHalted)
                {
                    _link.Arrived.WaitOne(Math.Clamp(Clock.ToRealMs(_loop.NextWaitMs(Node, Clock.MonotonicMs)), 1, 200));
                }
            }
        }

        /// <summary>Stops the node in order, flushes the queue log and closes the files.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            StopGracefully();
            Release();
        }

        private void Release()
        {
            Node.FlushForReboot();
            _link.Dispose();
            _readingStore?.Dispose();
        }

        void IDeviceControl.Reboot(RebootReason reason) => _rebootReason = reason;

        bool INetworkLink.IsUp => _networkUp;

        bool INetworkLink.BeginConnect(int timeoutMs)
        {
            _networkUp = _networkAvailable;
            return true;
        }

        // The state, not a one-off outcome: the core takes it once per attempt.
        NetworkConnectResult INetworkLink.TakeConnectResult() => _networkUp ? NetworkConnectResult.Connected : NetworkConnectResult.Failed;

        /// <summary>How the current boot came about.</summary>
        public BootReason BootReason { get; private set; }

        /// <summary>The twin's version (without the source-link hash).</summary>
        public string FirmwareVersion { get; } = "twin-" + (typeof(TwinNode).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

        /// <summary>Committed but unused heap after a collection, like the device's <c>GC.Run(false)</c>.</summary>
        public int HeapFreeBytes()
        {
            long used = GC.GetTotalMemory(true);
            return (int)Math.Clamp(GC.GetGCMemoryInfo().TotalCommittedBytes - used, 0, int.MaxValue);
        }

        /// <summary>Always false: the diagnostics payload leaves <c>rssi</c> out.</summary>
        public bool TryGetRssi(out int dbm)
        {
            dbm = 0;
            return false;
        }

        private void Boot(BootReason reason)
        {
            _boots++;
            BootReason = reason;
            Clock = new SystemClock(_settings.TimeScale, _settings.Epoch, _settings.SimulatedEpoch);
            _link = new MqttNetLink(64) { Log = _log };
            _readingStore = _settings.DataDirectory != null && _settings.Config.Flag(ConfigKeys.QueuePersist) ? new FlashReadingStore(TwinNodeSettings.PathIn(_settings.DataDirectory, TwinNodeSettings.QueueFileName)) : null;
            var ports = new NodePorts
            {
                Clock = Clock,
                Network = this,
                Mqtt = _link,
                Log = _log.ForTimeScale(_settings.TimeScale), // durations on the console in real time
                Status = new ConsoleStatusIndicator(_log),
                Device = this,
                Random = new SeededRandomSource(_settings.Seed + _boots),
                ReadingStore = _readingStore,
                OverrideStore = _settings.DataDirectory != null ? new FlashOverrideStore(TwinNodeSettings.PathIn(_settings.DataDirectory, TwinNodeSettings.OverridesFileName)) : null,
                Sequences = _settings.Config.UsesTagoTip && _readingStore != null ? new FlashSequenceStore(TwinNodeSettings.PathIn(_settings.DataDirectory, "sequence")) : null,
                Sensors = new TagoFirmware.Sensors.ITemperatureHumiditySensor[] { _sensor },
                Platform = this,
            };
            Node = new SensorNode(_settings.Config, _configBytes, _settings.MacClientId, ports);
            // The connect deadline runs on the scaled node clock, a TLS connect in real time: stretch it like the timeouts.
            double stretch = Math.Max(1.0, _settings.TimeScale);
            Node.SessionOptions.MqttConnectTimeoutMs = (int)Math.Min(int.MaxValue, Node.SessionOptions.MqttConnectTimeoutMs * stretch);
            Node.SessionOptions.SubscribeTimeoutMs = (int)Math.Min(int.MaxValue, Node.SessionOptions.SubscribeTimeoutMs * stretch);
            Node.Start(Clock.MonotonicMs);
        }

        private void Reboot()
        {
            _ackedBefore += Node.Publisher.PayloadsAcked;
            _tlsFailuresBefore += _link.TlsFailures;
            _link.Close(); // a reset sends no DISCONNECT
            Release();
            BootReason reason = _rebootReason == RebootReason.Command ? BootReason.CommandReboot : BootReason.WatchdogReboot;
            _log.Write(LogLevel.Warning, "simulated reboot (" + _rebootReason + "): the node starts again from the data directory");
            _rebootReason = RebootReason.None;
            Boot(reason);
        }
    }
}
