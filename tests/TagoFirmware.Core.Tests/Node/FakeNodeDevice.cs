using TagoFirmware.Connection;
using TagoFirmware.Tests.Readings;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Node
{
    /// <summary>
    /// Records reboot requests and what the reading store looked like at that moment, so a test can prove the queue
    /// was flushed before the reboot.
    /// </summary>
    public sealed class FakeNodeDevice : IDeviceControl
    {
        private readonly FakeReadingStore _store;

        public FakeNodeDevice(FakeReadingStore store)
        {
            _store = store;
        }

        public int Reboots;
        public RebootReason LastReason;
        public int StoreCommitsAtReboot = -1;
        public long StoreBytesAtReboot = -1;

        public void Reboot(RebootReason reason)
        {
            Reboots++;
            LastReason = reason;
            StoreCommitsAtReboot = _store.Commits;
            StoreBytesAtReboot = _store.BytesWritten;
        }
    }
}
