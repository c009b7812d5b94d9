using nanoFramework.TestFramework;
using TagoFirmware.Payload;
using TagoFirmware.TagoTip;
using TagoFirmware.Tests.Payload;

namespace TagoFirmware.Tests.TagoTip
{
    /// <summary>What the writer accepts, how it escapes, and how it refuses: TagoTiP 1.0 §4.4, §4.5, §6.3, §14.</summary>
    [TestClass]
    public class TagoTipWriterRulesTests
    {
        [TestMethod]
        [DataRow("plain text", "plain text")]
        [DataRow("a|b[c]d;e,f{g}h#i@j^k\\l", "a\\|b\\[c\\]d\\;e\\,f\\{g\\}h\\#i\\@j\\^k\\\\l")]
        [DataRow("line1\nline2", "line1\\nline2")]
        [DataRow("=:?!$%&'()*+-./<>~`\"", "=:?!$%&'()*+-./<>~`\"")]
        public void String_values_escape_exactly_the_structural_characters_and_newline(string text, string expected)
        {
            Assert.AreEqual("[s=" + expected + "]", One(w => w.Value(PayloadText.Utf8(text))));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("tab\there")]
        [DataRow("cr\r")]
        [DataRow("del\u007f")]
        [DataRow("°")]
        public void Empty_values_controls_and_non_ASCII_are_refused(string text)
        {
            TagoTipWriter writer = Begun();
            writer.BeginItem(Name("s"));
            Assert.AreEqual(TagoWriteResult.InvalidString, writer.Value(PayloadText.Utf8(text)));
            Assert.AreEqual(TagoWriteResult.InvalidString, writer.EndItem());
            Assert.AreEqual(0, writer.Close());
        }

        [TestMethod]
        [DataRow("°C", "C")]
        [DataRow("°F", "F")]
        [DataRow("%", "%")]
        [DataRow("km/h", "km/h")]
        [DataRow("m s,2", "m s,2")]
        [DataRow("abcdefghijklmnopqrstuvwxy", "abcdefghijklmnopqrstuvwxy")]
        public void Units_are_ASCII_and_the_degree_sign_is_dropped(string unit, string expected)
        {
            Assert.AreEqual("[s:=1#" + expected + "]", One(w =>
            {
                w.Value(1, 0);
                Assert.AreEqual(TagoWriteResult.Ok, w.Unit(PayloadText.Utf8(unit)));
            }));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("°")]
        [DataRow("µg/m³")]
        [DataRow("a#b")]
        [DataRow("a;b")]
        [DataRow("a@b")]
        [DataRow("a[")]
        [DataRow("a]")]
        [DataRow("a\\")]
        [DataRow("a^")]
        [DataRow("a{")]
        [DataRow("a|")]
        [DataRow("a}")]
        [DataRow("abcdefghijklmnopqrstuvwxyz")]
        public void Units_TagoTiP_cannot_carry_are_refused(string unit)
        {
            Assert.AreEqual(TagoWriteResult.UnitTooLong, Value(w =>
            {
                w.Value(1, 0);
                return w.Unit(PayloadText.Utf8(unit));
            }));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("Temperature")]
        [DataRow("temp-1")]
        [DataRow("temp.1")]
        [DataRow("température")]
        [DataRow("a b")]
        public void Names_outside_lowercase_digits_and_underscore_are_refused(string name)
        {
            TagoTipWriter writer = Begun();
            Assert.AreEqual(TagoWriteResult.InvalidVariable, writer.BeginItem(PayloadText.Utf8(name)));
            Assert.AreEqual(TagoWriteResult.InvalidVariable, writer.EndItem());
        }

        [TestMethod]
        public void Names_may_have_100_bytes_but_not_101()
        {
            byte[] hundred = Repeat((byte)'a', 100);
            Assert.AreEqual(TagoWriteResult.Ok, Begun().BeginItem(hundred));
            Assert.AreEqual(TagoWriteResult.InvalidVariable, Begun().BeginItem(Repeat((byte)'a', 101)));
        }

        [TestMethod]
        [DataRow(0L, 0, "0")]
        [DataRow(-5L, 1, "-0.5")]
        [DataRow(123456L, 3, "123.456")]
        [DataRow(-9007199254740991L, 0, "-9007199254740991")]
        [DataRow(-1L, 6, "-0.000001")]
        [DataRow(1000000L, 6, "1.000000")]
        public void Scaled_numbers_are_exact(long scaled, int decimals, string expected)
        {
            Assert.AreEqual("[s:=" + expected + "]", One(w => w.Value(scaled, decimals)));
        }

