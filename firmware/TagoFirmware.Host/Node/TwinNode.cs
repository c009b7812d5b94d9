using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using TagoFirmware.Host.Adapters;

namespace TagoFirmware.Host.Node
{
    /// <summary>
    /// The twin's node loop: sample the (simulated) DHT22 on a timer, keep samples while offline, and publish them in
    /// batches through the session. <see cref="Step"/> never blocks; connects and publishes run on MQTTnet's worker
    /// tasks and report through the link's inbox. The integrator extends this class with the core's queue and
    /// batching; the session policy (backoff, auth retry, ack timeout) follows issue 3 §1.
    /// </summary>
    public class TwinNode : IDisposable
    {
        private readonly TwinNodeSettings _settings;
        private readonly SimulatedDht22 _sensor;
        private readonly ConsoleLog _log;
        private readonly ConsoleStatusIndicator _led;
        private readonly Random _jitter;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private MqttNetConnection _link;

        // Offline sample queue as parallel arrays (ring), like the device's packed queue.
        private DateTime[] _times;
        private double[] _celsius;
        private double[] _percent;
        private int _head;
        private int _count;

        private long _nextSampleMs;
        private long _nextAttemptMs;
        private long _connectedAtMs;
        private int _attempt;
        private bool _retryAtOnceAvailable;
        private int _inflightId;
        private int _inflightSamples;
        private long _inflightSinceMs;
        private int _statusId;

        /// <summary>Creates a node; nothing runs until <see cref="Step"/> or <see cref="RunAsync"/>.</summary>
        /// <param name="settings">Settings.</param>
        /// <param name="sensor">Sensor to sample.</param>
        /// <param name="log">Log.</param>
        public TwinNode(TwinNodeSettings settings, SimulatedDht22 sensor, ConsoleLog log)
        {
            _settings = settings;
            _sensor = sensor;
            _log = log;
            _log.AddSecret(settings.Link.Password);
            _led = new ConsoleStatusIndicator(log);
            _jitter = new Random(settings.Seed);
            AllocateQueue();
            _link = CreateLink();
            State = TwinNodeState.Offline;
        }

        /// <summary>Current session state.</summary>
        public TwinNodeState State { get; private set; }

        /// <summary>Data payloads acknowledged by the broker (QoS 0: written).</summary>
        public int AckedPayloads { get; private set; }

        /// <summary>Successful connects.</summary>
        public int Connects { get; private set; }

        /// <summary>Connect attempts refused for credentials.</summary>
        public int AuthFailures { get; private set; }

        /// <summary>Connect attempts that failed in TLS.</summary>
        public int TlsFailures { get; private set; }

        /// <summary>Reason of the last TLS failure (for the exit message).</summary>
        public string LastTlsFailure { get; private set; }

        /// <summary>Samples waiting to be published.</summary>
        public int QueuedSamples => _count;

        /// <summary>Times the node loop was restarted by <see cref="Reboot"/>.</summary>
        public int Reboots { get; private set; }

        /// <summary>Milliseconds since the node started (monotonic).</summary>
        protected long NowMs => _clock.ElapsedMilliseconds;

        /// <summary>Runs <see cref="Step"/> every 20 ms until <paramref name="stop"/> says so or the token is cancelled.</summary>
        /// <param name="stop">Checked after every step; returns true to stop.</param>
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

