using nanoFramework.TestFramework;
using TagoFirmware.Commands;
using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    [TestClass]
    public class CommandLaneTests
    {
        [TestMethod]
        public void A_burst_of_ten_commands_is_admitted_and_the_eleventh_is_dropped_and_counted()
        {
            CommandLane lane = new CommandLane();
            for (int i = 0; i < CommandLane.Burst; i++)
            {
                Assert.IsTrue(lane.Admit(2, 1000), "command " + i.ToString());
            }

            Assert.IsFalse(lane.Admit(2, 1000));
            Assert.AreEqual(1, lane.Dropped);
        }

        [TestMethod]
        public void After_the_burst_one_command_a_second_is_admitted()
        {
            CommandLane lane = new CommandLane();
            for (int i = 0; i < CommandLane.Burst; i++)
            {
                lane.Admit(2, 0);
            }

            Assert.IsFalse(lane.Admit(2, 999));
            Assert.IsTrue(lane.Admit(2, 1000));
            Assert.IsFalse(lane.Admit(2, 1500));
            Assert.IsTrue(lane.Admit(2, 2000));
            Assert.IsFalse(lane.Admit(2, 2001));
            Assert.AreEqual(3, lane.Dropped);
        }

        [TestMethod]
        public void An_idle_minute_refills_the_burst_but_never_beyond_it()
        {
            CommandLane lane = new CommandLane();
            for (int i = 0; i < CommandLane.Burst; i++)
            {
                lane.Admit(2, 0);
            }

            int admitted = 0;
            for (int i = 0; i < 3 * CommandLane.Burst; i++)
            {
                if (lane.Admit(2, 60000))
                {
                    admitted++;
                }
            }

            Assert.AreEqual(CommandLane.Burst, admitted);
        }

        [TestMethod]
        public void An_oversized_payload_is_dropped_without_costing_the_rate()
        {
            CommandLane lane = new CommandLane();
            Assert.IsFalse(lane.Admit(CommandParser.MaxPayloadBytes + 1, 0));
            Assert.IsFalse(lane.Admit(1 << 20, 0));
            Assert.AreEqual(2, lane.Dropped);
            for (int i = 0; i < CommandLane.Burst; i++)
            {
                Assert.IsTrue(lane.Admit(CommandParser.MaxPayloadBytes, 0), "command " + i.ToString());
            }
        }

        [TestMethod]
        public void The_lane_holds_four_commands_and_drops_the_fifth()
        {
            CommandLane lane = new CommandLane();
            for (int i = 0; i < CommandLane.Capacity; i++)
            {
                Assert.IsTrue(lane.Add("t" + i.ToString(), new byte[] { (byte)i }));
            }

            Assert.IsFalse(lane.Add("t4", new byte[] { 4 }));
            LinkEvent e = new LinkEvent();
            Assert.IsTrue(lane.TryTake(e));
            Assert.AreEqual((int)LinkEventKind.CommandsDropped, (int)e.Kind);
            Assert.AreEqual(1, e.ReasonCode);
            for (int i = 0; i < CommandLane.Capacity; i++)
            {
                Assert.IsTrue(lane.TryTake(e));
                Assert.AreEqual((int)LinkEventKind.MessageReceived, (int)e.Kind);
                Assert.AreEqual("t" + i.ToString(), e.Topic);
                Assert.AreEqual((byte)i, e.Payload[0]);
            }

            Assert.IsFalse(lane.TryTake(e));
        }

        [TestMethod]
        public void Drops_are_reported_once_as_one_event_with_their_count()
        {
            CommandLane lane = new CommandLane();
            for (int i = 0; i < 1000; i++)
            {
                lane.Admit(4096, i);
            }

            LinkEvent e = new LinkEvent();
            Assert.IsTrue(lane.TryTake(e));
            Assert.AreEqual((int)LinkEventKind.CommandsDropped, (int)e.Kind);
            Assert.AreEqual(1000, e.ReasonCode);
            Assert.IsFalse(lane.TryTake(e));
            Assert.AreEqual(1000, lane.Dropped);
        }
    }
}
