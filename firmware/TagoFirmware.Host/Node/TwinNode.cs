using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Host.Adapters;
using TagoFirmware.Sensors;
using TagoFirmware.Session;

namespace TagoFirmware.Host.Node
{
    /// <summary>
    /// The twin's node: the core's <see cref="NodeSupervisor"/> wired to the host adapters (MQTTnet link, system
    /// clock, always-up network, console log and LED, in-process reboot), plus a simple sampler that reads the
    /// sensor on a timer, keeps samples while offline and publishes them in batches through the supervisor. The
    /// integrator replaces the sampler with the core's read pipeline, queue and batching; keep the node loop here.
    /// </summary>
    public class TwinNode : ISessionListener, IDisposable
    {
        private readonly TwinNodeSettings _settings;
        private readonly ITemperatureHumiditySensor _sensor;
        private readonly ConsoleLog _log;
        private readonly SystemClock _clock = new SystemClock();
        private readonly HostNetworkLink _network = new HostNetworkLink();
        private readonly HostTimeSync _timeSync;
        private readonly ConsoleStatusIndicator _status;
        private readonly HostDeviceControl _device;
        private readonly System.Diagnostics.Stopwatch _ackTimer = new System.Diagnostics.Stopwatch();
        private MqttNetLink _link;
        private NodeSupervisor _supervisor;
        private bool _rebootRequested;
        private int _authFailuresBeforeReboots;
        private int _tlsFailuresBeforeReboots;

        // Offline sample queue as parallel arrays (ring), like the device's packed queue.
        private DateTime[] _times;
        private double[] _celsius;
        private double[] _percent;
        private int _head;
        private int _count;
        private long _nextSampleMs;
        private int _inflightId = -1;
        private int _inflightSamples;

        /// <summary>Creates a node; nothing runs until <see cref="Step"/> or <see cref="RunAsync"/>.</summary>
        /// <param name="settings">Settings.</param>
        /// <param name="sensor">Sensor to sample (the simulated DHT22 in the twin).</param>
        /// <param name="log">Log; the token is registered as a secret so it can never be printed.</param>
        public TwinNode(TwinNodeSettings settings, ITemperatureHumiditySensor sensor, ConsoleLog log)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _sensor = sensor ?? throw new ArgumentNullException(nameof(sensor));
            _log = log ?? throw new ArgumentNullException(nameof(log));
            _log.AddSecret(settings.Session.Token);
            _timeSync = new HostTimeSync(_clock);
            _status = new ConsoleStatusIndicator(_log);
            _device = new HostDeviceControl(_log, _ => _rebootRequested = true);
            int capacity = Math.Max(settings.MaxQueuedSamples, settings.Batch);
            _times = new DateTime[capacity];
            _celsius = new double[capacity];
            _percent = new double[capacity];
            BuildSession();
        }

        /// <summary>The core's session supervisor.</summary>
        public NodeSupervisor Supervisor => _supervisor;

        /// <summary>The MQTTnet adapter of the current session.</summary>
        public MqttNetLink Link => _link;

        /// <summary>The simulated network (set <see cref="HostNetworkLink.Available"/> false to drop "WiFi").</summary>
        public HostNetworkLink Network => _network;

        /// <summary>The clock (set <see cref="SystemClock.WallOffset"/> to simulate an unset clock).</summary>
        public SystemClock Clock => _clock;

        /// <summary>Current session state.</summary>
        public SessionState State => _supervisor.State;

        /// <summary>Data payloads acknowledged by the broker (QoS 0: sent).</summary>
        public int AckedPayloads { get; private set; }

        /// <summary>Times the session came online.</summary>
        public int Connects { get; private set; }

        /// <summary>Connect attempts refused for credentials (over all reboots).</summary>
        public int AuthFailures => _authFailuresBeforeReboots + _supervisor.AuthFailures;

        /// <summary>Connect attempts that failed in TLS (over all reboots).</summary>
        public int TlsFailures => _tlsFailuresBeforeReboots + _link.TlsFailures;

        /// <summary>Reason of the latest failed or refused connect (no secrets).</summary>
        public string LastConnectFailureReason => _link.LastFailureReason;

        /// <summary>Samples waiting to be published.</summary>
        public int QueuedSamples => _count;

        /// <summary>Times the node loop was restarted by a reboot.</summary>
        public int Reboots => _device.Reboots;

        /// <summary>The log.</summary>
        protected ConsoleLog Log => _log;

