using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>Exponential backoff with full jitter, uniform in [0, min(base · 2^n, cap)], so a fleet does not reconnect in lock-step ("Exponential Backoff And Jitter", AWS Architecture Blog).</summary>
    public sealed class Backoff
    {
        /// <summary>The first window: [0, 1 s].</summary>
        public const int BaseMs = 1000;

        /// <summary>No window exceeds 30 s.</summary>
        public const int CapMs = 30000;

        private readonly IRandomSource _random;
        private int _attempts;

        /// <summary>Creates a backoff with no failures counted.</summary>
        public Backoff(IRandomSource random) => _random = random;

        /// <summary>Consecutive failures counted so far (the n of the next window).</summary>
        public int Attempts => _attempts;

        /// <summary>The window the next <see cref="NextDelayMs"/> draws from: min(base · 2^attempts, cap); 5 doublings already pass the cap.</summary>
        public int WindowMs => _attempts >= 5 ? CapMs : BaseMs << _attempts;

        /// <summary>Draws the next delay uniformly from [0, <see cref="WindowMs"/>] and counts one more failure.</summary>
        public int NextDelayMs()
        {
            int delay = _random.Next(WindowMs + 1);
            _attempts++;
            return delay;
        }

        /// <summary>Forgets all failures (after a connection stayed up long enough).</summary>
        public void Reset() => _attempts = 0;
    }
}
