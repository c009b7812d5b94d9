using System;
using System.Collections.Generic;
using TagoFirmware.Config;
using TagoFirmware.Node;
using TagoFirmware.Readings;
using TagoFirmware.Sensors;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Benchmarks.IlCost
{
    /// <summary>
    /// A whole node on in-memory ports for the node scenarios: one DHT22 answering steady values, WiFi up, a broker
    /// that accepts at once and acknowledges every QoS 1 publish on the next step, a persistent in-memory reading
    /// store, a fake clock the rig advances to the node's next due time (as the run loop would). The ports are not
    /// instrumented: only the core's own IL is counted.
    /// </summary>
    public sealed class NodeScenarioRig : IClock, INetworkLink, IMqttLink, ITemperatureHumiditySensor, IRandomSource, IReadingStore
    {
        private readonly Queue<int> _acks = new Queue<int>();
        private readonly List<byte> _store = new List<byte>();
        private readonly DateTime _wallAtZero = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private bool _connectPending;
        private bool _connected;
        private int _nextId;

        /// <summary>Builds the node (interval 60 s, batch 10, QoS 1, persisted queue) and brings it online.</summary>
        public NodeScenarioRig()
        {
            var config = new NodeConfig();
            config.Set(ConfigKeys.Token, "bench-token");
            config.Set(ConfigKeys.WifiSsid, "bench");
            config.Set(ConfigKeys.SamplingInterval, 60);
            config.Set(ConfigKeys.SamplingBatch, 10);
            config.Set(ConfigKeys.MqttQos, 1);
            config.Set(ConfigKeys.QueueCapacity, 256);
            config.Set(ConfigKeys.QueuePersist, true);
            var sensor = new SensorConfig { Model = SensorModel.Dht22 };
            sensor.Set(ConfigKeys.SensorEchoPin, 4);
            sensor.Set(ConfigKeys.SensorTriggerPin, 16);
            sensor.Set(ConfigKeys.SensorName, "dht22");
            sensor.Set(ConfigKeys.SensorSuffix, string.Empty);
            config.Sensors = new[] { sensor };
            var ports = new NodePorts
            {
                Clock = this,
                Network = this,
                Mqtt = this,
                Random = this,
                ReadingStore = this,
                Sensors = new ITemperatureHumiditySensor[] { this },
            };
            Node = new SensorNode(config, null, "tago-bench", ports);
            Node.Start(0);
            while (!Node.Supervisor.IsOnline)
            {
                StepToNextDue();
            }
        }

        /// <summary>The node.</summary>
        public SensorNode Node { get; }

        /// <summary>Fake monotonic time.</summary>
        public long MonotonicMs { get; private set; }

        /// <inheritdoc/>
        public DateTime UtcNow => _wallAtZero.AddMilliseconds(MonotonicMs);

        /// <inheritdoc/>
        public bool IsUp => true;

        /// <inheritdoc/>
        public System.Threading.WaitHandle Arrived { get; } = new System.Threading.AutoResetEvent(false);

        public bool IsConnected => _connected;

        /// <summary>Advances the clock to the node's next due time (or to a pending ack) and steps once, as MainLoop.Run does.</summary>
        public void StepToNextDue()
        {
            if (_acks.Count == 0 && !_connectPending && Node.NextStepDueMs > MonotonicMs)
            {
                MonotonicMs = Node.NextStepDueMs;
            }

            // As the run loop does: a full step when the link has something to report, else the node may step only its sensors.
            Node.StepDue(MonotonicMs, _acks.Count > 0 || _connectPending);
        }

        /// <inheritdoc/>
        public bool BeginConnect(int timeoutMs) => true;

        /// <inheritdoc/>
        public NetworkConnectResult TakeConnectResult() => NetworkConnectResult.Connected;

        /// <inheritdoc/>
        public bool BeginConnect(SessionOptions request)
        {
            _connectPending = true;
            return true;
        }

        /// <inheritdoc/>
        public int Publish(string topic, byte[] payload, int qos)
        {
            _nextId = _nextId % 65535 + 1;
            if (qos == 1)
            {
                _acks.Enqueue(_nextId);
            }

            return _nextId;
        }

        /// <inheritdoc/>
        public int Subscribe(string topicFilter, int qos) => 1;

        /// <inheritdoc/>
        public void Disconnect() => _connected = false;

        /// <inheritdoc/>
        public void Close() => _connected = false;

        /// <inheritdoc/>
        public bool TryTakeEvent(LinkEvent into)
        {
            if (_connectPending)
            {
                _connectPending = false;
                _connected = true;
                into.Kind = LinkEventKind.ConnectSucceeded;
                return true;
            }

            if (_acks.Count == 0)
            {
                return false;
            }

            into.Kind = LinkEventKind.PublishAcked;
            into.MessageId = _acks.Dequeue();
            return true;
        }

        /// <inheritdoc/>
        public bool TryRead(out double celsius, out double percent)
        {
            celsius = 21.4;
            percent = 48.2;
            return true;
        }

        /// <inheritdoc/>
        public void Reset()
        {
        }

        /// <inheritdoc/>
        public int Next(int maxExclusive) => maxExclusive / 2;

        /// <inheritdoc/>
        public bool CanWrite => true;

        public int Length => _store.Count;

        /// <inheritdoc/>
        public int Read(int position, byte[] buffer, int offset, int count)
        {
            int n = Math.Min(count, _store.Count - position);
            _store.CopyTo(position, buffer, offset, n);
            return n;
        }

        /// <inheritdoc/>
        public bool Append(byte[] buffer, int offset, int count)
        {
            _store.AddRange(new ArraySegment<byte>(buffer, offset, count));
            return true;
        }

        /// <inheritdoc/>
        public bool BeginReplace()
        {
            _store.Clear();
            return true;
        }

        /// <inheritdoc/>
        public bool WriteReplacement(byte[] buffer, int offset, int count) => Append(buffer, offset, count);

        /// <inheritdoc/>
        public bool CommitReplace() => true;

        /// <inheritdoc/>
        public void AbortReplace()
        {
        }
    }
}
