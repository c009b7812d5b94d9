using TagoFirmware.Commands;

namespace TagoFirmware.Connection
{
    /// <summary>
    /// The downlink commands' own lane of a <see cref="LinkEventQueue"/>: a few slots, a size limit and a rate limit, so
    /// a flood on the command topic can neither delay nor push out the connection's own events (acks, closes, connect
    /// outcomes) nor fill the heap. A message over <see cref="CommandParser.MaxPayloadBytes"/> or over the rate (a burst
    /// of <see cref="Burst"/>, then one per <see cref="RefillMs"/>) is dropped before anything parses or keeps it, and
    /// counted; docs/commands.md "Floods" gives the numbers and the reasons.
    /// </summary>
    /// <remarks>Not thread-safe on its own: <see cref="LinkEventQueue"/> calls it under its lock.</remarks>
    public sealed class CommandLane
    {
        /// <summary>Admitted commands that may wait for the main loop at once.</summary>
        public const int Capacity = 4;

        /// <summary>Commands admitted back to back before the rate limit applies (a dashboard sends a few at once).</summary>
        public const int Burst = 10;

        /// <summary>After a burst, one more command is admitted per this many milliseconds.</summary>
        public const int RefillMs = 1000;

        private readonly string[] _topics = new string[Capacity];
        private readonly byte[][] _payloads = new byte[Capacity][];
        private int _head;
        private int _count;
        private int _tokens = Burst;
        private long _refilledAtMs;
        private bool _clockStarted;
        private int _unreported;

        /// <summary>Commands waiting.</summary>
        public int Count => _count;

        /// <summary>Commands dropped since creation (oversized, over the rate, or the lane full); saturates.</summary>
        public int Dropped { get; private set; }

        /// <summary>
        /// Decides, before the payload is copied or parsed, whether a message may enter: refuses (and counts) one over
        /// <see cref="CommandParser.MaxPayloadBytes"/> or over the rate. An oversized message costs no rate.
        /// </summary>
        /// <param name="length">The payload length in bytes.</param>
        /// <param name="nowMs">Monotonic time now (real time: the rate protects the device, not the simulation).</param>
        /// <returns>True when the message may be added with <see cref="Add"/>.</returns>
        public bool Admit(int length, long nowMs)
        {
            if (length > CommandParser.MaxPayloadBytes)
            {
                return Drop();
            }

            Refill(nowMs);
            if (_tokens == 0)
            {
                return Drop();
            }

            _tokens--;
            return true;
        }

        /// <summary>Stores a message; drops and counts it when the lane is full.</summary>
        /// <param name="topic">The topic.</param>
        /// <param name="payload">The payload (kept, not copied).</param>
        /// <returns>True when stored.</returns>
        public bool Add(string topic, byte[] payload)
        {
            if (_count == Capacity)
            {
                return Drop();
            }

            int slot = (_head + _count) % Capacity;
            _topics[slot] = topic;
            _payloads[slot] = payload;
            _count++;
            return true;
        }

        /// <summary>
        /// Moves what is due into <paramref name="into"/>: first a <see cref="LinkEventKind.CommandsDropped"/> event
        /// when drops were not reported yet (one event for any number of them), then the oldest command.
        /// </summary>
        /// <param name="into">The caller's reusable event.</param>
        /// <returns>True when an event was taken.</returns>
        public bool TryTake(LinkEvent into)
        {
            if (_unreported > 0)
            {
                into.Clear();
                into.Kind = LinkEventKind.CommandsDropped;
                into.ReasonCode = _unreported;
                _unreported = 0;
                return true;
            }

            if (_count == 0)
            {
                return false;
            }

            into.Clear();
            into.Kind = LinkEventKind.MessageReceived;
            into.Topic = _topics[_head];
            into.Payload = _payloads[_head];
            _topics[_head] = null;
            _payloads[_head] = null;
            _head = (_head + 1) % Capacity;
            _count--;
            return true;
        }

        /// <summary>Discards the waiting commands (drops stay counted).</summary>
        public void Clear()
        {
            for (int i = 0; i < Capacity; i++)
            {
                _topics[i] = null;
                _payloads[i] = null;
            }

            _head = 0;
            _count = 0;
        }

        private void Refill(long nowMs)
        {
            if (!_clockStarted || _tokens == Burst || nowMs < _refilledAtMs)
            {
                // Full (or first use): the refill clock starts with the first command taken from a full bucket.
                _clockStarted = true;
                _refilledAtMs = nowMs;
                return;
            }

            long gained = (nowMs - _refilledAtMs) / RefillMs;
            if (gained <= 0)
            {
                return;
            }

            if (gained >= Burst - _tokens)
            {
                _tokens = Burst;
                _refilledAtMs = nowMs;
            }
            else
            {
                _tokens += (int)gained;
                _refilledAtMs += gained * RefillMs;
            }
        }

        private bool Drop()
        {
            if (Dropped < int.MaxValue)
            {
                Dropped++;
            }

            if (_unreported < int.MaxValue)
            {
                _unreported++;
            }

            return false;
        }
    }
}
