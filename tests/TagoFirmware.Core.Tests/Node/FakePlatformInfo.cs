using TagoFirmware.Diagnostics;
using TagoFirmware.Node;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Node
{
    /// <summary>A platform whose figures the test sets; counts heap queries (they run a GC on the device).</summary>
    public sealed class FakePlatformInfo : IPlatformInfo
    {
        public int Heap = 81920;
        public int HeapQueries;
        public BootReason Boot = BootReason.PowerOnOrReset;
        public bool HasRssi;
        public int Rssi = -67;
        public string Version = "1.2.3-test";

        public BootReason BootReason
        {
            get { return Boot; }
        }

        public string FirmwareVersion
        {
            get { return Version; }
        }

        public int HeapFreeBytes()
        {
            HeapQueries++;
            return Heap;
        }

        public bool TryGetRssi(out int dbm)
        {
            dbm = Rssi;
            return HasRssi;
        }
    }
}
