using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Session
{
    /// <summary>Records reboot requests.</summary>
    public class FakeDeviceControl : IDeviceControl
    {
        public int Reboots;
        public RebootReason LastReason;

        public void Reboot(RebootReason reason)
        {
            Reboots++;
            LastReason = reason;
        }
    }
}
