namespace TagoFirmware.Connection
{
    /// <summary>What one <see cref="ConnectionSupervisor.Step"/> produced, acted on after the step; reused arrays sized for the most a step can produce.</summary>
    public sealed class LinkReport
    {
        /// <summary>Message ids of application publishes the broker acknowledged, <see cref="AckedCount"/> of them.</summary>
        public readonly int[] Acked;

        /// <summary>Message ids of application publishes that will never be acknowledged, <see cref="LostCount"/> of them.</summary>
        public readonly int[] Lost;

        /// <summary>Topics of received messages, <see cref="MessageCount"/> of them.</summary>
        public readonly string[] Topics;

        /// <summary>Payloads of received messages, in the order of <see cref="Topics"/>.</summary>
        public readonly byte[][] Payloads;

        /// <summary>Creates an empty report.</summary>
        public LinkReport(int maxPending, int maxMessages)
        {
            Acked = new int[maxPending];
            Lost = new int[maxPending];
            Topics = new string[maxMessages];
            Payloads = new byte[maxMessages][];
        }

        /// <summary>Entries used in <see cref="Acked"/>.</summary>
        public int AckedCount;

        /// <summary>Entries used in <see cref="Lost"/>.</summary>
        public int LostCount;

        /// <summary>Entries used in <see cref="Topics"/> and <see cref="Payloads"/>.</summary>
        public int MessageCount;

        /// <summary>Received messages the link dropped unparsed since the previous step (<see cref="LinkEventQueue.Admit"/>).</summary>
        public int CommandsDropped;

        /// <summary>The session went online in this step (connected, subscribed, "online" status sent).</summary>
        public bool WentOnline;

        /// <summary>The session left Online in this step; every unacknowledged publish is in <see cref="Lost"/>.</summary>
        public bool WentOffline;

        internal void Clear()
        {
            AckedCount = 0;
            LostCount = 0;
            for (int i = 0; i < MessageCount; i++)
            {
                Topics[i] = null;
                Payloads[i] = null;
            }

            MessageCount = 0;
            CommandsDropped = 0;
            WentOnline = false;
            WentOffline = false;
        }

        internal void AddAcked(int id) => Acked[AckedCount++] = id;

        internal void AddLost(int id) => Lost[LostCount++] = id;

        internal void AddMessage(string topic, byte[] payload)
        {
            Topics[MessageCount] = topic;
            Payloads[MessageCount++] = payload;
        }
    }
}
