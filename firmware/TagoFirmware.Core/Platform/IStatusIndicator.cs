using TagoFirmware.Connection;

namespace TagoFirmware.Platform
{
    /// <summary>The status LED: called on the main loop when the status changes; returns at once (blinks run on the adapter's timer), never throws.</summary>
    public interface IStatusIndicator
    {
        /// <summary>Switches the indicator to the pattern of <paramref name="status"/>.</summary>
        void Show(NodeStatus status);
    }
}
