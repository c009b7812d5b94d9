using System.Threading;
using System.Collections.Concurrent;
using TagoFirmware.Connection;

namespace TagoFirmware.Host.Node
{
    /// <summary>
    /// An <see cref="IMqttLink"/> decorator through which the twin's stdin commands come out of <see cref="TryTakeEvent"/>
    /// as messages received on the command topic, whichever broker is used. They wait while the link is down.
    /// </summary>
    internal sealed class CommandInjectingLink : IMqttLink
    {
        private readonly IMqttLink _inner;
        private readonly ConcurrentQueue<(string Topic, byte[] Payload)> _injected = new ConcurrentQueue<(string, byte[])>();

        /// <summary>Wraps <paramref name="inner"/>.</summary>
        public CommandInjectingLink(IMqttLink inner)
        {
            _inner = inner;
        }

        /// <summary>Queues a message as if the broker had delivered it; safe from any thread.</summary>
        public void Inject(string topic, byte[] payload)
        {
            _injected.Enqueue((topic, payload));
            ((EventWaitHandle)_inner.Arrived).Set();
        }

        public bool IsConnected => _inner.IsConnected;

        public WaitHandle Arrived => _inner.Arrived;

        public bool BeginConnect(MqttConnectRequest request) => _inner.BeginConnect(request);

        public int Publish(string topic, byte[] payload, int qos) => _inner.Publish(topic, payload, qos);

        public int Subscribe(string topicFilter, int qos) => _inner.Subscribe(topicFilter, qos);

        public void Disconnect() => _inner.Disconnect();

        public void Close() => _inner.Close();

        public bool TryTakeEvent(LinkEvent into)
        {
            if (_inner.TryTakeEvent(into))
            {
                return true;
            }

            if (!_inner.IsConnected || !_injected.TryDequeue(out var message))
            {
                return false;
            }

            into.Clear();
            into.Kind = LinkEventKind.MessageReceived;
            into.Topic = message.Topic;
            into.Payload = message.Payload;
            return true;
        }
    }
}
