using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary><see cref="WifiConnection"/> over nanoFramework's <c>WifiNetworkHelper</c>: translates calls only.</summary>
    /// <remarks>ConnectDhcp waits forever with the default token and never throws (it returns false and sets
    /// <c>Status</c>), so each attempt gets its own timed token source. <c>Reconnect</c> needs the helper's state from a
    /// successful ConnectDhcp of this boot. With requiresDateTime the helper also waits for the first SNTP time: when only
    /// that wait ran out (<c>TokenExpiredWaitingDateTime</c>) the link is up and the supervisor's ClockWait takes over.
    /// Nothing here logs (the password).</remarks>
    public sealed class Esp32NetworkLink : WifiConnection
    {
        private readonly string _ssid;
        private readonly string _password;
        private readonly bool _requiresDateTime;

        /// <summary>Creates the link; nothing happens until <see cref="WifiConnection.BeginConnect"/>.</summary>
        public Esp32NetworkLink(IWorker worker, string ssid, string password, bool requiresDateTime)
            : base(worker, new Esp32Clock())
        {
            _ssid = ssid;
            _password = password == null ? string.Empty : password;
            _requiresDateTime = requiresDateTime;
            NetworkChange.NetworkAvailabilityChanged += (sender, e) => AvailabilityChanged();
        }

        /// <inheritdoc />
        protected override NetworkConnectResult Join(bool reconnect, int timeoutMs)
        {
            CancellationTokenSource deadline = new CancellationTokenSource(timeoutMs);
            bool ok = reconnect
                ? WifiNetworkHelper.Reconnect(_requiresDateTime, 0, deadline.Token)
                : WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, _requiresDateTime, 0, deadline.Token);
            NetworkHelperStatus status = WifiNetworkHelper.Status;
            deadline.Dispose();
            return ok || status == NetworkHelperStatus.NetworkIsReady || status == NetworkHelperStatus.TokenExpiredWaitingDateTime ? NetworkConnectResult.Connected
                : status == NetworkHelperStatus.TokenExpiredWaitingIPAddress ? NetworkConnectResult.TimedOut : NetworkConnectResult.Failed;
        }

        /// <inheritdoc />
        protected override bool HasAddress()
        {
            // At most once a second (the core's refresh); a failure reads as down.
            NetworkInterface wifi = Esp32PlatformInfo.WifiInterface(false);
            string ip = wifi == null ? null : wifi.IPv4Address;
            return ip != null && ip.Length > 0 && ip != "0.0.0.0";
        }
    }
}
