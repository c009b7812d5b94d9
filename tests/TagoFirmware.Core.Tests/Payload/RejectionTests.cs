using System;
using nanoFramework.TestFramework;
using TagoFirmware.Payload;

namespace TagoFirmware.Tests.Payload
{
    /// <summary>
    /// Every rejection path: the call returns its specific error, the item's first error sticks, and the payload is
    /// exactly as it was after the last complete item (bytes, Length, ItemCount), so closing it gives the payload
    /// without the refused item.
    /// </summary>
    [TestClass]
    public class RejectionTests
    {
        private const string FirstItem = "[{\"variable\":\"temperature\",\"value\":23.5,\"unit\":\"°C\"}";

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

            Assert.AreEqual(TagoWriteResult.InvalidVariable, writer.BeginItem(PayloadText.Utf8(name)));
            writer.Value(10L, 1);

            AssertIntactAfter(TagoWriteResult.InvalidVariable, writer);
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
        public void A_null_variable_name_is_refused()
        {
            TagoJsonWriter writer = Started();

            Assert.AreEqual(TagoWriteResult.InvalidVariable, writer.BeginItem((byte[])null));

            AssertIntactAfter(TagoWriteResult.InvalidVariable, writer);
        }

        [TestMethod]
        public void A_variable_name_of_101_characters_is_refused_and_100_are_accepted()
        {
            TagoJsonWriter writer = Started();
            string hundred = new string('a', 100);

            Assert.AreEqual(TagoWriteResult.InvalidVariable, writer.BeginItem(PayloadText.Utf8(hundred + "a")));
            AssertIntactAfter(TagoWriteResult.InvalidVariable, writer);

            Assert.AreEqual(TagoWriteResult.Ok, writer.BeginItem(PayloadText.Utf8(hundred)));
            Assert.AreEqual(TagoWriteResult.Ok, writer.EndItem());
            Assert.AreEqual(2, writer.ItemCount);
        }

