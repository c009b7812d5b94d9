using System;
using System.Threading;
using nanoFramework.Runtime.Native;
using TagoFirmware.Connection;
using TagoFirmware.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IDeviceControl"/> on the ESP32: flush the node's queue to flash, record the reason for the next boot's
    /// <c>boot_reason</c>, <c>Power.RebootDevice</c>. Called by the supervisor and its own watchdog thread.
    /// </summary>
    /// <remarks>
    /// Self-heal (a): nanoFramework has no managed API for the ESP32's hardware task watchdog, so
    /// <see cref="StartWatchdog"/> runs a software one: it catches a managed hang (a call that never returns on the
    /// main thread, a deadlock), not a crashed CLR (the ESP-IDF's own watchdogs reset the chip for those). It is not
    /// started in the config-invalid safe state, which must never reboot (no boot loop).
    /// </remarks>
    public sealed class Esp32DeviceControl : IDeviceControl
    {
        private const int FlushLimitMs = 10000; // the flush may run this long before the reboot goes ahead anyway
        private const int RebootHandlersLimitMs = 2000; // bound of the OnRebootEvent handlers
        private const int WatchdogSampleMs = 5000;

        private static readonly string[] s_reasonNames = new string[]
        {
            "requested", "no broker acknowledgement for too long (self-heal)", "main loop hung (watchdog)", "reboot command", "configuration changed",
        };

        private readonly ILog _log;
        private readonly object _sync = new object();
        private bool _rebooting;
        private MainLoopWatchdog _watchdog;

        /// <summary>Creates the control.</summary>
        public Esp32DeviceControl(ILog log)
        {
            _log = log;
        }

        /// <summary>The node whose queue is flushed before a reboot; null flushes nothing.</summary>
        public SensorNode Node { get; set; }

        /// <inheritdoc />
        public void Reboot(RebootReason reason)
        {
            lock (_sync)
            {
                if (_rebooting)
                {
                    return; // the supervisor and the watchdog may race; one reboot is enough
                }

                _rebooting = true;
            }

            Flush();
            Esp32PlatformInfo.PersistRebootReason(reason);
            _log.Write(LogLevel.Error, "reboot: " + s_reasonNames[(int)reason < s_reasonNames.Length ? (int)reason : 0]);

            try
            {
                Power.RebootDevice(RebootHandlersLimitMs, RebootOption.NormalReboot);
            }
            catch (Exception)
            {
                Power.RebootDevice();
            }
        }

        /// <summary>Starts the thread that reboots (after the flush) once the main loop is past the time it told
        /// <paramref name="decision"/> it would run again by more than its timeout; asks every 5 s.</summary>
        public void StartWatchdog(MainLoopWatchdog decision)
        {
            _watchdog = decision;
            new Thread(new ThreadStart(WatchdogLoop)).Start();
        }

        private void WatchdogLoop()
        {
            // Catches at the top: an unhandled exception would end this thread silently on the nanoCLR, and with it
            // the watchdog; a failing reboot is retried at the next sample.
            while (true)
            {
                Thread.Sleep(WatchdogSampleMs);
                try
                {
                    if (_watchdog.IsHung(Environment.TickCount64))
                    {
                        _log.Write(LogLevel.Error, "watchdog: main loop overdue by " + (MainLoopWatchdog.TimeoutMs / 1000) + " s");
                        Reboot(RebootReason.MainLoopHung);
                        return;
                    }
                }
                catch (Exception)
                {
                    // Nothing to report through: the log itself may be what failed.
                }
            }
        }

        /// <summary>
        /// Flushes the node, bounded by <see cref="FlushLimitMs"/>; never throws. The watchdog may reboot because the
        /// loop hangs inside the very flash code the flush needs, so the constraint stops a flush that never ends.
        /// </summary>
        private void Flush()
        {
            SensorNode node = Node;
            if (node == null)
            {
                return;
            }

            try
            {
                ExecutionConstraint.Install(FlushLimitMs, 0);
                node.FlushForReboot();
            }
            catch (Exception)
            {
                // Out of time or a broken store: reboot anyway; the log's CRC copes with a torn record.
            }
            finally
            {
                try
                {
                    ExecutionConstraint.Install(-1, 0);
                }
                catch (Exception)
                {
                    // Nothing was installed.
                }
            }
        }
    }
}
