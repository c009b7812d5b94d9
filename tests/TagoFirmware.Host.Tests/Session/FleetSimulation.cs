using System;
using System.Collections.Generic;
using TagoFirmware.Connection;
using TagoFirmware.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Tests.Session
{
    /// <summary>
    /// Many node cores in one process against one simulated broker, in fake time: every node has its own
    /// <see cref="ConnectionSupervisor"/>, MQTT link and jitter source seeded from a consecutive MAC address (the worst case:
    /// one production batch), and they share the clock and the broker.
    /// </summary>
    internal sealed class FleetSimulation
    {
        public readonly SimClock Clock = new SimClock();
        public readonly SimBroker Broker = new SimBroker();
        public readonly List<ConnectionSupervisor> Nodes = new List<ConnectionSupervisor>();
        public readonly List<SimMqttLink> Links = new List<SimMqttLink>();

        public FleetSimulation(int count)
        {
            for (int i = 0; i < count; i++)
            {
                byte[] mac = { 0x24, 0x0A, 0xC4, (byte)(i >> 16), (byte)(i >> 8), (byte)i };
                string clientId = NodeWiring.ClientIdFromMac(mac);
                SessionOptions options = new SessionOptions
                {
                    Host = "mqtt.tago.io", Port = 8883, UseTls = true, Qos = 1, KeepAliveSeconds = 60, WifiConnectTimeoutMs = 30000,
                    AuthRetryIntervalMs = 300000, AckTimeoutMs = 15000, NoAckRebootMs = 1800000, MaxInFlight = 8, Password = "fleet-token", ClientId = clientId,
                };
                SimMqttLink link = new SimMqttLink(Broker) { Clock = Clock };
                NodePorts ports = new NodePorts
                {
                    Clock = Clock,
                    Network = new StubNetworkUp(),
                    Mqtt = link,
                    Random = new SeededRandomSource(SeededRandomSource.SeedFromMac(mac, 0)),
                };
                Nodes.Add(new ConnectionSupervisor(options, UplinkTransport.TagoMqttJson(clientId, null, null, null), ports));
                Links.Add(link);
            }
        }

        public void Run(long durationMs, long stepMs)
        {
            long end = Clock.NowMs + durationMs;
            while (Clock.NowMs < end)
            {
                Clock.NowMs += stepMs;
                foreach (ConnectionSupervisor node in Nodes)
                {
                    node.Step(Clock.NowMs);
                }
            }
        }

        public int OnlineCount()
        {
            int n = 0;
            foreach (ConnectionSupervisor node in Nodes)
            {
                if (node.State == SessionState.Online)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>The broker process dies: every connection is reset, new connects are refused until <see cref="SimBroker.Up"/>.</summary>
        public void KillBroker()
        {
            Broker.Up = false;
            foreach (SimMqttLink link in Links)
            {
                link.Reset();
            }
        }

        internal sealed class SimClock : IClock
        {
            public long NowMs;

            public long MonotonicMs => NowMs;

            public DateTime UtcNow => new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
        }

        internal sealed class SimBroker
        {
            public bool Up = true;
        }

        internal sealed class StubNetworkUp : INetworkLink
        {
            public bool IsUp => true;

            public bool BeginConnect(int timeoutMs) => true;

            public NetworkConnectResult TakeConnectResult() => NetworkConnectResult.Connected;
        }

        /// <summary>A link whose connect outcome and acks land in the inbox at once (the next drain).</summary>
        internal sealed class SimMqttLink : IMqttLink
        {
            private readonly SimBroker _broker;
            private readonly LinkEventQueue _inbox = new LinkEventQueue(16);
            private bool _connected;
            private int _nextId;

            public SimMqttLink(SimBroker broker)
            {
                _broker = broker;
            }

            public readonly List<long> AttemptTimes = new List<long>();
            public readonly List<long> ConnectTimes = new List<long>();
            public SimClock Clock;

            public System.Threading.WaitHandle Arrived => _inbox.Arrived;

            public bool IsConnected => _connected;

            public void Reset()
            {
                if (_connected)
                {
                    _connected = false;
                    _inbox.Post(LinkEventKind.Closed, -1, ConnectFailure.None, 0, null, null);
                }
            }

            public bool BeginConnect(SessionOptions request)
            {
                AttemptTimes.Add(Clock.NowMs);
                if (_broker.Up)
                {
                    _connected = true;
                    ConnectTimes.Add(Clock.NowMs);
                    _inbox.Post(LinkEventKind.ConnectSucceeded, 0, ConnectFailure.None, 0, null, null);
                }
                else
                {
                    _inbox.Post(LinkEventKind.ConnectFailed, -1, ConnectFailure.Network, 0, null, null);
                }

                return true;
            }

            public int Publish(string topic, byte[] payload, int qos)
            {
                if (!_connected)
                {
                    return ConnectionSupervisor.NotOnline;
                }

                _nextId = _nextId >= 65535 ? 1 : _nextId + 1;
                if (qos == 1)
                {
                    _inbox.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, _nextId, null, null);
                }

                return _nextId;
            }

            public int Subscribe(string topicFilter, int qos) => _connected ? 1 : ConnectionSupervisor.NotOnline;

            public void Disconnect() => _connected = false;

            public void Close() => _connected = false;

            public bool TryTakeEvent(LinkEvent into) => _inbox.TryTake(into);
        }
    }
}
