using System;
using System.Threading;
using TagoFirmware.Session;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Self-heal (a): an independent thread that reboots the device (after the flush hook) when the main loop has not
    /// completed a step for 2 minutes. The decision is the core's <see cref="MainLoopWatchdog"/>; this class supplies the
    /// thread, the sampling sleep and the reboot. The main loop calls <see cref="ReportStep"/> after every step.
    /// </summary>
    /// <remarks>
    /// nanoFramework has no managed API for the ESP32's hardware task watchdog (nanoFramework.Hardware.Esp32 exposes none), so this is a
    /// software watchdog: it catches a managed hang (a blocking call that never returns on the main thread, a
    /// deadlock), not a crashed CLR — the ESP-IDF's own interrupt/task watchdogs reset the chip for those. It is not
    /// started in the config-invalid safe state, which must never reboot (no boot loop).
    /// </remarks>
    public sealed class MainLoopWatchdogThread
    {
        /// <summary>How often the thread samples the step counter, in ms.</summary>
        public const int SampleIntervalMs = 5000;

        private readonly MainLoopWatchdog _decision;
        private readonly IDeviceControl _device;
        private readonly ILog _log;
        private int _steps;
        private Thread _thread;

        /// <summary>Creates the watchdog; call <see cref="Start"/> once the main loop is about to run.</summary>
        /// <param name="timeoutMs">Hang threshold (0: the core default of 2 minutes).</param>
        /// <param name="device">Reboots the device (flush first).</param>
        /// <param name="log">Log for the reboot line.</param>
        public MainLoopWatchdogThread(int timeoutMs, IDeviceControl device, ILog log)
        {
            _decision = new MainLoopWatchdog(timeoutMs);
            _device = device;
            _log = log;
        }

        /// <summary>Called by the main loop after each completed step; cheap (one interlocked increment).</summary>
        public void ReportStep()
        {
            Interlocked.Increment(ref _steps);
        }

        /// <summary>Starts the sampling thread (once).</summary>
        public void Start()
        {
            if (_thread != null)
            {
                return;
            }

            _thread = new Thread(new ThreadStart(Loop));
            _thread.Start();
        }

        private void Loop()
        {
            while (true)
            {
                Thread.Sleep(SampleIntervalMs);

                // Interlocked read: nanoFramework has no volatile, and a full fence makes the main thread's count visible.
                int steps = Interlocked.CompareExchange(ref _steps, 0, 0);
                if (_decision.IsHung(steps, Environment.TickCount64))
                {
                    if (_log != null)
                    {
                        _log.Write(LogLevel.Error, "watchdog: main loop made no progress for " + (_decision.TimeoutMs / 1000) + " s");
                    }

                    _device.Reboot(RebootReason.MainLoopHung);
                    return;
                }
            }
        }
    }
}
