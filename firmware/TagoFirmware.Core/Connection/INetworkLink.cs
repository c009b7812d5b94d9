using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>The IP link under MQTT (WiFi on the ESP32; always up on the host). The core starts an attempt and polls its
    /// outcome on later steps; it never waits.</summary>
    /// <remarks>
    /// Port contract: <see cref="BeginConnect"/> returns at once; the device adapter runs <c>ConnectDhcp</c> on its
    /// worker with a <c>CancellationTokenSource(timeoutMs)</c> token (the default token waits forever), and returns false
    /// while an attempt runs. The outcome is about the IP link: when only the helper's wait for SNTP ran out
    /// (<c>TokenExpiredWaitingDateTime</c>) it is Connected, and the supervisor's ClockWait takes over.
    /// <see cref="TakeConnectResult"/> reports Pending, then the outcome once, then None. <see cref="IsUp"/> is a cheap
    /// read, safe every step. Main loop thread only; no member throws or logs the WiFi password.
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
