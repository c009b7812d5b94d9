using nanoFramework.TestFramework;
using TagoFirmware.Payload;

namespace TagoFirmware.Tests.Payload
{
    /// <summary>
    /// Every rejection path: the call returns its specific error and the payload is exactly as it was after the last
    /// complete item (bytes, Length, ItemCount), so closing it gives the payload without the refused item.
    /// </summary>
    [TestClass]
    public class RejectionTests
    {
        private const string FirstItem = "[{\"variable\":\"temperature\",\"value\":23,\"unit\":\"°C\"}";

        private static byte[] s_snapshot;
        private static int s_length;

        [TestMethod]
        [DataRow("")]
        [DataRow("Temperature")]
        [DataRow("temp-1")]
        [DataRow("temp.1")]
        [DataRow("temp 1")]
        [DataRow("température")]
        [DataRow("x\"")]
        public void An_invalid_variable_name_is_refused(string name)
        {
            TagoJsonWriter writer = Started();

            AssertIntactAfter(TagoWriteResult.InvalidVariable, Item(writer, PayloadText.Utf8(name), null, null, -1), writer);
            AssertIntactAfter(TagoWriteResult.InvalidVariable, Item(writer, null, null, null, -1), writer);
        }

        [TestMethod]
        public void A_reading_of_an_invalid_or_unknown_variable_is_refused()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[256], new byte[][] { PayloadText.Utf8("Bad") }, new byte[][] { null });

            Assert.AreEqual(TagoWriteResult.InvalidVariable, writer.Reading(0, 1L, 0, 1795617000000L));
            Assert.AreEqual(TagoWriteResult.InvalidVariable, writer.Reading(1, 1L, 0, 1795617000000L));
            Assert.AreEqual(TagoWriteResult.InvalidVariable, writer.Reading(-1, 1L, 0, 1795617000000L));
            Assert.AreEqual("[]", PayloadText.Closed(writer));
        }

        [TestMethod]
        public void A_variable_name_of_101_characters_is_refused_and_100_are_accepted()
        {
            TagoJsonWriter writer = Started();
            string hundred = new string('a', 100);

            AssertIntactAfter(TagoWriteResult.InvalidVariable, Item(writer, PayloadText.Utf8(hundred + "a"), null, null, -1), writer);

            Assert.AreEqual(TagoWriteResult.Ok, Item(writer, PayloadText.Utf8(hundred), null, null, -1));
            Assert.AreEqual(2, writer.ItemCount);
        }

        [TestMethod]
        public void A_unit_of_26_characters_is_refused_and_25_are_accepted()
        {
            TagoJsonWriter writer = Started();

            AssertIntactAfter(TagoWriteResult.UnitTooLong, Item(writer, PayloadText.Utf8("v"), null, PayloadText.Utf8(new string('u', 26)), -1), writer);
            AssertIntactAfter(TagoWriteResult.UnitTooLong, Item(writer, PayloadText.Utf8("v"), null, PayloadText.Utf8(new string('°', 26)), -1), writer);
            Assert.AreEqual(TagoWriteResult.Ok, Item(writer, PayloadText.Utf8("v"), null, PayloadText.Utf8(new string('°', 25)), -1));
        }

        [TestMethod]
        public void A_string_value_over_6000_bytes_is_refused_and_6000_are_accepted()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[8192], null, null);
            Item(writer, PayloadText.Utf8("first"), null, null, -1);
            Snapshot(writer);

            AssertIntactAfter(TagoWriteResult.StringTooLong, Item(writer, PayloadText.Utf8("v"), PayloadText.Utf8(new string('x', 6001)), null, -1), writer);
            AssertIntactAfter(TagoWriteResult.StringTooLong, Item(writer, PayloadText.Utf8("v"), TagoUtf8.GetBytes(new string('é', 3001)), null, -1), writer);
            Assert.AreEqual(TagoWriteResult.Ok, Item(writer, PayloadText.Utf8("v"), TagoUtf8.GetBytes(new string('é', 3000)), null, -1));
        }

        [TestMethod]
        public void A_time_after_the_year_9999_rolls_back_the_whole_item()
        {
            TagoJsonWriter writer = Started();

            AssertIntactAfter(TagoWriteResult.InvalidTime, Item(writer, PayloadText.Utf8("v"), PayloadText.Utf8("x"), PayloadText.Utf8("%"), 253402300800000L), writer);
            AssertIntactAfter(TagoWriteResult.InvalidTime, Item(writer, PayloadText.Utf8("v"), null, null, long.MaxValue), writer);
        }

        [TestMethod]
        public void After_closing_items_are_refused()
        {
            TagoJsonWriter writer = Started();

            Assert.AreEqual(FirstItem + "]", PayloadText.Closed(writer));
            Assert.AreEqual(TagoWriteResult.PayloadClosed, Item(writer, PayloadText.Utf8("v"), null, null, -1));
            Assert.AreEqual(1, writer.ItemCount);
        }

        private static TagoWriteResult Item(TagoJsonWriter writer, byte[] name, byte[] text, byte[] unit, long time) => writer.Item(name, 1, text, unit, time);

        /// <summary>A writer holding one complete item, its state remembered for <see cref="AssertIntactAfter"/>.</summary>
        private static TagoJsonWriter Started()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[512], null, null);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Item(PayloadText.Utf8("temperature"), 23, null, PayloadText.Utf8("°C"), -1));
            Assert.AreEqual(FirstItem, PayloadText.Of(writer));
            Snapshot(writer);
            return writer;
        }

        private static void Snapshot(TagoJsonWriter writer)
        {
            s_length = writer.Length;
            s_snapshot = PayloadText.Snapshot(writer.Buffer, s_length);
        }

        /// <summary>Checks the refusal and that the payload is exactly the remembered one.</summary>
        private static void AssertIntactAfter(TagoWriteResult expected, TagoWriteResult actual, TagoJsonWriter writer)
        {
            int items = writer.ItemCount;
            Assert.AreEqual(expected, actual);
            Assert.AreEqual(s_length, writer.Length);
            Assert.AreEqual(items, writer.ItemCount);
            CollectionAssert.AreEqual(s_snapshot, PayloadText.Snapshot(writer.Buffer, writer.Length));
        }
    }
}
