using System.Threading;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Node
{
    /// <summary>The main loop of the ESP32 app and the twin: step the node, then wait for its due time or a link event.</summary>
    public static class MainLoop
    {
        // The shortest wait (it never spins: the MQTT, worker and LED threads need the CPU) and the longest (bounds a wrong due time).
        private const int MinWaitMs = 20;
        private const int MaxWaitMs = 60000;

        /// <summary>Runs <paramref name="node"/> until it halts.</summary>
        public static void Run(SensorNode node, IClock clock, WaitHandle linkEvent, MainLoopWatchdog watchdog)
        {
            bool signalled = true;
            while (true)
            {
                node.StepDue(clock.MonotonicMs, signalled);
                if (node.IsHalted)
                {
                    return;
                }

                signalled = linkEvent.WaitOne(NextWaitMs(node, clock.MonotonicMs, watchdog), false);
            }
        }

        /// <summary>How long to wait before the node's next step, in clock ms; tells the watchdog (may be null).</summary>
        public static int NextWaitMs(SensorNode node, long nowMs, MainLoopWatchdog watchdog)
        {
            long wait = node.NextStepDueMs - nowMs;
            int ms = wait < MinWaitMs ? MinWaitMs : (wait > MaxWaitMs ? MaxWaitMs : (int)wait);
            if (watchdog != null)
            {
                watchdog.WaitingUntil(nowMs + ms);
            }

            return ms;
        }
    }
}