        /// <summary>Runs <see cref="Step"/> every 20 ms until <paramref name="stop"/> returns true or the token is cancelled.</summary>
        /// <param name="stop">Checked after every step; null never stops.</param>
        /// <param name="cancel">Cancels the loop.</param>
        /// <returns>A task that completes when the loop ends.</returns>
        public async Task RunAsync(Func<TwinNode, bool> stop, CancellationToken cancel)
        {
            while (!cancel.IsCancellationRequested)
            {
                Step();
                if (stop != null && stop(this))
                {
                    return;
                }

                try
                {
                    await Task.Delay(20, cancel).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        /// <summary>One main-loop turn: the supervisor's step (which calls back <see cref="OnStep"/> for sampling).</summary>
        public void Step()
        {
            _supervisor.Step(_clock.MonotonicMs);
            if (_rebootRequested)
            {
                _rebootRequested = false;
                Restart();
            }
        }

        /// <summary>Ends the session gracefully (no will) and releases the link.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Ends the session.</summary>
        /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                _supervisor.Shutdown();
                _link.Dispose();
            }
        }

        /// <inheritdoc />
        public virtual void OnOnline()
        {
            Connects++;
        }

        /// <inheritdoc />
        public virtual void OnOffline()
        {
            // Samples of an unacknowledged publish stay queued and are sent again (at-least-once).
            _inflightId = -1;
            _inflightSamples = 0;
        }

        /// <inheritdoc />
        public virtual void OnPublishAcked(int messageId)
        {
            if (messageId != _inflightId)
            {
                return; // the status message, or a late ack of a session given up on
            }

            Delivered(_ackTimer.Elapsed.TotalMilliseconds, true);
        }

        /// <inheritdoc />
        public virtual void OnPublishLost(int messageId)
        {
            if (messageId == _inflightId)
            {
                _inflightId = -1;
                _inflightSamples = 0;
                _log.Write(LogLevel.Warning, "publish #" + messageId + " lost; its " + _count + " queued sample(s) will be sent again");
            }
        }

        /// <inheritdoc />
        public virtual void OnMessageReceived(string topic, byte[] payload)
        {
            _log.Write(LogLevel.Info, "downlink on " + topic + " (" + payload.Length + " bytes)");
        }

        /// <inheritdoc />
        public virtual void OnRebootPending(RebootReason reason)
        {
            _log.Write(LogLevel.Warning, "reboot pending (" + reason + "): " + _count + " queued sample(s) kept");
        }

        /// <inheritdoc />
        public virtual void OnStep(long nowMs)
        {
            Sample(nowMs);
            PublishIfDue();
        }

        private void BuildSession()
        {
            _link = new MqttNetLink(64, _settings.UseMqtt5) { Log = _log };
            SessionOptions options = _settings.Session;
            var transport = new TagoMqttJsonTransport(options.ClientId, options.DataTopicTemplate);
            var ports = new SessionPorts
            {
                Clock = _clock,
                Network = _network,
                TimeSync = _timeSync,
                Mqtt = _link,
                Listener = this,
                Log = _log,
                Status = _status,
                Device = _device,
                Random = new SeededRandomSource(_settings.Seed + Reboots),
            };
            _supervisor = new NodeSupervisor(options, transport, ports);
        }

        private void Restart()
        {
            _authFailuresBeforeReboots += _supervisor.AuthFailures;
            _tlsFailuresBeforeReboots += _link.TlsFailures;
            _link.Close();
            _inflightId = -1;
            _inflightSamples = 0;
            BuildSession();
            _log.Write(LogLevel.Info, "node loop restarted (reboot #" + Reboots + "), " + _count + " sample(s) kept");
        }

        private void Sample(long nowMs)
        {
            if (nowMs < _nextSampleMs)
            {
                return;
            }

            _nextSampleMs = nowMs + _settings.SampleIntervalMs;
            if (!_sensor.TryRead(out double celsius, out double percent) || !double.IsFinite(celsius) || !double.IsFinite(percent))
            {
                _log.Write(LogLevel.Warning, "DHT22 read failed; sample skipped (no NaN is ever sent)");
                return;
            }

            int capacity = _times.Length;
            if (_count == capacity)
            {
                if (_inflightSamples >= _count)
                {
                    return;
                }

                // Full: drop the oldest sample that is not in flight (the store-and-forward area replaces this).
                _head = (_head + 1) % capacity;
                _count--;
                _log.Write(LogLevel.Warning, "offline queue full: oldest sample dropped");
            }

            int tail = (_head + _count) % capacity;
            _times[tail] = _clock.UtcNow;
            _celsius[tail] = celsius;
            _percent[tail] = percent;
            _count++;
        }

        private void PublishIfDue()
        {
            if (_inflightId >= 0 || _count < _settings.Batch || !_supervisor.IsOnline)
            {
                return;
            }

            int n = _settings.Batch;
            var times = new DateTime[n];
            var c = new double[n];
            var p = new double[n];
            for (int i = 0; i < n; i++)
            {
                int index = (_head + i) % _times.Length;
                times[i] = _times[index];
                c[i] = _celsius[index];
                p[i] = _percent[index];
            }

            byte[] payload = TagoJsonPayload.Readings(times, c, p, 0, n);
            _ackTimer.Restart();
            int id = _supervisor.PublishData(payload);
            if (id < 0)
            {
                return; // not online any more, or too many in flight: try on a later step
            }

            _inflightSamples = n;
            if (_settings.Session.Qos == 0)
            {
                Delivered(0, false); // QoS 0: a publish handed to the client counts as delivered
                return;
            }

            _inflightId = id;
        }

        private void Delivered(double latencyMs, bool acked)
        {
            int n = _inflightSamples;
            _head = (_head + n) % _times.Length;
            _count -= n;
            _inflightId = -1;
            _inflightSamples = 0;
            AckedPayloads++;
            _log.Write(
                LogLevel.Info,
                "published " + n + " sample(s) to " + _supervisor.Transport.DataTopic
                    + (acked ? ", PUBACK after " + latencyMs.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : " (QoS 0, sent)")
                    + " [#" + AckedPayloads + "]");
        }
    }
}
