using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Session
{
    /// <summary>Counts time-sync requests; the test sets the clock itself.</summary>
    public class FakeTimeSync : ITimeSync
    {
        public int Requests;

        public bool RequestSync()
        {
            Requests++;
            return true;
        }
    }
}
