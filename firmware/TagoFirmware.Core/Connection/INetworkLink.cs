using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>The IP link under MQTT (WiFi on the ESP32; always up on the host): an attempt starts, its outcome is polled.</summary>
    /// <remarks><see cref="BeginConnect"/> returns at once, false while an attempt runs; <see cref="TakeConnectResult"/> reports Pending, the outcome once, then None; never throws or logs the WiFi password.</remarks>
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
