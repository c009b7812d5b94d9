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
        public void Acks_and_closes_are_taken_before_commands_that_arrived_earlier()
        {
            LinkEventQueue queue = new LinkEventQueue(4);
            queue.Post(LinkEventKind.MessageReceived, -1, ConnectFailure.None, 0, "commands/n/ping", new byte[] { 0x31 });
            queue.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, 7, null, null);
            queue.Post(LinkEventKind.Closed, -1, ConnectFailure.None, 0, null, null);
            LinkEvent e = new LinkEvent();
            Assert.IsTrue(queue.TryTake(e));
            Assert.AreEqual((int)LinkEventKind.PublishAcked, (int)e.Kind);
            Assert.IsTrue(queue.TryTake(e));
            Assert.AreEqual((int)LinkEventKind.Closed, (int)e.Kind);
            Assert.IsTrue(queue.TryTake(e));
            Assert.AreEqual((int)LinkEventKind.MessageReceived, (int)e.Kind);
            Assert.AreEqual("commands/n/ping", e.Topic);
        }

        [TestMethod]
        public void A_command_flood_never_costs_an_ack()
        {
            LinkEventQueue queue = new LinkEventQueue(2);
            int posted = 0;
            for (int i = 0; i < 5000; i++)
            {
                if (queue.Admit(1, i / 4) && queue.Post(LinkEventKind.MessageReceived, -1, ConnectFailure.None, 0, "t", new byte[] { 1 }))
                {
                    posted++;
                }

                if (i % 1000 == 0)
                {
                    Assert.IsTrue(queue.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, i, null, null), "ack " + i.ToString());
                    LinkEvent ack = new LinkEvent();
                    Assert.IsTrue(queue.TryTake(ack));
                    Assert.AreEqual((int)LinkEventKind.PublishAcked, (int)ack.Kind);
                    Assert.AreEqual(i, ack.MessageId);
                }
            }

            Assert.AreEqual(0, queue.Dropped);
            Assert.AreEqual(CommandLane.Capacity, posted);
            Assert.AreEqual(5000 - CommandLane.Capacity, queue.CommandsDropped);
            Assert.AreEqual(CommandLane.Capacity, queue.Count);
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