        [TestMethod]
        public void Numbers_beyond_2_to_the_53_and_bad_decimals_are_refused()
        {
            Assert.AreEqual(TagoWriteResult.InvalidDecimals, Value(w => w.Value(1, 7)));
            Assert.AreEqual(TagoWriteResult.InvalidDecimals, Value(w => w.Value(1, -1)));
            Assert.AreEqual(TagoWriteResult.NumberTooLarge, Value(w => w.Value(9007199254740992L, 0)));
            Assert.AreEqual(TagoWriteResult.NumberTooLarge, Value(w => w.Value(long.MinValue, 0)));
        }

        [TestMethod]
        public void A_refused_variable_is_rolled_back_and_the_frame_stays_valid()
        {
            TagoTipWriter writer = Begun();
            writer.BeginItem(Name("a"));
            writer.Value(PayloadText.Utf8("ok"));
            writer.EndItem();

            writer.BeginItem(Name("b"));
            writer.Value(1, 0);
            Assert.AreEqual(TagoWriteResult.UnitTooLong, writer.Unit(null));
            Assert.AreEqual(TagoWriteResult.UnitTooLong, writer.TimeUnixMs(5));
            Assert.AreEqual(TagoWriteResult.UnitTooLong, writer.EndItem());

            Assert.AreEqual("[a=ok]", TagoTipGoldenFrameTests.Finish(writer));
            Assert.AreEqual(1, writer.ItemCount);
        }

        [TestMethod]
        public void Fields_out_of_order_twice_or_without_a_value_are_refused()
        {
            byte[] celsius = PayloadText.Utf8("C");
            Assert.AreEqual(TagoWriteResult.FieldOutOfOrder, Value(w => w.Unit(celsius)));
            Assert.AreEqual(TagoWriteResult.FieldOutOfOrder, Value(w =>
            {
                w.Value(1, 0);
                w.TimeUnixMs(1);
                return w.Unit(celsius);
            }));
            Assert.AreEqual(TagoWriteResult.FieldOutOfOrder, Value(w =>
            {
                w.Value(1, 0);
                return w.Value(PayloadText.Utf8("x"));
            }));

            TagoTipWriter writer = Begun();
            writer.BeginItem(Name("a"));
            Assert.AreEqual(TagoWriteResult.FieldOutOfOrder, writer.EndItem());
            Assert.AreEqual(TagoWriteResult.NoItemOpen, writer.Value(1, 0));
            Assert.AreEqual(TagoWriteResult.PayloadClosed, new TagoTipWriter(new byte[512], null, null).BeginItem(Name("a")));
        }

        [TestMethod]
        public void The_101st_variable_asks_for_a_new_frame_and_nothing_is_lost()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[16384], null, null);
            writer.Begin(1, -1, false);
            byte[] name = Name("v");
            for (int i = 0; i < TagoTipWriter.MaxVariables; i++)
            {
                writer.BeginItem(name);
                writer.Value(i, 0);
                Assert.AreEqual(TagoWriteResult.Ok, writer.EndItem());
            }

