using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Connection
{
    /// <summary>Holds the posted job until the test runs it, so a connect can be "still blocking" for as long as needed.</summary>
    public class FakeWorker : IWorker
    {
        public IBlockingJob Pending;
        public int Posts;

        public void Post(IBlockingJob job)
        {
            Pending = job;
            Posts++;
        }

        /// <summary>Runs the posted job on the calling thread (the worker's side).</summary>
        public void RunPending()
        {
            IBlockingJob job = Pending;
            Pending = null;
            job.Run();
        }
    }
}
