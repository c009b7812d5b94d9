namespace TagoFirmware.Connection
{
    /// <summary>The main-loop watchdog's decision: the loop says until when it waits on purpose, so an idle wait is no hang.</summary>
    public sealed class MainLoopWatchdog
    {
        /// <summary>The hang threshold: 2 minutes, longer than any bounded call.</summary>
        public const int TimeoutMs = 120000;

        private readonly object _sync = new object();
        private long _backByMs;

        /// <summary>Creates the watchdog decision; the loop is due back by <paramref name="nowMs"/>.</summary>
        public MainLoopWatchdog(long nowMs) => _backByMs = nowMs;

        /// <summary>The main loop is about to wait on purpose until <paramref name="untilMs"/>.</summary>
        public void WaitingUntil(long untilMs)
        {
            // long is not atomic on a 32-bit MCU: the lock keeps the watchdog thread from reading half a value.
            lock (_sync)
            {
                _backByMs = untilMs;
            }
        }

        /// <summary>Whether the main loop is hung: more than <see cref="TimeoutMs"/> past the time it promised.</summary>
        public bool IsHung(long nowMs)
        {
            lock (_sync)
            {
                return nowMs - _backByMs >= TimeoutMs;
            }
        }
    }
}