        /// <summary>One pass of the loop: drain the inbox, sample, connect when due, publish, check the ack timer.</summary>
        public void Step()
        {
            long now = NowMs;
            DrainInbox(now);
            Sample(now);
            switch (State)
            {
                case TwinNodeState.Offline:
                case TwinNodeState.AuthFailed:
                case TwinNodeState.TlsFailed:
                    if (now >= _nextAttemptMs && _link.BeginConnect())
                    {
                        Transition(TwinNodeState.Connecting, "attempt " + (_attempt + 1) + " to " + _settings.Link.Host + ":" + _settings.Link.Port);
                    }

                    break;
                case TwinNodeState.Online:
                    if (_inflightId != 0 && _settings.Qos >= 1 && now - _inflightSinceMs > _settings.PublishAckTimeoutMs)
                    {
                        DropLink(now, "no PUBACK within " + _settings.PublishAckTimeoutMs + " ms: link is dead");
                        break;
                    }

                    if (_connectedAtMs != 0 && now - _connectedAtMs >= _settings.StableConnectionMs && _attempt != 0)
                    {
                        _attempt = 0; // stayed up long enough: a later drop starts the backoff from the base again
                    }

                    PublishIfDue(now);
                    break;
            }

            ShowLed();
        }

        /// <summary>Restarts the node loop in-process, like the device's reboot (queued samples are kept: "flushed to flash").</summary>
        /// <param name="reason">Why, for the log.</param>
        public void Reboot(string reason)
        {
            _log.Warn("reboot: " + reason);
            Reboots++;
            _link.Dispose();
            _link = CreateLink();
            _inflightId = 0;
            _inflightSamples = 0;
            _statusId = 0;
            _attempt = 0;
            _nextAttemptMs = NowMs;
            State = TwinNodeState.Offline;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases the link.</summary>
        /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                _link.Dispose();
            }
        }

        private MqttNetConnection CreateLink()
        {
            MqttLinkSettings link = _settings.Link;
            link.WillTopic = _settings.StatusTopic;
            link.WillPayload = _settings.StatusTopic == null ? null : TagoJsonPayload.Status("offline");
            return new MqttNetConnection(link);
        }

        private void AllocateQueue()
        {
            int capacity = Math.Max(_settings.MaxQueuedSamples, _settings.Batch);
            _times = new DateTime[capacity];
            _celsius = new double[capacity];
            _percent = new double[capacity];
        }

        private void Sample(long now)
        {
            if (now < _nextSampleMs)
            {
                return;
            }

            _nextSampleMs = now + _settings.SampleIntervalMs;
            if (!_sensor.TryRead(out double celsius, out double percent))
            {
                _log.Warn("DHT22 read failed; sample skipped (no NaN is ever sent)");
                return;
            }

            int capacity = _times.Length;
            if (_count == capacity)
            {
                // Full: drop the oldest unsent sample that is not in flight.
                if (_inflightSamples < _count)
                {
                    _head = (_head + 1) % capacity;
                    _count--;
                    _log.Warn("offline queue full: oldest sample dropped");
                }
                else
                {
                    return;
                }
            }

            int tail = (_head + _count) % capacity;
            _times[tail] = DateTime.UtcNow;
            _celsius[tail] = celsius;
            _percent[tail] = percent;
            _count++;
        }

        private void PublishIfDue(long now)
        {
            if (_inflightId != 0 || _count < _settings.Batch)
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
            int id = _link.Publish(_settings.DataTopic, payload, _settings.Qos);
            if (id == 0)
            {
                return; // the link went down between steps; the inbox tells why
            }

            _inflightId = id;
            _inflightSamples = n;
            _inflightSinceMs = now;
        }

