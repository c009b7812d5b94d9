using nanoFramework.TestFramework;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class LinkEventQueueTests
    {
        [TestMethod]
        public void Events_come_out_in_the_order_they_were_posted()
        {
            LinkEventQueue queue = new LinkEventQueue(4);
            queue.Post(LinkEventKind.ConnectFailed, 5, ConnectFailure.Communication, 0, null, null);
            queue.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, 42, null, null);
            LinkEvent e = new LinkEvent();
            Assert.IsTrue(queue.TryTake(e));
            Assert.AreEqual((int)LinkEventKind.ConnectFailed, (int)e.Kind);
            Assert.AreEqual(5, e.ReasonCode);
            Assert.AreEqual((int)ConnectFailure.Communication, (int)e.Failure);
            Assert.IsTrue(queue.TryTake(e));
            Assert.AreEqual((int)LinkEventKind.PublishAcked, (int)e.Kind);
            Assert.AreEqual(42, e.MessageId);
            Assert.IsFalse(queue.TryTake(e));
        }

        [TestMethod]
        public void Full_queue_drops_and_counts_new_events_without_blocking()
        {
            LinkEventQueue queue = new LinkEventQueue(2);
            Assert.IsTrue(queue.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, 1, null, null));
            Assert.IsTrue(queue.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, 2, null, null));
            Assert.IsFalse(queue.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, 3, null, null));
            Assert.AreEqual(1, queue.Dropped);
            Assert.AreEqual(2, queue.Count);
        }

        [TestMethod]
        public void Queue_wraps_around_its_ring()
        {
            LinkEventQueue queue = new LinkEventQueue(3);
            LinkEvent e = new LinkEvent();
            for (int i = 1; i <= 10; i++)
            {
                queue.Post(LinkEventKind.MessageReceived, -1, ConnectFailure.None, 0, "t" + i.ToString(), new byte[] { (byte)i });
                Assert.IsTrue(queue.TryTake(e));
                Assert.AreEqual("t" + i.ToString(), e.Topic);
                Assert.AreEqual((byte)i, e.Payload[0]);
            }
        }

        [TestMethod]
        public void Clear_empties_the_queue()
        {
            LinkEventQueue queue = new LinkEventQueue(3);
            queue.Post(LinkEventKind.Closed, -1, ConnectFailure.None, 0, null, null);
            queue.Clear();
            Assert.AreEqual(0, queue.Count);
            Assert.IsFalse(queue.TryTake(new LinkEvent()));
        }
    }
}
