using System;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary><see cref="IDeviceControl"/> on the host: a reboot is logged and handed to the owner, which restarts the node in-process.</summary>
    public sealed class HostDeviceControl : IDeviceControl
    {
        private readonly ILog _log;
        private readonly Action<RebootReason> _restart;

        /// <summary>Creates the adapter; <paramref name="restart"/> is called on the loop thread.</summary>
        public HostDeviceControl(ILog log, Action<RebootReason> restart)
        {
            _log = log;
            _restart = restart;
        }

        /// <inheritdoc />
        public void Reboot(RebootReason reason)
        {
            _log.Write(LogLevel.Warning, "reboot requested (" + reason + "): restarting the node loop in-process");
            _restart(reason);
        }
    }
}
