using System;
using nanoFramework.Runtime.Native;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IDeviceControl"/> on the ESP32: flush hook first (queued readings to flash), then the reason is
    /// recorded for the next boot's <c>boot_reason</c>, then <c>Power.RebootDevice</c>. Used by the supervisor (self-heal
    /// (b), reboot command) and by <see cref="MainLoopWatchdogThread"/> (self-heal (a)).
    /// </summary>
    /// <remarks>
    /// The flush runs under <c>ExecutionConstraint.Install(FlushLimitMs)</c>: when the watchdog reboots because the
    /// main loop hangs, the hang may be inside the very flash code the flush needs, and a reboot must not wait for it
    /// forever (the constraint throws in the flushing thread when the time is up). RebootDevice gets a bound for its
    /// <c>OnRebootEvent</c> handlers for the same reason.
    /// </remarks>
    public sealed class Esp32DeviceControl : IDeviceControl
    {
        /// <summary>Longest the flush hook may run before the reboot goes ahead anyway, in ms.</summary>
        public const int FlushLimitMs = 10000;

        /// <summary>Longest <c>OnRebootEvent</c> handlers may run, in ms.</summary>
        public const int RebootHandlersLimitMs = 2000;

        private readonly ILog _log;
        private readonly object _sync = new object();
        private bool _rebooting;

        /// <summary>Creates the control.</summary>
        /// <param name="log">Log for the one reboot line; may be null.</param>
        public Esp32DeviceControl(ILog log)
        {
            _log = log;
        }

        /// <summary>What to flush before rebooting (set once the core node exists); null = nothing.</summary>
        public IFlushHook FlushHook { get; set; }

        /// <inheritdoc />
        public void Reboot(RebootReason reason)
        {
            lock (_sync)
            {
                if (_rebooting)
                {
                    // The supervisor and the watchdog may race; one reboot is enough.
                    return;
                }

                _rebooting = true;
            }

            Flush();
            BootInfo.PersistReason(reason);
            if (_log != null)
            {
                _log.Write(LogLevel.Error, "reboot: " + ReasonName(reason));
            }

            try
            {
                Power.RebootDevice(RebootHandlersLimitMs, RebootOption.NormalReboot);
            }
            catch (Exception)
            {
                // RebootDevice does not return; if it ever throws, a plain reboot is the last resort.
                Power.RebootDevice();
            }
        }

        /// <summary>Runs the flush hook, bounded by <see cref="FlushLimitMs"/>; never throws.</summary>
        public void Flush()
        {
            IFlushHook hook = FlushHook;
            if (hook == null)
            {
                return;
            }

            try
            {
                ExecutionConstraint.Install(FlushLimitMs, 0);
                hook.FlushForReboot();
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

        private static string ReasonName(RebootReason reason)
        {
            switch (reason)
            {
                case RebootReason.NoAckTimeout:
                    return "no broker acknowledgement for too long (self-heal)";
                case RebootReason.MainLoopHung:
                    return "main loop hung (watchdog)";
                case RebootReason.Command:
                    return "reboot command";
                case RebootReason.ConfigChanged:
                    return "configuration changed";
                default:
                    return "requested";
            }
        }
    }
}
