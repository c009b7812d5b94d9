using nanoFramework.TestFramework;
using TagoFirmware.Payload;

namespace TagoFirmware.Tests.Payload
{
    /// <summary>
    /// A full buffer refuses the item that does not fit, leaves the payload intact, and can always be closed: the
    /// last byte stays reserved for the closing bracket.
    /// </summary>
    [TestClass]
    public class CapacityTests
    {
        private const string Item = "{\"variable\":\"humidity\",\"value\":65.2,\"unit\":\"%\",\"time\":\"2026-11-25T14:30:00.000Z\",\"group\":\"00mww800g0\"}";

        [TestMethod]
        public void A_buffer_of_exactly_the_payload_length_holds_it()
        {
            // "[" + item + "," + item + "]"
            int exact = 1 + Item.Length + 1 + Item.Length + 1;
            TagoJsonWriter writer = PayloadText.Writer(exact, "humidity", "%");

            Assert.AreEqual(TagoWriteResult.Ok, WriteItem(writer));
            Assert.AreEqual(TagoWriteResult.Ok, WriteItem(writer));

            Assert.AreEqual("[" + Item + "," + Item + "]", PayloadText.Closed(writer));
            Assert.AreEqual(exact, writer.Length);
        }

        [TestMethod]
        public void An_item_that_does_not_fit_is_refused_and_the_payload_still_closes()
        {
            int exact = 1 + Item.Length + 1 + Item.Length + 1;

            // One byte short at every possible point of the second item: each field may be the one that overflows.
            for (int shortBy = 1; shortBy <= Item.Length + 1; shortBy++)
            {
                TagoJsonWriter writer = PayloadText.Writer(exact - shortBy, "humidity", "%");
                Assert.AreEqual(TagoWriteResult.Ok, WriteItem(writer));
                byte[] before = PayloadText.Snapshot(writer.Buffer, writer.Length);

                Assert.AreEqual(TagoWriteResult.BufferFull, WriteItem(writer));

                CollectionAssert.AreEqual(before, PayloadText.Snapshot(writer.Buffer, writer.Length));
                Assert.AreEqual(1, writer.ItemCount);
                Assert.AreEqual("[" + Item + "]", PayloadText.Closed(writer));
            }
        }

        [TestMethod]
        public void After_a_refusal_a_reset_payload_takes_the_item()
        {
            TagoJsonWriter writer = PayloadText.Writer(1 + Item.Length + 1 + 10, "humidity", "%");
            Assert.AreEqual(TagoWriteResult.Ok, WriteItem(writer));
            Assert.AreEqual(TagoWriteResult.BufferFull, WriteItem(writer));
            byte[] first = writer.CopyPayload();

            writer.Reset();
            Assert.AreEqual(TagoWriteResult.Ok, WriteItem(writer));

            CollectionAssert.AreEqual(first, writer.CopyPayload());
        }

        [TestMethod]
        public void The_smallest_buffer_refuses_every_item_and_closes_as_an_empty_array()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[2], null, null);

            Assert.AreEqual(TagoWriteResult.BufferFull, writer.Item(PayloadText.Utf8("v"), 1, null, null, -1));
            Assert.AreEqual(1, writer.Length);

            Assert.AreEqual("[]", PayloadText.Closed(writer));
        }

        [TestMethod]
        public void Copy_payload_returns_an_exact_length_copy()
        {
            TagoJsonWriter writer = PayloadText.Writer(1024, "humidity", "%");
            WriteItem(writer);

            byte[] payload = writer.CopyPayload();

            Assert.AreEqual(Item.Length + 2, payload.Length);
            Assert.AreNotSame(writer.Buffer, payload);
            CollectionAssert.AreEqual(PayloadText.Utf8("[" + Item + "]"), payload);
        }

        private static TagoWriteResult WriteItem(TagoJsonWriter writer) => writer.Reading(0, 652L, 1, 1795617000000L);
    }
}
