using nanoFramework.TestFramework;
using TagoFirmware.Commands;
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
        public void Full_queue_drops_new_events_without_blocking()
        {
            LinkEventQueue queue = new LinkEventQueue(2);
            Assert.IsTrue(queue.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, 1, null, null));
            Assert.IsTrue(queue.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, 2, null, null));
            Assert.IsFalse(queue.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, 3, null, null));
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
        public void A_command_flood_never_costs_an_ack_and_its_drops_are_reported_once_with_their_count()
        {
            LinkEventQueue queue = new LinkEventQueue(2);
            LinkEvent e = new LinkEvent();
            int posted = 0;
            for (int i = 0; i < 5000; i++)
            {
                if (queue.Admit(1, i / 4, true) && queue.Post(LinkEventKind.MessageReceived, -1, ConnectFailure.None, 0, "t", new byte[] { 1 }))
                {
                    posted++;
                }

                if (i % 1000 == 0)
                {
                    Assert.IsTrue(queue.Post(LinkEventKind.PublishAcked, -1, ConnectFailure.None, i, null, null), "ack " + i.ToString());
                    Assert.IsTrue(queue.TryTake(e));
                    Assert.AreEqual((int)LinkEventKind.PublishAcked, (int)e.Kind);
                    Assert.AreEqual(i, e.MessageId);
                }
            }

            Assert.AreEqual(LinkEventQueue.CommandSlots, posted);
            Assert.IsTrue(queue.TryTake(e));
            Assert.AreEqual((int)LinkEventKind.CommandsDropped, (int)e.Kind);
            Assert.AreEqual(5000 - LinkEventQueue.CommandSlots, e.ReasonCode);
            for (int i = 0; i < LinkEventQueue.CommandSlots; i++)
            {
                Assert.IsTrue(queue.TryTake(e));
                Assert.AreEqual((int)LinkEventKind.MessageReceived, (int)e.Kind);
            }

            Assert.IsFalse(queue.TryTake(e));
        }

        [TestMethod]
        public void A_burst_of_ten_commands_is_admitted_then_one_a_second()
        {
            LinkEventQueue queue = new LinkEventQueue(1);
            for (int i = 0; i < LinkEventQueue.CommandBurst; i++)
            {
                Assert.IsTrue(queue.Admit(2, 5000, true), "command " + i.ToString());
            }

            Assert.IsFalse(queue.Admit(2, 5000, true));
            Assert.IsFalse(queue.Admit(2, 5999, true));
            Assert.IsTrue(queue.Admit(2, 6000, true));
            Assert.IsFalse(queue.Admit(2, 6500, true));
            Assert.IsTrue(queue.Admit(2, 7000, true));
            Assert.IsFalse(queue.Admit(2, 7001, true));
            Assert.AreEqual(4, DroppedReported(queue));
        }

        [TestMethod]
        public void An_idle_minute_refills_the_burst_but_never_beyond_it()
        {
            LinkEventQueue queue = new LinkEventQueue(1);
            for (int i = 0; i < LinkEventQueue.CommandBurst; i++)
            {
                queue.Admit(2, 0, true);
            }

            int admitted = 0;
            for (int i = 0; i < 3 * LinkEventQueue.CommandBurst; i++)
            {
                if (queue.Admit(2, 60000, true))
                {
                    admitted++;
                }
            }

            Assert.AreEqual(LinkEventQueue.CommandBurst, admitted);
        }

        [TestMethod]
        public void An_oversized_payload_is_dropped_without_costing_the_rate()
        {
            LinkEventQueue queue = new LinkEventQueue(1);
            Assert.IsFalse(queue.Admit(CommandParser.MaxPayloadBytes + 1, 0, true));
            Assert.IsFalse(queue.Admit(1 << 20, 0, true));
            for (int i = 0; i < LinkEventQueue.CommandBurst; i++)
            {
                Assert.IsTrue(queue.Admit(CommandParser.MaxPayloadBytes, 0, true), "command " + i.ToString());
            }

            Assert.AreEqual(2, DroppedReported(queue));
        }

        [TestMethod]
        public void Receipts_on_a_TagoTiP_ack_topic_are_not_rate_limited_but_still_size_limited()
        {
            LinkEventQueue queue = new LinkEventQueue(1);
            for (int i = 0; i < 10 * LinkEventQueue.CommandBurst; i++)
            {
                Assert.IsTrue(queue.Admit(8, 0, false), "receipt " + i.ToString());
            }

            Assert.IsFalse(queue.Admit(CommandParser.MaxPayloadBytes + 1, 0, false));
            Assert.AreEqual(1, DroppedReported(queue));
        }

        [TestMethod]
        public void The_message_lane_holds_four_messages_in_order_and_drops_the_fifth()
        {
            LinkEventQueue queue = new LinkEventQueue(1);
            for (int i = 0; i <= LinkEventQueue.CommandSlots; i++)
            {
                Assert.AreEqual(i < LinkEventQueue.CommandSlots, queue.Post(LinkEventKind.MessageReceived, -1, ConnectFailure.None, 0, "t" + i.ToString(), new byte[] { (byte)i }));
            }

            Assert.AreEqual(1, DroppedReported(queue));
            LinkEvent e = new LinkEvent();
            for (int i = 0; i < LinkEventQueue.CommandSlots; i++)
            {
                Assert.IsTrue(queue.TryTake(e));
                Assert.AreEqual("t" + i.ToString(), e.Topic);
                Assert.AreEqual((byte)i, e.Payload[0]);
            }

            Assert.IsFalse(queue.TryTake(e));
        }

        /// <summary>Takes the CommandsDropped report that comes first once the connection lane is empty.</summary>
        private static int DroppedReported(LinkEventQueue queue)
        {
            LinkEvent e = new LinkEvent();
            Assert.IsTrue(queue.TryTake(e));
            Assert.AreEqual((int)LinkEventKind.CommandsDropped, (int)e.Kind);
            return e.ReasonCode;
        }
    }
}
