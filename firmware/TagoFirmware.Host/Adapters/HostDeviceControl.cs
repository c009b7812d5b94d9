using System;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// <see cref="IDeviceControl"/> on the host: a "reboot" restarts the node loop in-process (the owner rebuilds the
    /// session), and is logged.
    /// </summary>
    public sealed class HostDeviceControl : IDeviceControl
    {
        private readonly ILog _log;
        private readonly Action<RebootReason> _restart;

        /// <summary>Creates the adapter.</summary>
        /// <param name="log">Log.</param>
        /// <param name="restart">Called (on the loop thread) to restart the node loop.</param>
        public HostDeviceControl(ILog log, Action<RebootReason> restart)
        {
            _log = log;
            _restart = restart;
        }

        /// <summary>Reboots requested so far.</summary>
        public int Reboots { get; private set; }

        /// <inheritdoc />
        public void Reboot(RebootReason reason)
        {
            Reboots++;
            _log.Write(LogLevel.Warning, "reboot requested (" + reason + "): restarting the node loop in-process");
            _restart?.Invoke(reason);
        }
    }
}
