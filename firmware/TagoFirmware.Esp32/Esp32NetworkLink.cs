using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="WifiConnection"/> over nanoFramework's <c>WifiNetworkHelper</c>: translates calls only; the attempt
    /// hand-off and the reconnect policy are the core's.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>ConnectDhcp waits forever with the default token, so every attempt gets its own
    /// <c>CancellationTokenSource(timeoutMs)</c> (a cancelled source cannot be reused). It never throws: it returns
    /// false and sets <c>WifiNetworkHelper.Status</c>.</item>
    /// <item><c>Reconnect</c> relies on the helper's static state of this boot (set by a successful ConnectDhcp); the
    /// core asks for it only after one.</item>
    /// <item>requiresDateTime: the helper also waits (within the same deadline) for the first SNTP time. When only that
    /// wait ran out (<c>TokenExpiredWaitingDateTime</c>) the link is up: Connected, and the supervisor's ClockWait
    /// takes over.</item>
    /// <item>The password lives only here and in the helper; nothing here logs.</item>
    /// </list>
    /// </remarks>
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

        /// <summary>Maps the helper's return value and status to the core's result.</summary>
        public static NetworkConnectResult Classify(bool ok, NetworkHelperStatus status)
        {
            if (ok || status == NetworkHelperStatus.NetworkIsReady || status == NetworkHelperStatus.TokenExpiredWaitingDateTime)
                return NetworkConnectResult.Connected;
            return status == NetworkHelperStatus.TokenExpiredWaitingIPAddress ? NetworkConnectResult.TimedOut : NetworkConnectResult.Failed;
        }

        /// <inheritdoc />
        protected override NetworkConnectResult Join(bool reconnect, int timeoutMs)
        {
            CancellationTokenSource deadline = new CancellationTokenSource(timeoutMs);
            bool ok = reconnect
                ? WifiNetworkHelper.Reconnect(_requiresDateTime, 0, deadline.Token)
                : WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, _requiresDateTime, 0, deadline.Token);
            NetworkConnectResult result = Classify(ok, WifiNetworkHelper.Status);
            deadline.Dispose();
            return result;
        }

        /// <inheritdoc />
        protected override bool HasAddress()
        {
            try
            {
                // Allocates a fresh snapshot array: the core calls this at most once a second.
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length; i++)
                {
                    if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                    {
                        string ip = interfaces[i].IPv4Address;
                        return ip != null && ip.Length > 0 && ip != "0.0.0.0";
                    }
                }
            }
            catch (Exception)
            {
                // Treated as down; the next refresh tries again.
            }

            return false;
        }
    }
}
