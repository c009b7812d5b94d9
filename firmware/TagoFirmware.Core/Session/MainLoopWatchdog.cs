namespace TagoFirmware.Session
{
    /// <summary>
    /// The decision half of self-heal (a): the device's watchdog thread samples
    /// <see cref="NodeSupervisor.CompletedSteps"/> every few seconds and reboots when this says the main loop has not
    /// completed a step for <see cref="TimeoutMs"/> (default 2 minutes: longer than any bounded wait in the loop, far
    /// shorter than an unattended outage). The thread, the sleep and <c>Power.RebootDevice</c> stay in the ESP32 app.
    /// </summary>
    /// <remarks>Used by the watchdog thread only; not shared, so no locking.</remarks>
    public sealed class MainLoopWatchdog
    {
        /// <summary>Default hang threshold: 2 minutes (issue 3, self-heal (a)).</summary>
        public const int DefaultTimeoutMs = 120000;

        private readonly int _timeoutMs;
        private int _lastSteps;
        private long _lastProgressMs;
        private bool _primed;

        /// <summary>Creates a watchdog decision.</summary>
        /// <param name="timeoutMs">How long without a completed step counts as hung (0 or less: the default).</param>
        public MainLoopWatchdog(int timeoutMs)
        {
            _timeoutMs = timeoutMs > 0 ? timeoutMs : DefaultTimeoutMs;
        }

        /// <summary>The hang threshold in ms.</summary>
        public int TimeoutMs
        {
            get { return _timeoutMs; }
        }

        /// <summary>Feeds one sample and says whether the main loop is hung.</summary>
        /// <param name="completedSteps">The current <see cref="NodeSupervisor.CompletedSteps"/>.</param>
        /// <param name="nowMs">Monotonic time of the sample.</param>
        /// <returns>True when the counter has not changed for at least <see cref="TimeoutMs"/>: reboot.</returns>
        public bool IsHung(int completedSteps, long nowMs)
        {
            if (!_primed || completedSteps != _lastSteps)
            {
                _primed = true;
                _lastSteps = completedSteps;
                _lastProgressMs = nowMs;
                return false;
            }

            return nowMs - _lastProgressMs >= _timeoutMs;
        }
    }
}
