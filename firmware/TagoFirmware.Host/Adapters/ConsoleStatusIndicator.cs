using TagoFirmware.Session;

namespace TagoFirmware.Host.Adapters
{
    /// <summary><see cref="IStatusIndicator"/> on the host: prints the LED pattern whenever it changes.</summary>
    public sealed class ConsoleStatusIndicator : IStatusIndicator
    {
        private readonly ILog _log;
        private bool _shown;

        /// <summary>Creates the indicator.</summary>
        /// <param name="log">Where pattern changes are written.</param>
        public ConsoleStatusIndicator(ILog log)
        {
            _log = log;
        }

        /// <summary>The status shown now.</summary>
        public NodeStatus Current { get; private set; }

        /// <summary>The LED pattern the device shows for a status (README "How the node behaves").</summary>
        /// <param name="status">Status.</param>
        /// <returns>Pattern description.</returns>
        public static string Pattern(NodeStatus status)
        {
            switch (status)
            {
                case NodeStatus.NoWifi: return "fast blink (no WiFi)";
                case NodeStatus.NoClock: return "two short blinks (no clock)";
                case NodeStatus.NoBroker: return "slow blink (no broker)";
                case NodeStatus.CredentialsRefused: return "three short blinks (credentials refused)";
                case NodeStatus.Online: return "solid (online)";
                case NodeStatus.ConfigInvalid: return "SOS (configuration invalid)";
                default: return "off (starting)";
            }
        }

        /// <inheritdoc />
        public void Show(NodeStatus status)
        {
            if (_shown && status == Current)
            {
                return;
            }

            _shown = true;
            Current = status;
            _log.Write(LogLevel.Info, "LED: " + Pattern(status));
        }
    }
}
