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
            Assert.AreEqual("[s=" + expected + "]", One(PayloadText.Utf8(text), null));
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
            Assert.AreEqual(TagoWriteResult.InvalidString, writer.Item(Name("s"), 0, PayloadText.Utf8(text), null, -1));
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
            Assert.AreEqual("[s:=1#" + expected + "]", One(null, PayloadText.Utf8(unit)));
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
            Assert.AreEqual(TagoWriteResult.UnitTooLong, Begun().Item(Name("s"), 1, null, PayloadText.Utf8(unit), -1));
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
            Assert.AreEqual(TagoWriteResult.InvalidVariable, Begun().Item(PayloadText.Utf8(name), 1, null, null, -1));
        }

        [TestMethod]
        public void Names_may_have_100_bytes_but_not_101()
        {
            byte[] hundred = Repeat((byte)'a', 100);
            Assert.AreEqual(TagoWriteResult.Ok, Begun().Item(hundred, 1, null, null, -1));
            Assert.AreEqual(TagoWriteResult.InvalidVariable, Begun().Item(Repeat((byte)'a', 101), 1, null, null, -1));
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
            TagoTipWriter writer = Table();
            Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(0, scaled, decimals, -1));
            Assert.AreEqual("[s:=" + expected + "]", TagoTipGoldenFrameTests.Finish(writer));
        }

        [TestMethod]
        public void Numbers_beyond_2_to_the_53_and_bad_decimals_are_refused()
        {
            Assert.AreEqual(TagoWriteResult.InvalidDecimals, Table().Reading(0, 1, 7, -1));
            Assert.AreEqual(TagoWriteResult.InvalidDecimals, Table().Reading(0, 1, -1, -1));
            Assert.AreEqual(TagoWriteResult.NumberTooLarge, Table().Reading(0, 9007199254740992L, 0, -1));
            Assert.AreEqual(TagoWriteResult.NumberTooLarge, Begun().Item(Name("s"), long.MinValue, null, null, -1));
        }

        [TestMethod]
        public void A_refused_variable_is_rolled_back_and_the_frame_stays_valid()
        {
            TagoTipWriter writer = Begun();
            writer.Item(Name("a"), 0, PayloadText.Utf8("ok"), null, -1);

            Assert.AreEqual(TagoWriteResult.UnitTooLong, writer.Item(Name("b"), 1, null, PayloadText.Utf8("a#b"), 5));

            Assert.AreEqual("[a=ok]", TagoTipGoldenFrameTests.Finish(writer));
            Assert.AreEqual(1, writer.ItemCount);
        }

        [TestMethod]
        public void The_101st_variable_asks_for_a_new_frame_and_nothing_is_lost()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[16384], null, null);
            writer.Begin(1, -1);
            byte[] name = Name("v");
            for (int i = 0; i < TagoTipWriter.MaxVariables; i++)
            {
                Assert.AreEqual(TagoWriteResult.Ok, writer.Item(name, i, null, null, -1));
            }

            Assert.AreEqual(TagoWriteResult.BufferFull, writer.Item(name, 100, null, null, -1));
            Assert.IsTrue(writer.Close() > 0);
            writer.Begin(2, -1);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Item(name, 100, null, null, -1));
            Assert.AreEqual("!2|[v:=100]", TagoTipGoldenFrameTests.Finish(writer));
        }

        [TestMethod]
        public void The_101st_queued_reading_asks_for_a_new_frame_rather_than_being_refused()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[16384], new byte[][] { Name("t") }, new byte[][] { PayloadText.Utf8("°C") });
            writer.Begin(1, -1);
            for (int i = 0; i < TagoTipWriter.MaxVariables; i++)
            {
                Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(0, i, 1, 1795617000000L));
            }

            Assert.AreEqual(TagoWriteResult.BufferFull, writer.Reading(0, 1, 1, 1795617000000L));
            Assert.AreEqual(TagoWriteResult.InvalidVariable, writer.Reading(1, 1, 1, 1795617000000L));
            Assert.AreEqual(1, writer.Cycles);
            writer.Begin(2, -1);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(0, 5, 1, -1));
            Assert.AreEqual("!2|[t:=0.5#C]", TagoTipGoldenFrameTests.Finish(writer));
        }

        [TestMethod]
        public void A_variable_that_does_not_fit_the_bytes_is_refused_whole_and_the_frame_still_closes_within_the_buffer()
        {
            byte[] buffer = new byte[200];
            TagoTipWriter writer = new TagoTipWriter(buffer, null, null);
            writer.Begin(1, -1);
            byte[] text = Repeat((byte)'x', 40);
            int written = 0;
            TagoWriteResult r = TagoWriteResult.Ok;
            while (r == TagoWriteResult.Ok)
            {
                r = writer.Item(Name("s"), 0, text, null, -1);
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
            writer.Begin(4294967295L, -1);
            byte[] text = Repeat((byte)'|', 400);
            while (true)
            {
                if (writer.Item(Name("s"), 0, text, null, -1) != TagoWriteResult.Ok)
                {
                    break;
                }
            }

            int length = writer.Close();
            Assert.IsTrue(length <= TagoTipWriter.MaxFrameBytes);
            Assert.IsTrue(length > TagoTipWriter.MaxFrameBytes - 900);
        }

        [TestMethod]
        public void A_frame_without_variables_finishes_empty_because_an_empty_list_is_invalid()
        {
            Assert.AreEqual(0, Begun().Close());
        }

        private static TagoTipWriter Begun()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[512], null, null);
            writer.Begin(-1, -1);
            return writer;
        }

        // A begun frame whose variable 0 is "s" without a unit.
        private static TagoTipWriter Table()
        {
            TagoTipWriter writer = new TagoTipWriter(new byte[512], new byte[][] { Name("s") }, new byte[][] { null });
            writer.Begin(-1, -1);
            return writer;
        }

        private static string One(byte[] text, byte[] unit)
        {
            TagoTipWriter writer = Begun();
            Assert.AreEqual(TagoWriteResult.Ok, writer.Item(Name("s"), 1, text, unit, -1));
            return TagoTipGoldenFrameTests.Finish(writer);
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
