using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>
    /// The IP link under MQTT (WiFi on the ESP32; on the host usually always up). The core never waits for it: it
    /// starts an attempt, then polls the outcome on later steps.
    /// </summary>
    /// <remarks>
    /// Port contract:
    /// <list type="bullet">
    /// <item><see cref="BeginConnect"/> returns within milliseconds. The device adapter runs
    /// <c>WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, requiresDateTime: true,
    /// token: new CancellationTokenSource(timeoutMs).Token)</c> on its worker thread (ConnectDhcp waits forever with
    /// the default token) and records the outcome for <see cref="TakeConnectResult"/>. While a previous attempt is
    /// still running it returns false and starts nothing.</item>
    /// <item>The outcome is about the IP link, not the clock: with <c>requiresDateTime: true</c> the helper also waits
    /// (within the same deadline) for the first SNTP time, and when only that wait ran out
    /// (<c>NetworkHelperStatus.TokenExpiredWaitingDateTime</c>) the link has its address, so the adapter reports
    /// <see cref="NetworkConnectResult.Connected"/>. Waiting for a plausible wall clock is the supervisor's ClockWait
    /// state (with <see cref="ITimeSync"/>), never a reason to report a failed connect.</item>
    /// <item><see cref="TakeConnectResult"/> reports <see cref="NetworkConnectResult.Pending"/> while the attempt runs,
    /// then its outcome exactly once, then <see cref="NetworkConnectResult.None"/>.</item>
    /// <item><see cref="IsUp"/> is a cheap read of the current state (an IP address is assigned), safe to call every
    /// step; with automatic reconnection it may become true on its own.</item>
    /// <item>No member throws; no member logs the WiFi password. All members are called from the main loop thread;
    /// the implementation synchronises with its own worker thread.</item>
    /// </list>
    /// </remarks>
    public interface INetworkLink
    {
        /// <summary>True while the link has an IP address.</summary>
        bool IsUp { get; }

        /// <summary>Starts bringing the link up in the background, giving up after <paramref name="timeoutMs"/>.</summary>
        bool BeginConnect(int timeoutMs);

        /// <summary>Reports the state or outcome of the last attempt; an outcome is reported once.</summary>
        NetworkConnectResult TakeConnectResult();
    }
}
