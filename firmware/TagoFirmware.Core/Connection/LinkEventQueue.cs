namespace TagoFirmware.Connection
{
    /// <summary>
    /// A fixed-capacity, lock-protected inbox of <see cref="LinkEvent"/> facts for <see cref="IMqttLink"/> adapters:
    /// client-library threads <see cref="Post"/> into it, the main loop drains it through <see cref="TryTake"/>.
    /// Two lanes: the connection's own events (connect outcomes, acks, closes) in a FIFO, and received messages in a
    /// small <see cref="CommandLane"/> with its size and rate limits. The connection's lane is always taken first, so
    /// a command flood can neither delay an ack nor push it out. Stored as parallel arrays (no struct arrays, no
    /// per-event objects), so posting allocates nothing.
    /// </summary>
    /// <remarks>
    /// When a lane is full, a new event is dropped and counted (<see cref="Dropped"/>, <see cref="CommandsDropped"/>):
    /// a library thread must never wait for the main loop (see the overflow clause of <see cref="IMqttLink"/>).
    /// </remarks>
    public sealed class LinkEventQueue
    {
        /// <summary>
        /// Set whenever this inbox receives an event, so the main loop can wait for "something due or something
        /// arrived" instead of polling (<see cref="TagoFirmware.Node.NodeRunner"/>). One per inbox: with one shared
        /// event, several nodes in one process (the twin's tests) took each other's wakes and left acks unread.
        /// </summary>
        public readonly System.Threading.AutoResetEvent Arrived = new System.Threading.AutoResetEvent(false);

        private readonly object _sync = new object();
        private readonly int[] _kinds;
        private readonly int[] _codes;
        private readonly int[] _failures;
        private readonly int[] _ids;
        private readonly string[] _topics;
        private readonly byte[][] _payloads;
        private readonly CommandLane _commands = new CommandLane();
        private int _head;
        private int _count;
        private int _dropped;

        /// <summary>Creates an empty queue.</summary>
        /// <param name="capacity">Maximum number of waiting connection events (at least 1; 32 is plenty for one step's
        /// worth); received messages wait in the <see cref="CommandLane"/> instead.</param>
        public LinkEventQueue(int capacity)
        {
            if (capacity < 1)
            {
                capacity = 1;
            }

            _kinds = new int[capacity];
            _codes = new int[capacity];
            _failures = new int[capacity];
            _ids = new int[capacity];
            _topics = new string[capacity];
            _payloads = new byte[capacity][];
        }

        /// <summary>Number of events waiting, commands included.</summary>
        public int Count
        {
            get
            {
                lock (_sync)
                {
                    return _count + _commands.Count;
                }
            }
        }

        /// <summary>Received messages dropped (oversized, over the rate, or the command lane full), since creation.</summary>
        public int CommandsDropped
        {
            get
            {
                lock (_sync)
                {
                    return _commands.Dropped;
                }
            }
        }

        /// <summary>Number of connection events dropped because their lane was full, since creation.</summary>
        public int Dropped
        {
            get
            {
                lock (_sync)
                {
                    return _dropped;
                }
            }
        }

        /// <summary>
        /// Whether a received message of <paramref name="length"/> bytes may enter (<see cref="CommandLane.Admit"/>);
        /// ask before copying the payload out of the client library. A refused message is counted.
        /// </summary>
        /// <param name="length">Payload length in bytes.</param>
        /// <param name="nowMs">Monotonic time now.</param>
        /// <returns>True when the message may be posted.</returns>
        public bool Admit(int length, long nowMs)
        {
            lock (_sync)
            {
                return _commands.Admit(length, nowMs);
            }
        }

        /// <summary>Appends one fact (a MessageReceived to the command lane); safe from any thread; never blocks
        /// beyond the short lock.</summary>
        /// <param name="kind">What happened.</param>
        /// <param name="reasonCode">CONNACK code or -1.</param>
        /// <param name="failure">Failure class for ConnectFailed, else None.</param>
        /// <param name="messageId">Message id for publish events, else 0.</param>
        /// <param name="topic">Topic for MessageReceived, else null.</param>
        /// <param name="payload">Payload for MessageReceived, else null.</param>
        /// <returns>True when stored; false when dropped because the queue was full.</returns>
        public bool Post(LinkEventKind kind, int reasonCode, ConnectFailure failure, int messageId, string topic, byte[] payload)
        {
            lock (_sync)
            {
                if (kind == LinkEventKind.MessageReceived)
                {
                    if (!_commands.Add(topic, payload))
                    {
                        return false;
                    }

                    Arrived.Set();
                    return true;
                }

                if (_count == _kinds.Length)
                {
                    _dropped++;
                    return false;
                }

                int slot = (_head + _count) % _kinds.Length;
                _kinds[slot] = (int)kind;
                _codes[slot] = reasonCode;
                _failures[slot] = (int)failure;
                _ids[slot] = messageId;
                _topics[slot] = topic;
                _payloads[slot] = payload;
                _count++;
                Arrived.Set();
                return true;
            }
        }

        /// <summary>
        /// Moves the oldest connection event into <paramref name="into"/>; when there is none, what the command lane
        /// has (a <see cref="LinkEventKind.CommandsDropped"/> report, then the oldest message).
        /// </summary>
        /// <param name="into">The caller's reusable event.</param>
        /// <returns>True when an event was taken; false when the queue is empty.</returns>
        public bool TryTake(LinkEvent into)
        {
            lock (_sync)
            {
                if (_count == 0)
                {
                    return _commands.TryTake(into);
                }

                into.Kind = (LinkEventKind)_kinds[_head];
                into.ReasonCode = _codes[_head];
                into.Failure = (ConnectFailure)_failures[_head];
                into.MessageId = _ids[_head];
                into.Topic = _topics[_head];
                into.Payload = _payloads[_head];
                _topics[_head] = null;
                _payloads[_head] = null;
                _head = (_head + 1) % _kinds.Length;
                _count--;
                return true;
            }
        }

        /// <summary>Discards every waiting event (for example when the adapter closes the client).</summary>
        public void Clear()
        {
            lock (_sync)
            {
                _commands.Clear();
                for (int i = 0; i < _kinds.Length; i++)
                {
                    _topics[i] = null;
                    _payloads[i] = null;
                }

                _head = 0;
                _count = 0;
            }
        }
    }
}
