using System;
using System.Threading;
using TagoFirmware.Connection;
using TagoFirmware.Tests.Session;

namespace TagoFirmware.Tests.Connection
{
    /// <summary>
    /// A scripted client library under the core's <see cref="MqttConnection"/>: each client is a plain object; the next
    /// connect returns <see cref="NextCode"/> or throws what <see cref="NextError"/> describes, optionally after the
    /// library "raised" a CONNACK event, and may block on <see cref="ConnectGate"/> like a stuck M2Mqtt Connect.
    /// </summary>
    public class FakeMqttConnection : MqttConnection
    {
        public const int NoThrow = -1;

        public readonly FakeClock Clock;
        public int NextCode;
        public int NextError = NoThrow;
        public int NextSocketCode;
        public int ConnackEvent = -1;
        public bool CreateThrows;
        public ManualResetEvent ConnectGate;
        public ManualResetEvent CreateGate;
        public int ConnectCalls;
        public long ConnectTakesMs;
        public bool LibraryConnected = true;
        public bool PublishThrows;
        public object LastClient;
        public int Created;
        public int Closed;
        public int Disconnected;

        public FakeMqttConnection(FakeWorker worker, FakeClock clock)
            : base(worker, clock, 8)
        {
            Clock = clock;
        }

        public void RaiseConnack(object client, int code)
        {
            OnConnack(client, code);
        }

        public void RaisePublished(object client, int id, bool delivered)
        {
            Report(client, delivered ? LinkEventKind.PublishAcked : LinkEventKind.PublishFailed, -1, id, null, null);
        }

        public void RaiseMessage(object client, string topic)
        {
            Report(client, LinkEventKind.MessageReceived, -1, 0, topic, new byte[] { 1 });
        }

        public void RaiseClosed(object client)
        {
            OnClosed(client);
        }

        protected override object CreateClient(SessionOptions request)
        {
            if (CreateGate != null)
            {
                CreateGate.WaitOne();
            }

            if (CreateThrows)
            {
                throw new Exception("dns");
            }

            Created++;
            LastClient = new object();
            return LastClient;
        }

        protected override int ConnectClient(object client, SessionOptions request)
        {
            ConnectCalls++;
            if (ConnectGate != null)
            {
                ConnectGate.WaitOne();
            }

            Clock.NowMs += ConnectTakesMs;
            if (ConnackEvent >= 0)
            {
                OnConnack(client, ConnackEvent);
            }

            if (NextError != NoThrow)
            {
                throw new Exception("library");
            }

            return NextCode;
        }

        protected override ConnectFailure Describe(Exception ex, bool created, out int socketCode)
        {
            socketCode = NextSocketCode;
            return created ? (ConnectFailure)NextError : ConnectFailure.Dns;
        }

        protected override bool ClientConnected(object client)
        {
            return LibraryConnected;
        }

        protected override int PublishOn(object client, string topic, byte[] payload, int qos)
        {
            if (PublishThrows)
            {
                throw new Exception("queue full");
            }

            return 7;
        }

        protected override int SubscribeOn(object client, string topicFilter, int qos)
        {
            return 8;
        }

        protected override void DisconnectClient(object client)
        {
            Disconnected++;
        }

        protected override void CloseClient(object client)
        {
            Closed++;
        }
    }
}
