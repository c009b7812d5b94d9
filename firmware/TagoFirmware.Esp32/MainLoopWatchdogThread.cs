using System;
using System.Threading;
using TagoFirmware.Node;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Self-heal (a): an independent thread that reboots the device (after the flush hook) when the main loop is 2 minutes
    /// past the time it said it would run again. The decision is the core's <see cref="MainLoopWatchdog"/>, which the
    /// main loop (<see cref="NodeRunner"/>) tells before each wait; this class supplies the thread, the sampling sleep
    /// and the reboot.
    /// </summary>
    /// <remarks>
    /// nanoFramework has no managed API for the ESP32's hardware task watchdog , so this is a
    /// software watchdog: it catches a managed hang (a blocking call that never returns on the main thread, a
    /// deadlock), not a crashed CLR — the ESP-IDF's own interrupt/task watchdogs reset the chip for those. It is not
    /// started in the config-invalid safe state, which must never reboot (no boot loop).
    /// </remarks>
    public sealed class MainLoopWatchdogThread
    {
        /// <summary>How often the thread asks the decision, in ms.</summary>
        public const int SampleIntervalMs = 5000;

        private readonly MainLoopWatchdog _decision;
        private readonly IDeviceControl _device;
        private readonly ILog _log;
        private Thread _thread;

        /// <summary>Creates the watchdog; call <see cref="Start"/> once the main loop is about to run.</summary>
        public MainLoopWatchdogThread(MainLoopWatchdog decision, IDeviceControl device, ILog log)
        {
            _decision = decision;
            _device = device;
            _log = log;
        }

        /// <summary>Starts the sampling thread (once).</summary>
        public void Start()
        {
            if (_thread != null)
                return;
            _thread = new Thread(new ThreadStart(Loop));
            _thread.Start();
        }

        private void Loop()
        {
            // Catches at the top: an unhandled exception would end this thread silently on the nanoCLR, and with it the
            // watchdog; a failing reboot is retried at the next sample.
            while (true)
            {
                Thread.Sleep(SampleIntervalMs);
                try
                {
                    if (_decision.IsHung(Environment.TickCount64))
                    {
                        if (_log != null)
                            _log.Write(LogLevel.Error, "watchdog: main loop overdue by " + (_decision.TimeoutMs / 1000) + " s");
                        _device.Reboot(RebootReason.MainLoopHung);
                        return;
                    }
                }
                catch (Exception)
                {
                    // Nothing to report through: the log itself may be what failed.
                }
            }
        }
    }
}