        private void DrainInbox(long now)
        {
            while (_link.TryDequeue(out LinkEvent e))
            {
                switch (e.Kind)
                {
                    case LinkEventKind.Connected:
                        Connects++;
                        _connectedAtMs = now;
                        _retryAtOnceAvailable = true;
                        Transition(TwinNodeState.Online, e.Reason);
                        if (_settings.StatusTopic != null)
                        {
                            _statusId = _link.Publish(_settings.StatusTopic, TagoJsonPayload.Status("online"), 1);
                        }

                        break;
                    case LinkEventKind.Refused:
                        AuthFailures++;
                        _nextAttemptMs = now + _settings.AuthRetryMs;
                        _log.Error("credentials refused (" + e.Reason + ", code " + e.Code + "), refusal #" + AuthFailures + "; next try in " + (_settings.AuthRetryMs / 1000.0) + " s");
                        Transition(TwinNodeState.AuthFailed, "broker refused the token");
                        break;
                    case LinkEventKind.TlsFailed:
                        TlsFailures++;
                        LastTlsFailure = e.Reason;
                        ScheduleBackoff(now, false);
                        Transition(TwinNodeState.TlsFailed, "TLS: " + e.Reason);
                        break;
                    case LinkEventKind.NetworkFailed:
                    case LinkEventKind.ConnectRejected:
                        ScheduleBackoff(now, true);
                        Transition(TwinNodeState.Offline, e.Reason + "; next attempt in " + (_nextAttemptMs - now) + " ms");
                        break;
                    case LinkEventKind.Closed:
                        DropLink(now, "connection closed: " + e.Reason);
                        break;
                    case LinkEventKind.PublishAcked:
                        OnAcked(e);
                        break;
                    case LinkEventKind.PublishFailed:
                        if (e.MessageId == _inflightId)
                        {
                            _inflightId = 0;
                            _inflightSamples = 0;
                            _log.Warn("publish failed: " + e.Reason + "; samples stay queued");
                        }

                        break;
                    case LinkEventKind.MessageReceived:
                        _log.Info("downlink on " + e.Topic + ": " + e.Payload.Length + " bytes");
                        break;
                }
            }
        }

        private void OnAcked(LinkEvent e)
        {
            if (e.MessageId == _statusId)
            {
                _statusId = 0;
                return;
            }

            if (e.MessageId != _inflightId)
            {
                return; // a late ack from a session we already gave up on
            }

            int n = _inflightSamples;
            _head = (_head + n) % _times.Length;
            _count -= n;
            _inflightId = 0;
            _inflightSamples = 0;
            AckedPayloads++;
            _log.Info("published " + n + " sample(s) to " + _settings.DataTopic + (_settings.Qos >= 1 ? ", PUBACK after " + e.LatencyMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " ms" : " (QoS 0, sent)") + " [#" + AckedPayloads + "]");
        }

        private void DropLink(long now, string reason)
        {
            _link.Close();
            _inflightId = 0;
            _inflightSamples = 0;
            _statusId = 0;
            _connectedAtMs = 0;
            if (_retryAtOnceAvailable)
            {
                // One reconnect right after a drop is tried at once (a stale failure is common: m2mqtt-behaviour.md).
                _retryAtOnceAvailable = false;
                _nextAttemptMs = now;
            }
            else
            {
                ScheduleBackoff(now, true);
            }

            Transition(TwinNodeState.Offline, reason);
        }

        private void ScheduleBackoff(long now, bool count)
        {
            // Exponential backoff with full jitter (AWS architecture blog "Exponential Backoff And Jitter"):
            // delay = random(0, min(cap, base * 2^attempt)), so a fleet does not reconnect in lock-step.
            int exponent = Math.Min(_attempt, 20);
            long window = Math.Min((long)_settings.BackoffCapMs, (long)_settings.BackoffBaseMs << exponent);
            if (count)
            {
                _attempt++;
            }

            _nextAttemptMs = now + (long)(_jitter.NextDouble() * window);
        }

        private void Transition(TwinNodeState next, string reason)
        {
            if (next == State && next != TwinNodeState.AuthFailed)
            {
                _log.Write(LogLevel.Debug, State + ": " + reason);
                return;
            }

            _log.Info("state " + State + " -> " + next + ": " + reason);
            State = next;
        }

        private void ShowLed()
        {
            switch (State)
            {
                case TwinNodeState.Online: _led.Show("solid (online)"); break;
                case TwinNodeState.AuthFailed: _led.Show("double blink (credentials refused)"); break;
                case TwinNodeState.TlsFailed: _led.Show("triple blink (certificate problem)"); break;
                default: _led.Show("slow blink (no broker)"); break;
            }
        }
    }
}