            Assert.AreEqual(TagoWriteResult.BufferFull, writer.BeginItem(name));
            Assert.IsTrue(writer.Close() > 0);
            writer.Begin(2, -1, false);
            writer.BeginItem(name);
            writer.Value(100, 0);
            Assert.AreEqual(TagoWriteResult.Ok, writer.EndItem());
            Assert.AreEqual("!2|[v:=100]", TagoTipGoldenFrameTests.Finish(writer));
        }

        [TestMethod]
        public void The_101st_queued_reading_asks_for_a_new_frame_rather_than_being_refused()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[16384], new byte[][] { Name("t") }, new byte[][] { PayloadText.Utf8("°C") });
            writer.Begin(1, -1, false);
            for (int i = 0; i < TagoTipWriter.MaxVariables; i++)
            {
                Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(0, i, 1, 1795617000000L));
            }

            Assert.AreEqual(TagoWriteResult.BufferFull, writer.Reading(0, 1, 1, 1795617000000L));
            Assert.AreEqual(TagoWriteResult.InvalidVariable, writer.Reading(1, 1, 1, 1795617000000L));
            Assert.AreEqual(1, writer.Cycles);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Begin(2, -1, false));
            Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(0, 5, 1, -1));
            Assert.AreEqual("!2|[t:=0.5#C]", TagoTipGoldenFrameTests.Finish(writer));
        }

        [TestMethod]
        public void A_variable_that_does_not_fit_the_bytes_is_refused_whole_and_the_frame_still_closes_within_the_buffer()
        {
            byte[] buffer = new byte[200];
            TagoTipWriter writer = new TagoTipWriter(buffer, null, null);
            writer.Begin(1, -1, false);
            byte[] text = Repeat((byte)'x', 40);
            int written = 0;
            TagoWriteResult r = TagoWriteResult.Ok;
            while (r == TagoWriteResult.Ok)
            {
                writer.BeginItem(Name("s"));
                writer.Value(text);
                r = writer.EndItem();
                written += r == TagoWriteResult.Ok ? 1 : 0;
            }

            Assert.AreEqual(TagoWriteResult.BufferFull, r);
            int length = writer.Close();
            Assert.IsTrue(length <= buffer.Length);
            Assert.AreEqual(written, writer.ItemCount);
            Assert.AreEqual((byte)']', buffer[length - 1]);
        }

        [TestMethod]
        public void A_frame_never_exceeds_16384_bytes_even_in_a_larger_buffer()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[20000], null, null);
            writer.Begin(4294967295L, -1, false);
            byte[] text = Repeat((byte)'|', 400);
            while (true)
            {
                writer.BeginItem(Name("s"));
                writer.Value(text);
                if (writer.EndItem() != TagoWriteResult.Ok)
                {
                    break;
                }
            }

            int length = writer.Close();
            Assert.IsTrue(length <= TagoTipWriter.MaxFrameBytes);
            Assert.IsTrue(length > TagoTipWriter.MaxFrameBytes - 900);
        }

        [TestMethod]
        public void A_time_without_a_group_is_refused_and_rolls_the_variable_back()
        {
            TagoTipWriter writer = Begun();
            writer.BeginItem(Name("t"));
            writer.Value(1, 0);
            Assert.AreEqual(TagoWriteResult.InvalidGroup, writer.GroupOfTime(-1));
            Assert.AreEqual(TagoWriteResult.InvalidGroup, writer.EndItem());
            Assert.AreEqual(0, writer.Close());
        }

        [TestMethod]
        public void A_frame_without_variables_finishes_empty_because_an_empty_list_is_invalid()
        {
            Assert.AreEqual(0, Begun().Close());
        }

        [TestMethod]
        public void Out_of_range_sequence_or_time_begins_no_frame()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[512], null, null);
            Assert.AreEqual(TagoWriteResult.InvalidTime, writer.Begin(4294967296L, -1, false));
            Assert.AreEqual(TagoWriteResult.InvalidTime, writer.Begin(-2, -1, false));
            Assert.AreEqual(TagoWriteResult.InvalidTime, writer.Begin(1, -5, false));
            Assert.AreEqual(TagoWriteResult.InvalidGroup, writer.Begin(1, -1, true));
            Assert.AreEqual(TagoWriteResult.InvalidGroup, writer.Begin(1, 0x1000000000000L, true));
            Assert.AreEqual(TagoWriteResult.PayloadClosed, writer.BeginItem(Name("a")));
        }

        private static TagoTipWriter Begun()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[512], null, null);
            writer.Begin(-1, -1, false);
            return writer;
        }

        private delegate void Fill(TagoTipWriter writer);

        private delegate TagoWriteResult Step(TagoTipWriter writer);

        private static string One(Fill fill)
        {
            TagoTipWriter writer = Begun();
            writer.BeginItem(Name("s"));
            fill(writer);
            Assert.AreEqual(TagoWriteResult.Ok, writer.EndItem());
            return TagoTipGoldenFrameTests.Finish(writer);
        }

        private static TagoWriteResult Value(Step step)
        {
            TagoTipWriter writer = Begun();
            writer.BeginItem(Name("s"));
            return step(writer);
        }

        private static byte[] Name(string name) => PayloadText.Utf8(name);

        private static byte[] Repeat(byte b, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = b;
            }

            return bytes;
        }
    }
}
