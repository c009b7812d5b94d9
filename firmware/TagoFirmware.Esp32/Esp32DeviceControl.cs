using System;
using nanoFramework.Runtime.Native;
using TagoFirmware.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IDeviceControl"/> on the ESP32: flush the node's queue to flash, record the reason for the next boot's
    /// <c>boot_reason</c>, <c>Power.RebootDevice</c>. Called by the supervisor and the watchdog thread.
    /// </summary>
    public sealed class Esp32DeviceControl : IDeviceControl
    {
        private const int FlushLimitMs = 10000; // the flush may run this long before the reboot goes ahead anyway
        private const int RebootHandlersLimitMs = 2000; // bound of the OnRebootEvent handlers

        private static readonly string[] s_reasonNames = new string[]
        {
            "requested", "no broker acknowledgement for too long (self-heal)", "main loop hung (watchdog)", "reboot command", "configuration changed",
        };

        private readonly ILog _log;
        private readonly object _sync = new object();
        private bool _rebooting;

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
