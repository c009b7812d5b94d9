using System.Threading;
using System.Collections.Concurrent;
using TagoFirmware.Connection;

namespace TagoFirmware.Host.Node
{
    /// <summary>
    /// An <see cref="IMqttLink"/> decorator that lets the twin's operator send downlink commands from stdin: an injected
    /// command comes out of <see cref="TryTakeEvent"/> as a received message on the command topic, exactly as if the
    /// broker had delivered it, so it works the same with the embedded broker and with any external one. Injected
    /// commands wait while the link is down (the node only takes commands while online).
    /// </summary>
    public sealed class CommandInjectingLink : IMqttLink
    {
        private readonly IMqttLink _inner;
        private readonly ConcurrentQueue<(string Topic, byte[] Payload)> _injected = new ConcurrentQueue<(string, byte[])>();

        /// <summary>Wraps <paramref name="inner"/>.</summary>
        /// <param name="inner">The real link.</param>
        public CommandInjectingLink(IMqttLink inner)
        {
            _inner = inner;
        }

        /// <summary>Queues a message as if the broker had delivered it; safe from any thread.</summary>
        /// <param name="topic">The command topic.</param>
        /// <param name="payload">The payload.</param>
        public void Inject(string topic, byte[] payload)
        {
            _injected.Enqueue((topic, payload));
            ((EventWaitHandle)_inner.Arrived).Set();
        }

        /// <inheritdoc />
        public bool IsConnected => _inner.IsConnected;

        /// <inheritdoc />
        public WaitHandle Arrived => _inner.Arrived;

        /// <inheritdoc />
        public bool BeginConnect(MqttConnectRequest request) => _inner.BeginConnect(request);

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int qos) => _inner.Publish(topic, payload, qos);

        /// <inheritdoc />
        public int Subscribe(string topicFilter, int qos) => _inner.Subscribe(topicFilter, qos);

        /// <inheritdoc />
        public void Disconnect() => _inner.Disconnect();

        /// <inheritdoc />
        public void Close() => _inner.Close();

        /// <inheritdoc />
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
