using System.Threading;
using TagoFirmware.Platform;

namespace TagoFirmware.Node
{
    /// <summary>The main loop of the ESP32 app and the twin: step the node, then wait for its due time or a link event; it says until when it waits on purpose, so the watchdog tells an idle wait from a hang.</summary>
    public sealed class MainLoop
    {
        /// <summary>The hang threshold: 2 minutes, longer than any bounded call.</summary>
        public const int TimeoutMs = 120000;

        // The shortest wait (it never spins: the MQTT, worker and LED threads need the CPU) and the longest (bounds a wrong due time).
        private const int MinWaitMs = 20;
        private const int MaxWaitMs = 60000;

        private readonly object _sync = new object();
        private long _backByMs;

        /// <summary>Creates the loop; it is due back by <paramref name="nowMs"/>.</summary>
        public MainLoop(long nowMs) => _backByMs = nowMs;

        /// <summary>Runs <paramref name="node"/> until it halts.</summary>
        public void Run(SensorNode node, IClock clock, WaitHandle linkEvent)
        {
            bool signalled = true;
            while (true)
            {
                node.StepDue(clock.MonotonicMs, signalled);
                if (node.IsHalted)
                {
                    return;
                }

                signalled = linkEvent.WaitOne(NextWaitMs(node, clock.MonotonicMs), false);
            }
        }

        /// <summary>How long to wait before the node's next step, in clock ms; promised to the watchdog.</summary>
        public int NextWaitMs(SensorNode node, long nowMs)
        {
            long wait = node.NextStepDueMs - nowMs;
            int ms = wait < MinWaitMs ? MinWaitMs : (wait > MaxWaitMs ? MaxWaitMs : (int)wait);
            WaitingUntil(nowMs + ms);
            return ms;
        }

        /// <summary>The loop is about to wait on purpose until <paramref name="untilMs"/>.</summary>
        public void WaitingUntil(long untilMs)
        {
            // long is not atomic on a 32-bit MCU: the lock keeps the watchdog thread from reading half a value.
            lock (_sync)
            {
                _backByMs = untilMs;
            }
        }

        /// <summary>Whether the loop is hung: more than <see cref="TimeoutMs"/> past the time it promised.</summary>
        public bool IsHung(long nowMs)
        {
            lock (_sync)
            {
                return nowMs - _backByMs >= TimeoutMs;
            }
        }
    }
}
