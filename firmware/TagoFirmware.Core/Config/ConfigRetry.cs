namespace TagoFirmware.Config
{
    /// <summary>
    /// The safe state's schedule when the config is unusable: re-read the file every minute (a corrected file deployed
    /// with flash.ps1 is picked up without a reset), and log the problems only when they change, so a node that waits
    /// for days does not fill its log. Never reboots: a reboot would read the same file again (no boot loop).
    /// Pure logic on a monotonic millisecond clock, driven from the main loop.
    /// </summary>
    public sealed class ConfigRetry
    {
        /// <summary>Default re-read interval: one minute.</summary>
        public const int DefaultIntervalMs = 60000;

        private readonly int _intervalMs;
        private bool _started;
        private long _lastReadMs;
        private string _lastLogged;

        /// <summary>Creates the schedule with the default one-minute interval.</summary>
        public ConfigRetry()
            : this(DefaultIntervalMs)
        {
        }

        /// <summary>Creates the schedule.</summary>
        /// <param name="intervalMs">Milliseconds between re-reads; values below 1000 are raised to 1000.</param>
        public ConfigRetry(int intervalMs)
        {
            _intervalMs = intervalMs < 1000 ? 1000 : intervalMs;
        }

        /// <summary>Milliseconds between re-reads.</summary>
        public int IntervalMs
        {
            get { return _intervalMs; }
        }

        /// <summary>True when the file should be read now (the first call, then every interval). Marks the read.</summary>
        /// <param name="nowMs">Monotonic milliseconds.</param>
        /// <returns>True when due.</returns>
        public bool Due(long nowMs)
        {
            if (_started && nowMs - _lastReadMs < _intervalMs)
            {
                return false;
            }

            _started = true;
            _lastReadMs = nowMs;
            return true;
        }

        /// <summary>True when <paramref name="result"/>'s problems differ from the ones logged last (then they count as
        /// logged); false for a repeat of the same problems.</summary>
        /// <param name="result">The latest read.</param>
        /// <returns>True when the lines should be logged.</returns>
        public bool ShouldLog(ConfigResult result)
        {
            string[] lines = result.Lines();
            string joined = string.Empty;
            for (int i = 0; i < lines.Length; i++)
            {
                joined += lines[i] + "\n";
            }

            if (_lastLogged != null && _lastLogged == joined)
            {
                return false;
            }

            _lastLogged = joined;
            return true;
        }
    }
}
