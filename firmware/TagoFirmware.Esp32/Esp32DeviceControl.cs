using System;
using System.Threading;
using nanoFramework.Runtime.Native;
using TagoFirmware.Connection;
using TagoFirmware.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary><see cref="IDeviceControl"/> on the ESP32: flush the queue, record the reboot reason, <c>Power.RebootDevice</c>.</summary>
    /// <remarks>nanoFramework has no managed API for the ESP32's task watchdog, so <see cref="StartWatchdog"/> runs a
    /// software one for managed hangs (ESP-IDF's own watchdogs reset a crashed CLR). The config-invalid safe state never
    /// starts it (no boot loop).</remarks>
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
        private MainLoop _loop;

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

        /// <summary>Starts the thread that reboots once <paramref name="loop"/> says it hangs; asks every 5 s.</summary>
        public void StartWatchdog(MainLoop loop)
        {
            _loop = loop;
            new Thread(new ThreadStart(WatchdogLoop)).Start();
        }

        private void WatchdogLoop()
        {
            // An unhandled exception would end this thread silently on the nanoCLR; a failed reboot is retried.
            while (true)
            {
                Thread.Sleep(WatchdogSampleMs);
                try
                {
                    if (_loop.IsHung(Environment.TickCount64))
                    {
                        _log.Write(LogLevel.Error, "watchdog: main loop overdue by " + (MainLoop.TimeoutMs / 1000) + " s");
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

        // Bounded: the watchdog may reboot because the loop hangs inside the very flash code the flush needs.
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
