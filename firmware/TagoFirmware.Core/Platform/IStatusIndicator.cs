using TagoFirmware.Connection;

namespace TagoFirmware.Platform
{
    /// <summary>The status LED (or any other indicator).</summary>
    /// <remarks>
    /// Port contract: <see cref="Show"/> is called from the main loop thread only when the status changes; it returns
    /// at once and never throws. A blinking pattern runs on the adapter's own timer, never inside this call.
    /// </remarks>
    public interface IStatusIndicator
    {
        /// <summary>Switches the indicator to the pattern of <paramref name="status"/>.</summary>
        void Show(NodeStatus status);
    }
}
