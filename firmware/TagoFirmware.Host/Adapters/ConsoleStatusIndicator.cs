namespace TagoFirmware.Host.Adapters
{
    /// <summary>Host stand-in for the status LED: prints the pattern whenever it changes (README "LED table").</summary>
    public sealed class ConsoleStatusIndicator
    {
        private readonly ConsoleLog _log;

        /// <summary>Creates the indicator.</summary>
        /// <param name="log">Where pattern changes are written.</param>
        public ConsoleStatusIndicator(ConsoleLog log)
        {
            _log = log;
        }

        /// <summary>Pattern shown now.</summary>
        public string Pattern { get; private set; }

        /// <summary>Shows a pattern; logs only when it differs from the current one.</summary>
        /// <param name="pattern">Pattern name, e.g. "solid (online)".</param>
        public void Show(string pattern)
        {
            if (pattern == Pattern)
            {
                return;
            }

            Pattern = pattern;
            _log.Write(LogLevel.Debug, "LED: " + pattern);
        }
    }
}