        [TestMethod]
        public void A_unit_of_26_characters_is_refused_and_25_are_accepted()
        {
            TagoJsonWriter writer = Started();
            writer.BeginItem(PayloadText.Utf8("v"));
            writer.Value(1L);

            Assert.AreEqual(TagoWriteResult.UnitTooLong, writer.Unit(PayloadText.Utf8(new string('u', 26))));
            AssertIntactAfter(TagoWriteResult.UnitTooLong, writer);

            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.UnitTooLong, writer.Unit(PayloadText.Utf8(new string('°', 26))));
            AssertIntactAfter(TagoWriteResult.UnitTooLong, writer);

            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.Ok, writer.Unit(PayloadText.Utf8(new string('°', 25))));
            Assert.AreEqual(TagoWriteResult.Ok, writer.EndItem());
        }

        [TestMethod]
        public void A_string_value_over_6000_bytes_is_refused_and_6000_are_accepted()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[8192], null, null);
            writer.BeginItem(PayloadText.Utf8("first"));
            writer.EndItem();
            Snapshot(writer);

            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.StringTooLong, writer.Value(PayloadText.Utf8(new string('x', 6001))));
            AssertIntactAfter(TagoWriteResult.StringTooLong, writer);

            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.StringTooLong, writer.Value(TagoUtf8.GetBytes(new string('é', 3001))));
            AssertIntactAfter(TagoWriteResult.StringTooLong, writer);

            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.Ok, writer.Value(TagoUtf8.GetBytes(new string('é', 3000))));
            Assert.AreEqual(TagoWriteResult.Ok, writer.EndItem());
        }

        [TestMethod]
        public void A_time_outside_years_1_to_9999_is_refused()
        {
            TagoJsonWriter writer = Started();
            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.InvalidTime, writer.TimeUnixMs(253402300800000L));
            AssertIntactAfter(TagoWriteResult.InvalidTime, writer);

            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.InvalidTime, writer.TimeUnixMs(-62135596800001L));
            AssertIntactAfter(TagoWriteResult.InvalidTime, writer);

            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.InvalidTime, writer.TimeUnixMs(long.MaxValue));
            AssertIntactAfter(TagoWriteResult.InvalidTime, writer);

            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.InvalidTime, writer.TimeUnixMs(long.MinValue));
            AssertIntactAfter(TagoWriteResult.InvalidTime, writer);
        }

        [TestMethod]
        public void A_field_repeated_or_out_of_order_is_refused()
        {
            TagoJsonWriter writer = Started();
            writer.BeginItem(PayloadText.Utf8("v"));
            writer.Value(1L);
            Assert.AreEqual(TagoWriteResult.FieldOutOfOrder, writer.Value(2L));
            AssertIntactAfter(TagoWriteResult.FieldOutOfOrder, writer);

            writer.BeginItem(PayloadText.Utf8("v"));
            writer.TimeUnixMs(0);
            Assert.AreEqual(TagoWriteResult.FieldOutOfOrder, writer.Unit(PayloadText.Utf8("%")));
            AssertIntactAfter(TagoWriteResult.FieldOutOfOrder, writer);

            writer.BeginItem(PayloadText.Utf8("v"));
            writer.GroupOfTime(0);
            Assert.AreEqual(TagoWriteResult.FieldOutOfOrder, writer.TimeUnixMs(0));
            AssertIntactAfter(TagoWriteResult.FieldOutOfOrder, writer);
        }

        [TestMethod]
        public void The_first_error_of_an_item_sticks_and_later_calls_write_nothing()
        {
            TagoJsonWriter writer = Started();
            writer.BeginItem(PayloadText.Utf8("v"));

            Assert.AreEqual(TagoWriteResult.InvalidDecimals, writer.Value(1L, 7));
            Assert.AreEqual(s_length, writer.Length);
            Assert.AreEqual(TagoWriteResult.InvalidDecimals, writer.Unit(PayloadText.Utf8("%")));
            Assert.AreEqual(TagoWriteResult.InvalidDecimals, writer.GroupOfTime(0));

            AssertIntactAfter(TagoWriteResult.InvalidDecimals, writer);
        }

        [TestMethod]
        public void An_error_after_several_fields_rolls_back_the_whole_item_such_as_a_time_without_a_cycle_id()
        {
            TagoJsonWriter writer = Started();
            writer.BeginItem(PayloadText.Utf8("humidity"));
            writer.Value(652L, 1);
            writer.Unit(PayloadText.Utf8("%"));
            writer.TimeUnixMs(1795617000000L);

            Assert.AreEqual(TagoWriteResult.InvalidGroup, writer.GroupOfTime(-1));

            AssertIntactAfter(TagoWriteResult.InvalidGroup, writer);
        }

        [TestMethod]
        public void Null_texts_are_refused()
        {
            TagoJsonWriter writer = Started();
            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.InvalidString, writer.Value((byte[])null));
            AssertIntactAfter(TagoWriteResult.InvalidString, writer);

            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.InvalidString, writer.Unit((byte[])null));
            AssertIntactAfter(TagoWriteResult.InvalidString, writer);
        }

        [TestMethod]
        public void Fields_without_an_open_item_are_refused_and_write_nothing()
        {
            TagoJsonWriter writer = Started();

            Assert.AreEqual(TagoWriteResult.NoItemOpen, writer.Value(1L));
            Assert.AreEqual(TagoWriteResult.NoItemOpen, writer.GroupOfTime(0));
            Assert.AreEqual(TagoWriteResult.NoItemOpen, writer.EndItem());

            Assert.AreEqual(s_length, writer.Length);
            Assert.AreEqual(FirstItem + "]", PayloadText.Closed(writer));
        }

        [TestMethod]
        public void Beginning_an_item_while_one_is_open_drops_the_open_one()
        {
            TagoJsonWriter writer = Started();
            writer.BeginItem(PayloadText.Utf8("v"));
            writer.Value(1L);

            Assert.AreEqual(TagoWriteResult.ItemAlreadyOpen, writer.BeginItem(PayloadText.Utf8("w")));

            AssertIntactAfter(TagoWriteResult.ItemAlreadyOpen, writer);
        }

        [TestMethod]
        public void Closing_with_an_item_open_drops_that_item()
        {
            TagoJsonWriter writer = Started();
            writer.BeginItem(PayloadText.Utf8("v"));
            writer.Value(1L);

            Assert.AreEqual(FirstItem + "]", PayloadText.Closed(writer));
            Assert.AreEqual(1, writer.ItemCount);
            Assert.AreEqual(TagoWriteResult.PayloadClosed, writer.Value(2L));
        }

        [TestMethod]
        public void A_buffer_too_small_for_an_empty_array_is_refused_at_construction()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => { new TagoJsonWriter(null, null, null); });
            Assert.ThrowsException(typeof(ArgumentException), () => { new TagoJsonWriter(new byte[1], null, null); });
        }

        /// <summary>A writer holding one complete item, its state remembered for <see cref="AssertIntactAfter"/>.</summary>
        private static TagoJsonWriter Started()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[512], null, null);
            writer.BeginItem(PayloadText.Utf8("temperature"));
            writer.Value(235L, 1);
            writer.Unit(PayloadText.Utf8("°C"));
            Assert.AreEqual(TagoWriteResult.Ok, writer.EndItem());
            Assert.AreEqual(FirstItem, PayloadText.Of(writer));
            Snapshot(writer);
            return writer;
        }

        private static void Snapshot(TagoJsonWriter writer)
        {
            s_length = writer.Length;
            s_snapshot = PayloadText.Snapshot(writer.Buffer, s_length);
        }

        /// <summary>Ends the refused item and checks that the payload is exactly the remembered one.</summary>
        private static void AssertIntactAfter(TagoWriteResult expected, TagoJsonWriter writer)
        {
            int items = writer.ItemCount;
            Assert.AreEqual(s_length, writer.Length);
            Assert.AreEqual(expected, writer.EndItem());
            Assert.AreEqual(s_length, writer.Length);
            Assert.AreEqual(items, writer.ItemCount);
            CollectionAssert.AreEqual(s_snapshot, PayloadText.Snapshot(writer.Buffer, writer.Length));

            // The next item starts cleanly: the error does not leak into it.
            Assert.AreEqual(TagoWriteResult.NoItemOpen, writer.EndItem());
        }
    }
}
