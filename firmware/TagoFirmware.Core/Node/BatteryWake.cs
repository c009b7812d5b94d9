using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Connection;

namespace TagoFirmware.Node
{
    /// <summary>Battery mode's wake policy: sample once; publish every Nth wake or on a backlog; end when all is acknowledged and the command window passed, or at the deadline (README "Battery mode").</summary>
    public sealed class BatteryWake
    {
        // Shortest deep sleep: a wake that overran its interval still sleeps briefly instead of looping.
        private const int MinSleepMilliseconds = 1000;

        // A publishing wake stays online this long, so a command sent in reaction to its "online" status still arrives (clean sessions lose the rest).
        private const int BatteryCommandWindowMs = 2000;

        private readonly NodeConfig _config;
        private long _startMs;
        private long _deadlineMs;
        private long _onlineSinceMs = -1;

        /// <summary>Creates the policy.</summary>
        public BatteryWake(NodeConfig config)
        {
            _config = config;
        }

        /// <summary>Whether this wake connects and publishes.</summary>
        public bool Publishes { get; private set; }

        /// <summary>Decides this wake and returns its log line; diagnostics after a power-on or reboot and every Nth publishing wake (each costs 11 data inputs).</summary>
        public string Begin(long nowMs, int boot, int expected, DiagnosticsCounters counters)
        {
            _startMs = nowMs;
            _deadlineMs = nowMs + (long)_config.Int(ConfigKeys.SleepPublishDeadline) * 1000;
            int every = _config.Int(ConfigKeys.SleepPublishEvery); // at least 1 in a valid configuration
            bool scheduled = boot % every == 0;
            Publishes = scheduled || expected >= _config.Int(ConfigKeys.SleepBacklogThreshold);
            BootReason reason = counters.BootReason;
            bool timerWake = reason >= BootReason.TimerWake && reason <= BootReason.OtherWake; // any deep-sleep wake
            int everyPayloads = counters.EveryPayloads;
            bool diagnostics = !timerWake || (everyPayloads > 0 && (boot / every) % everyPayloads == 0);
            if (!(Publishes && diagnostics))
            {
                counters.MarkPublished();
            }

            return "wake " + boot.ToString() + ": " + (Publishes
                ? "sampling, then publishing (" + (scheduled ? "every " + every.ToString() + " wakes" : "backlog") + ")"
                : "sampling only");
        }

        /// <summary>Follows the link; a TagoTiP session's end is not a lost link (the wake still ends once its receipts are in).</summary>
        public void OnLink(LinkReport report, long nowMs)
        {
            if (report.WentOnline)
            {
                _onlineSinceMs = nowMs;
            }

            if (report.WentOffline && !_config.UsesTagoTip)
            {
                _onlineSinceMs = -1;
            }
        }

        /// <summary>Why the wake is over, or null while it goes on.</summary>
        public string EndReason(long nowMs, bool idle)
        {
            if (!Publishes)
            {
                return "sample stored, not a publishing wake";
            }

            if (idle && _onlineSinceMs >= 0 && nowMs - _onlineSinceMs >= BatteryCommandWindowMs)
            {
                return "every due reading acknowledged";
            }

            return nowMs >= _deadlineMs ? "publish deadline passed" : null;
        }

        /// <summary>When <see cref="EndReason"/> may change without events: the command window's or the deadline's end.</summary>
        public long NextDueMs()
        {
            long window = _onlineSinceMs + BatteryCommandWindowMs;
            return _onlineSinceMs >= 0 && window < _deadlineMs ? window : _deadlineMs;
        }

        /// <summary>How long to sleep: the wake interval minus the time awake, at least 1 s.</summary>
        public int SleepMs(long nowMs, int intervalSeconds)
        {
            // Intervals are at most 86,400 s (config and commands check it): the result fits an int.
            long sleep = (long)intervalSeconds * 1000 - (nowMs - _startMs);
            return sleep < MinSleepMilliseconds ? MinSleepMilliseconds : (int)sleep;
        }
    }
}
