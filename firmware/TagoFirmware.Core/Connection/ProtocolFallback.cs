namespace TagoFirmware.Connection
{
    /// <summary>
    /// Which MQTT version the next CONNECT speaks. Automatic: 3.1.1 first; while the node has not connected yet this
    /// boot, a refusal of the version (CONNACK 1, MQTT 5's 0x84) or a close before any CONNACK moves on to 5, then to
    /// 3.1 (only for client ids of at most 23 characters, MQTT 3.1 §3.1). TagoIO's TagoTiP broker lists "3.1, 5"
    /// without naming 3.1.1 (docs/tagotip/transports/mqtt.md in https://github.com/tago-io/docs), hence the order:
    /// 3.1.1 is what most brokers speak and what M2Mqtt defaults to. The first version that connects is kept until the
    /// next boot. Pinned: that version only.
    /// </summary>
    public sealed class ProtocolFallback
    {
        private readonly int[] _levels;
        private int _at;

        /// <summary>Creates the chain.</summary>
        /// <param name="pinned">3, 4 or 5 to pin a version; 0 for automatic.</param>
        /// <param name="clientId">The client id (3.1 is skipped when it is longer than 23 characters).</param>
        public ProtocolFallback(int pinned, string clientId)
        {
            _levels = pinned != 0 ? new int[] { pinned }
                : (clientId != null && clientId.Length <= 23 ? new int[] { 4, 5, 3 } : new int[] { 4, 5 });
        }

        /// <summary>The protocol level of the next attempt (3 = 3.1, 4 = 3.1.1, 5 = 5).</summary>
        public int Level
        {
            get { return _levels[_at]; }
        }

        /// <summary>True once a version connected: it is kept until the next boot.</summary>
        public bool Kept { get; private set; }

        /// <summary>Records that <see cref="Level"/> connected.</summary>
        /// <returns>True the first time (worth a log line).</returns>
        public bool Keep()
        {
            bool first = !Kept;
            Kept = true;
            return first;
        }

        /// <summary>Moves to the next version after one that looked refused; at the end of the chain starts again at the first.</summary>
        /// <returns>True when another version is to be tried now; false when the chain is exhausted (or pinned, or kept).</returns>
        public bool TryNext()
        {
            if (Kept || _at + 1 >= _levels.Length)
            {
                _at = Kept ? _at : 0;
                return false;
            }

            _at++;
            return true;
        }

        /// <summary>The version as people write it.</summary>
        /// <param name="level">3, 4 or 5.</param>
        /// <returns>"3.1", "3.1.1" or "5".</returns>
        public static string Name(int level)
        {
            return level == 3 ? "3.1" : (level == 5 ? "5" : "3.1.1");
        }
    }
}
