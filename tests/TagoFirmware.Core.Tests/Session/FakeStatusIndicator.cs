using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Session
{
    /// <summary>Records the status the LED was last switched to.</summary>
    public class FakeStatusIndicator : IStatusIndicator
    {
        public NodeStatus Last = NodeStatus.Starting;
        public int Changes;

        public void Show(NodeStatus status)
        {
            Last = status;
            Changes++;
        }
    }
}
