using System.Collections;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    /// <summary>
    /// A controllable MQTT link that reproduces what nanoFramework.M2Mqtt 5.1.220 really does
    /// (as docs/esp32-app.md lists, from the nanoframework/nanoFramework.m2mqtt sources): outcomes reported late through the inbox, refusals as a return code or
    /// as an exception whose CONNACK code only ConnectionOpened saw, stale exceptions on reconnect, connects that
    /// block for tens of seconds (and keep running after Close, like the adapter's worker), links that drop, and
    /// links that stay "connected" but never acknowledge.
    /// </summary>
    public class FakeMqttLink : IMqttLink
    {
        private const int MaxScheduledAcks = 512;

        private readonly FakeClock _clock;
        private readonly LinkEventQueue _inbox = new LinkEventQueue(256);
        private readonly ArrayList _script = new ArrayList();
        private readonly int[] _ackIds = new int[MaxScheduledAcks];
        private readonly long[] _ackDueMs = new long[MaxScheduledAcks];
        private int _ackCount;
        private bool _connected;
        private bool _attemptPending;
        private long _attemptDueMs;
        private ConnectBehaviour _attemptBehaviour;
        private bool _outcomeUntaken;
        private int _nextId;
        private int _subackId = -1;
        private long _subackDueMs;

        public FakeMqttLink(FakeClock clock)
        {
            _clock = clock;
        }

        /// <summary>How attempts are answered when the script is empty.</summary>
        public ConnectBehaviour Behaviour = ConnectBehaviour.Accept;

        /// <summary>The CONNACK code of refusals.</summary>
        public int RefusalCode = 5;

        /// <summary>How long (fake time) an attempt runs before its outcome lands in the inbox.</summary>
        public long ConnectDelayMs = 100;

        /// <summary>False: the link stays "connected" but PUBACKs never come (frozen broker).</summary>
        public bool AcksPublishes = true;

        /// <summary>PUBACK latency.</summary>
        public long AckDelayMs = 50;

        /// <summary>The granted QoS each SUBACK reports (0x80 = refused); -1: SUBACKs never come.</summary>
        public int SubackGranted = 1;

        /// <summary>SUBACK latency.</summary>
        public long SubackDelayMs = 50;

        /// <summary>The protocol level of every connect attempt, in order (boxed ints).</summary>
        public readonly ArrayList AttemptLevels = new ArrayList();

        public int BeginCalls;
        public int TakeCalls;
        public int CloseCalls;
        public int DisconnectCalls;
        /// <summary>Publishes made before the latest Disconnect (-1: none yet).</summary>
        public int PublishesAtDisconnect = -1;
        public int ClosesWhileAttemptRunning;
        public SessionOptions LastRequest;
        public readonly ArrayList Publishes = new ArrayList();
        public readonly ArrayList Subscriptions = new ArrayList();

        /// <summary>Fake times at which each connect attempt started (boxed longs).</summary>
        public readonly ArrayList AttemptTimes = new ArrayList();

        /// <summary>Answers the next attempts in order, before falling back to <see cref="Behaviour"/>.</summary>
        public void Script(ConnectBehaviour behaviour)
        {
            _script.Add(behaviour);
        }

        /// <summary>The broker went away (TCP reset): IsConnected false at once, then ConnectionClosed.</summary>
        public void DropConnection()
        {
            if (_connected)
            {
                _connected = false;
                _ackCount = 0;
                _inbox.Post(LinkEventKind.Closed, -1, ConnectFailure.None, 0, null, null);
            }
        }

        /// <summary>The network adapter saw the IP link go down.</summary>
        public void NetworkLost()
        {
            _inbox.Post(LinkEventKind.NetworkLost, -1, ConnectFailure.None, 0, null, null);
        }

        /// <summary>The client library silently loses its connection (IsConnected false, no event).</summary>
        public void LoseConnectionSilently()
        {
            _connected = false;
            _ackCount = 0;
        }

        /// <summary>A downlink message arrives; admitted by size and command rate first, as the real adapters do.</summary>
        public void Deliver(string topic, byte[] payload)
        {
            if (_inbox.Admit(payload == null ? 0 : payload.Length, _clock.NowMs, LastRequest == null || !LastRequest.ShortSessions))
            {
                _inbox.Post(LinkEventKind.MessageReceived, -1, ConnectFailure.None, 0, topic, payload);
            }
        }

        /// <summary>A PUBACK arrives for <paramref name="messageId"/> (also a duplicate or unknown one).</summary>
        public void Ack(int messageId)
        {
            _inbox.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, messageId, null, null);
        }

        /// <summary>The client library gives a QoS 1 message up (M2Mqtt: IsPublished = false after its retries).</summary>
        public void FailPublish(int messageId)
        {
            _inbox.Post(LinkEventKind.PublishFailed, -1, ConnectFailure.None, messageId, null, null);
        }

        public PublishRecord LastPublish
        {
            get { return Publishes.Count == 0 ? null : (PublishRecord)Publishes[Publishes.Count - 1]; }
        }

        /// <summary>Signalled when an event enters the fake's inbox.</summary>
        public System.Threading.WaitHandle Arrived
        {
            get { return _inbox.Arrived; }
        }

        public bool IsConnected
        {
            get
            {
                Pump();
                return _connected;
            }
        }

        public bool BeginConnect(SessionOptions request)
        {
            Pump();
            if (_attemptPending || _outcomeUntaken)
            {
                return false;
            }

            BeginCalls++;
            LastRequest = request;
            AttemptTimes.Add(_clock.NowMs);
            AttemptLevels.Add(request.ProtocolLevel);
            _attemptPending = true;
            _attemptDueMs = _clock.NowMs + ConnectDelayMs;
            if (_script.Count > 0)
            {
                _attemptBehaviour = (ConnectBehaviour)_script[0];
                _script.RemoveAt(0);
            }
            else
            {
                _attemptBehaviour = Behaviour;
            }

            return true;
        }

        public int Publish(string topic, byte[] payload, int qos)
        {
            Pump();
            if (!_connected)
            {
                return ConnectionSupervisor.NotOnline;
            }

            _nextId = _nextId >= 65535 ? 1 : _nextId + 1;
            PublishRecord record = new PublishRecord();
            record.Topic = topic;
            record.Payload = payload;
            record.Qos = qos;
            record.MessageId = _nextId;
            record.AtMs = _clock.NowMs;
            Publishes.Add(record);
            if (qos == 1 && AcksPublishes && _ackCount < MaxScheduledAcks)
            {
                _ackIds[_ackCount] = _nextId;
                _ackDueMs[_ackCount] = _clock.NowMs + AckDelayMs;
                _ackCount++;
            }

            return _nextId;
        }

        public int Subscribe(string topicFilter, int qos)
        {
            if (!_connected)
            {
                return ConnectionSupervisor.NotOnline;
            }

            Subscriptions.Add(topicFilter);
            _nextId = _nextId >= 65535 ? 1 : _nextId + 1;
            if (SubackGranted >= 0)
            {
                _subackId = _nextId;
                _subackDueMs = _clock.NowMs + SubackDelayMs;
            }

            return _nextId;
        }

        public void Disconnect()
        {
            DisconnectCalls++;
            PublishesAtDisconnect = Publishes.Count;
            _connected = false;
            _ackCount = 0;
        }

        public void Close()
        {
            CloseCalls++;
            if (_attemptPending)
            {
                // The adapter's worker is still blocked in Connect; its outcome will still arrive.
                ClosesWhileAttemptRunning++;
            }

            _connected = false;
            _ackCount = 0;
        }

        public bool TryTakeEvent(LinkEvent into)
        {
            TakeCalls++;
            Pump();
            if (!_inbox.TryTake(into))
            {
                return false;
            }

            if (into.Kind == LinkEventKind.ConnectSucceeded || into.Kind == LinkEventKind.ConnectRefused
                || into.Kind == LinkEventKind.ConnectFailed)
            {
                _outcomeUntaken = false;
            }

            return true;
        }

        private void Pump()
        {
            long now = _clock.NowMs;
            if (_attemptPending && now >= _attemptDueMs)
            {
                _attemptPending = false;
                _outcomeUntaken = true;
                switch (_attemptBehaviour)
                {
                    case ConnectBehaviour.Accept:
                        _connected = true;
                        _inbox.Post(LinkEventKind.ConnectSucceeded, 0, ConnectFailure.None, 0, null, null);
                        break;
                    case ConnectBehaviour.RefuseWithCode:
                        _inbox.Post(LinkEventKind.ConnectRefused, RefusalCode, ConnectFailure.None, 0, null, null);
                        break;
                    case ConnectBehaviour.RefuseAsException:
                        _inbox.Post(LinkEventKind.ConnectFailed, RefusalCode, ConnectFailure.Communication, 0, null, null);
                        break;
                    case ConnectBehaviour.FailNetwork:
                        _inbox.Post(LinkEventKind.ConnectFailed, -1, ConnectFailure.Network, 0, null, null);
                        break;
                    case ConnectBehaviour.FailTls:
                        _inbox.Post(LinkEventKind.ConnectFailed, -1, ConnectFailure.Tls, 0, null, null);
                        break;
                    case ConnectBehaviour.CloseBeforeConnack:
                        _inbox.Post(LinkEventKind.ConnectFailed, -1, ConnectFailure.Communication, 0, null, null);
                        break;
                    case ConnectBehaviour.FailProbableAuthRefusal:
                        _inbox.Post(LinkEventKind.ConnectFailed, -1, ConnectFailure.ProbableAuthRefusal, 0, null, null);
                        break;
                    default:
                        _inbox.Post(LinkEventKind.ConnectFailed, 0, ConnectFailure.Communication, 0, null, null);
                        break;
                }
            }

            if (_subackId >= 0 && now >= _subackDueMs)
            {
                if (_connected)
                {
                    _inbox.Post(LinkEventKind.Subscribed, SubackGranted, ConnectFailure.None, _subackId, null, null);
                }

                _subackId = -1;
            }

            int kept = 0;
            for (int i = 0; i < _ackCount; i++)
            {
                if (now >= _ackDueMs[i])
                {
                    if (_connected)
                    {
                        _inbox.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, _ackIds[i], null, null);
                    }
                }
                else
                {
                    _ackIds[kept] = _ackIds[i];
                    _ackDueMs[kept] = _ackDueMs[i];
                    kept++;
                }
            }

            _ackCount = kept;
        }
    }
}
