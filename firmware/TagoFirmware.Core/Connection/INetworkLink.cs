using TagoFirmware.Platform;

namespace TagoFirmware.Connection
{
    /// <summary>The IP link under MQTT (ESP32 WiFi; always up on the host): <see cref="BeginConnect"/> returns at once, the outcome is polled once; never throws or logs the WiFi password.</summary>
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
