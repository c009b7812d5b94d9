using TagoFirmware.Session;

namespace TagoFirmware.Tests.Session
{
    /// <summary>Records reboot requests, and whether the application had been asked to flush first.</summary>
    public class FakeDeviceControl : IDeviceControl
    {
        private readonly FakeListener _listener;

        public FakeDeviceControl(FakeListener listener)
        {
            _listener = listener;
        }

        public int Reboots;
        public RebootReason LastReason;
        public bool FlushedBeforeReboot;

        public void Reboot(RebootReason reason)
        {
            Reboots++;
            LastReason = reason;
            FlushedBeforeReboot = _listener.RebootPendingCount > 0;
        }
    }
}
