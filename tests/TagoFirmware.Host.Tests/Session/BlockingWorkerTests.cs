using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Tests.Session
{
    /// <summary>The device's worker thread runs posted jobs one at a time, in order, and survives a job that throws.</summary>
    [TestClass]
    public sealed class BlockingWorkerTests
    {
        [TestMethod]
        public void Jobs_run_in_the_order_they_were_posted_even_after_one_throws()
        {
            BlockingCollection<string> ran = new BlockingCollection<string>();
            BlockingWorker worker = new BlockingWorker();
            worker.Post(new Job("wifi", ran, true));
            worker.Post(new Job("mqtt", ran, false));
            Assert.IsTrue(ran.TryTake(out string first, TimeSpan.FromSeconds(5)));
            Assert.IsTrue(ran.TryTake(out string second, TimeSpan.FromSeconds(5)));
            Assert.AreEqual("wifi", first);
            Assert.AreEqual("mqtt", second);

            // Idle, then woken by the next post.
            Thread.Sleep(50);
            worker.Post(new Job("again", ran, false));
            Assert.IsTrue(ran.TryTake(out string third, TimeSpan.FromSeconds(5)));
            Assert.AreEqual("again", third);
        }

        private sealed class Job(string name, BlockingCollection<string> ran, bool throws) : IBlockingJob
        {
            public void Run()
            {
                ran.Add(name);
                if (throws)
                    throw new InvalidOperationException("broken job");
            }
        }
    }
}
