using TagoFirmware.Commands;

namespace TagoFirmware.Connection
{
    /// <summary>The inbox: library threads post, the main loop takes, connection events first; messages have own slots behind <see cref="Admit"/> (docs/commands.md "Floods").</summary>
    public sealed class LinkEventQueue
    {
        /// <summary>Received messages that may wait for the main loop at once.</summary>
        public const int CommandSlots = 4;

        /// <summary>Commands admitted back to back before the rate limit applies (a dashboard sends a few at once).</summary>
        public const int CommandBurst = 10;

        /// <summary>After a burst, one more command is admitted per this many milliseconds.</summary>
        public const int CommandRefillMs = 1000;

        /// <summary>Set on every post, so the loop waits for "due or arrived" (one per inbox, not shared between nodes).</summary>
        public readonly System.Threading.AutoResetEvent Arrived = new System.Threading.AutoResetEvent(false);

        private readonly object _sync = new object();
        // Lane 0: connection events; lane 1: received messages, in CommandSlots of their own.
        private readonly LinkEvent[][] _lanes;
        private readonly int[] _head = new int[2];
        private readonly int[] _count = new int[2];

        // Rate limit as a credit in ms: each command costs CommandRefillMs, time earns it back, capped at a burst.
        private long _creditMs = CommandBurst * CommandRefillMs;
        private long _creditAtMs;
        private int _unreported;

        /// <summary>Creates an empty queue.</summary>
        public LinkEventQueue(int capacity)
        {
            _lanes = new LinkEvent[][] { new LinkEvent[capacity], new LinkEvent[CommandSlots] };
            foreach (LinkEvent[] ring in _lanes)
            {
                for (int i = 0; i < ring.Length; i++)
                {
                    ring[i] = new LinkEvent();
                }
            }
        }

        /// <summary>Whether a received message of <paramref name="length"/> bytes may enter (size, then rate); a refusal is counted. Ask before copying.</summary>
        public bool Admit(int length, long nowMs, bool rateLimited)
        {
            lock (_sync)
            {
                bool admitted = length <= CommandParser.MaxPayloadBytes;
                if (rateLimited)
                {
                    // An oversized message costs no rate.
                    long credit = _creditMs + (nowMs - _creditAtMs);
                    _creditAtMs = nowMs;
                    if (credit > CommandBurst * CommandRefillMs || credit < 0)
                    {
                        credit = CommandBurst * CommandRefillMs;
                    }

                    admitted &= credit >= CommandRefillMs;
                    _creditMs = admitted ? credit - CommandRefillMs : credit;
                }

                _unreported += admitted ? 0 : 1;
                return admitted;
            }
        }

        /// <summary>Appends one fact (a MessageReceived to the message lane); any thread.</summary>
        public bool Post(LinkEventKind kind, int reasonCode, ConnectFailure failure, int messageId, string topic, byte[] payload)
        {
            int lane = kind == LinkEventKind.MessageReceived ? 1 : 0;
            LinkEvent[] ring = _lanes[lane];
            lock (_sync)
            {
                if (_count[lane] == ring.Length)
                {
                    _unreported += lane;
                    return false;
                }

                ring[(_head[lane] + _count[lane]++) % ring.Length].Set(kind, reasonCode, failure, messageId, topic, payload);
                Arrived.Set();
                return true;
            }
        }

        /// <summary>Moves the oldest connection event into <paramref name="into"/>; else a pending CommandsDropped, else the oldest message.</summary>
        public bool TryTake(LinkEvent into)
        {
            lock (_sync)
            {
                int lane = _count[0] > 0 ? 0 : 1;
                if (lane == 1 && _unreported > 0)
                {
                    into.Set(LinkEventKind.CommandsDropped, _unreported, ConnectFailure.None, 0, null, null);
                    _unreported = 0;
                    return true;
                }

                if (_count[lane] == 0)
                {
                    return false;
                }

                LinkEvent[] ring = _lanes[lane];
                LinkEvent e = ring[_head[lane]];
                into.Set(e.Kind, e.ReasonCode, e.Failure, e.MessageId, e.Topic, e.Payload);
                e.Topic = null;
                e.Payload = null;
                _head[lane] = (_head[lane] + 1) % ring.Length;
                _count[lane]--;
                return true;
            }
        }
    }
}
