using System.Threading;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Node
{
    /// <summary>The main loop (ESP32 app and twin): step the node, tell the watchdog the wait, wait for the due time or a link event.</summary>
    public sealed class NodeRunner
    {
        // Shortest wait: the loop never spins, so the MQTT, worker and LED threads get the CPU.
        private const int MinWaitMs = 20;

        // Longest wait: bounds the cost of a wrong due time.
        private const int MaxWaitMs = 60000;

        private readonly SensorNode _node;
        private readonly IClock _clock;
        private readonly WaitHandle _wake;
        private readonly MainLoopWatchdog _watchdog;

        /// <summary>Creates the loop.</summary>
        public NodeRunner(SensorNode node, IClock clock, WaitHandle wake, MainLoopWatchdog watchdog)
        {
            _node = node;
            _clock = clock;
            _wake = wake;
            _watchdog = watchdog;
        }

        /// <summary>Steps the node once.</summary>
        public bool StepOnce() => StepOnce(true);

        private bool StepOnce(bool linkEvent)
        {
            _node.StepDue(_clock.MonotonicMs, linkEvent);
            return !_node.IsHalted;
        }

        /// <summary>How long to wait before the next step, in clock ms, and tells the watchdog.</summary>
        public int NextWaitMs()
        {
            long now = _clock.MonotonicMs;
            long wait = _node.NextStepDueMs - now;
            int ms = wait < MinWaitMs ? MinWaitMs : (wait > MaxWaitMs ? MaxWaitMs : (int)wait);
            if (_watchdog != null)
            {
                _watchdog.WaitingUntil(now + ms);
            }

            return ms;
        }

        /// <summary>Runs until the node halts: step, then wait for the due time or a link event.</summary>
        public void Run()
        {
            bool signalled = true;
            while (StepOnce(signalled))
            {
                signalled = _wake.WaitOne(NextWaitMs(), false);
            }
        }
    }
}
