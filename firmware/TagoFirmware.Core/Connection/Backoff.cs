using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>
    /// Exponential backoff with full jitter: after n consecutive failures the delay is uniform in [0, min(base · 2^n,
    /// cap)] ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015), so a fleet that lost the broker together
    /// does not reconnect in lock-step.
    /// </summary>
    public sealed class Backoff
    {
        // 2^15 · 1 ms already exceeds any sensible cap; stop doubling there so the shift cannot overflow an int.
        private const int MaxShift = 15;

        private readonly int _baseMs;
        private readonly int _capMs;
        private readonly IRandomSource _random;
        private int _attempts;

        /// <summary>Creates a backoff with no failures counted.</summary>
        public Backoff(int baseMs, int capMs, IRandomSource random)
        {
            _baseMs = baseMs < 1 ? 1 : baseMs;
            _capMs = capMs < _baseMs ? _baseMs : capMs;
            _random = random;
        }

        /// <summary>Consecutive failures counted so far (the n of the next window).</summary>
        public int Attempts => _attempts;

        /// <summary>The window the next <see cref="NextDelayMs"/> draws from: min(base · 2^Attempts, cap).</summary>
        public int WindowMs => WindowFor(_attempts, _baseMs, _capMs);

        /// <summary>Returns min(base · 2^attempts, cap) without overflowing.</summary>
        public static int WindowFor(int attempts, int baseMs, int capMs)
        {
            if (attempts < 0)
                attempts = 0;
            if (attempts > MaxShift)
                attempts = MaxShift;
            long window = (long)baseMs << attempts;
            return window > capMs ? capMs : (int)window;
        }

        /// <summary>Draws the next delay uniformly from [0, <see cref="WindowMs"/>] and counts one more failure.</summary>
        public int NextDelayMs()
        {
            int window = WindowMs;
            int delay = _random.Next(window + 1);
            if (_attempts < int.MaxValue)
                _attempts++;
            return delay;
        }

        /// <summary>Forgets all failures (after a connection stayed up long enough).</summary>
        public void Reset() => _attempts = 0;
    }
}
