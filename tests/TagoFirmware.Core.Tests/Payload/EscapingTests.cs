using nanoFramework.TestFramework;
using TagoFirmware.Payload;

namespace TagoFirmware.Tests.Payload
{
    /// <summary>String escaping per RFC 8259 §7 and UTF-8 validity per RFC 3629.</summary>
    [TestClass]
    public class EscapingTests
    {
        private const string Prefix = "[{\"variable\":\"v\",\"value\":\"";
        private const string Suffix = "\"}]";

        [TestMethod]
        [DataRow("plain", "plain")]
        [DataRow("say \"hi\"", "say \\\"hi\\\"")]
        [DataRow("C:\\dir", "C:\\\\dir")]
        [DataRow("a\nb", "a\\nb")]
        [DataRow("\t\r\b\f", "\\t\\r\\b\\f")]
        [DataRow("\u0001\u001f", "\\u0001\\u001f")]
        [DataRow("\u007f", "\u007f")]
        [DataRow("/", "/")]
        [DataRow("°C é ü", "°C é ü")]
        [DataRow("\u2028\u20ac", "\u2028\u20ac")]
        [DataRow("\ud83d\ude00", "\ud83d\ude00")]
        [DataRow("", "")]
        public void Quotes_backslashes_and_controls_are_escaped_and_everything_else_is_raw_UTF8(string text, string expected)
        {
            // From bytes and through the UTF-16 encoder: both must agree.
            TagoJsonWriter writer = new TagoJsonWriter(new byte[256], null, null);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Item(PayloadText.Utf8("v"), 0, PayloadText.Utf8(text), null, -1));
            Assert.AreEqual(Prefix + expected + Suffix, PayloadText.Closed(writer));

            writer.Reset();
            Assert.AreEqual(TagoWriteResult.Ok, writer.Item(PayloadText.Utf8("v"), 0, TagoUtf8.GetBytes(text), null, -1));
            Assert.AreEqual(Prefix + expected + Suffix, PayloadText.Closed(writer));
        }

        [TestMethod]
        public void A_surrogate_pair_becomes_one_four_byte_UTF8_sequence()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[64], null, null);
            writer.Item(PayloadText.Utf8("v"), 0, TagoUtf8.GetBytes("\ud83d\ude00"), null, -1);
            int length = writer.Close();

            // U+1F600 = F0 9F 98 80 (RFC 3629 §3).
            byte[] expected = PayloadText.Utf8(Prefix + "????" + Suffix);
            int at = Prefix.Length;
            expected[at] = 0xF0;
            expected[at + 1] = 0x9F;
            expected[at + 2] = 0x98;
            expected[at + 3] = 0x80;
            CollectionAssert.AreEqual(expected, PayloadText.Snapshot(writer.Buffer, length));
        }

        [TestMethod]
        [DataRow("D83D")]
        [DataRow("DE00")]
        [DataRow("0061 D83D 0062")]
        [DataRow("DE00 D83D")]
        [DataRow("0065 006E 0064 DBFF")]
        public void Lone_surrogates_never_reach_the_payload(string codes)
        {
            // Built from code units at run time: attribute strings are stored as UTF-8, which cannot hold a lone
            // surrogate. Where strings are UTF-16 (desktop .NET) the string keeps it and the encoder refuses it; on
            // nanoFramework strings are UTF-8, so building the string already replaced it with U+FFFD, which is
            // well-formed and written as it is. Either way no ill-formed UTF-8 reaches the payload.
            string text = PayloadText.FromCodeUnits(codes);
            byte[] utf8 = TagoUtf8.GetBytes(text);
            if (PayloadText.StringsHoldLoneSurrogates)
            {
                Assert.IsNull(utf8);
            }
            else
            {
                Assert.IsTrue(text.IndexOf('\ufffd') >= 0, "the platform replaced the lone surrogate");
                TagoJsonWriter writer = new TagoJsonWriter(new byte[64], null, null);
                Assert.AreEqual(TagoWriteResult.Ok, writer.Item(PayloadText.Utf8("v"), 0, utf8, null, -1));
                Assert.AreEqual(Prefix + text + Suffix, PayloadText.Closed(writer));
            }
        }

        [TestMethod]
        [DataRow("00", "\\u0000")]
        [DataRow("61 00 62", "a\\u0000b")]
        [DataRow("00 1F 7F", "\\u0000\\u001f\u007f")]
        public void A_NUL_byte_is_escaped_as_u0000(string hex, string expected)
        {
            // From bytes: the device's strings are NUL-terminated, so a "\u0000" literal would arrive empty there;
            // pre-encoded bytes (from a file or the network) can carry a NUL.
            byte[] bytes = PayloadText.Hex(hex);
            TagoJsonWriter writer = new TagoJsonWriter(new byte[64], null, null);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Item(PayloadText.Utf8("v"), 0, bytes, null, -1));
            Assert.AreEqual(Prefix + expected + Suffix, PayloadText.Closed(writer));

            // The UTF-16 encoder agrees where a string can hold U+0000 (desktop .NET); a device string built from
            // these characters ends at the NUL, so there is nothing more to check there.
            string text = PayloadText.Decode(bytes, bytes.Length);
            if (text.Length == bytes.Length)
            {
                CollectionAssert.AreEqual(bytes, TagoUtf8.GetBytes(text));
            }
        }

        [TestMethod]
        [DataRow("C0 80")]
        [DataRow("C1 BF")]
        [DataRow("E0 80 80")]
        [DataRow("ED A0 80")]
        [DataRow("ED BF BF")]
        [DataRow("F0 80 80 80")]
        [DataRow("F4 90 80 80")]
        [DataRow("F5 80 80 80")]
        [DataRow("E2 82")]
        [DataRow("41 C3")]
        [DataRow("80")]
        [DataRow("C3 41")]
        [DataRow("FF")]
        public void Malformed_UTF8_and_encoded_surrogates_are_refused(string hex)
        {
            byte[] text = PayloadText.Hex(hex);
            TagoJsonWriter writer = new TagoJsonWriter(new byte[64], null, null);
            Assert.AreEqual(TagoWriteResult.InvalidString, writer.Item(PayloadText.Utf8("v"), 0, text, null, -1));
            Assert.AreEqual("[]", PayloadText.Closed(writer));
        }

        [TestMethod]
        [DataRow("C2 80")]
        [DataRow("ED 9F BF")]
        [DataRow("EE 80 80")]
        [DataRow("F0 90 80 80")]
        [DataRow("F4 8F BF BF")]
        public void Well_formed_UTF8_at_the_range_edges_is_copied_raw(string hex)
        {
            byte[] text = PayloadText.Hex(hex);
            TagoJsonWriter writer = new TagoJsonWriter(new byte[64], null, null);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Item(PayloadText.Utf8("v"), 0, text, null, -1));
            int length = writer.Close();

            byte[] written = PayloadText.Snapshot(writer.Buffer, length);
            for (int i = 0; i < text.Length; i++)
            {
                Assert.AreEqual(text[i], written[Prefix.Length + i]);
            }

            Assert.AreEqual((byte)'"', written[Prefix.Length + text.Length]);
        }

        [TestMethod]
        public void A_table_unit_is_escaped_once_and_later_changes_to_its_source_do_not_reach()
        {
            byte[] source = PayloadText.Utf8("a\"b");
            TagoJsonWriter writer = new TagoJsonWriter(new byte[64], new byte[][] { PayloadText.Utf8("v") }, new byte[][] { source });
            source[1] = (byte)'\n';

            Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(0, 1L, 0, -1));

            Assert.AreEqual("[{\"variable\":\"v\",\"value\":1,\"unit\":\"a\\\"b\"}]", PayloadText.Closed(writer));
        }

        [TestMethod]
        public void Units_are_escaped_too()
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[256], null, null);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Item(PayloadText.Utf8("v"), 1, null, PayloadText.Utf8("\"u\\\n"), -1));

            Assert.AreEqual("[{\"variable\":\"v\",\"value\":1,\"unit\":\"\\\"u\\\\\\n\"}]", PayloadText.Closed(writer));
        }

        [TestMethod]
        public void Utf8_encoding_of_configuration_strings_matches_RFC_3629()
        {
            CollectionAssert.AreEqual(new byte[] { 0xC2, 0xB0, 0x43 }, TagoUtf8.GetBytes("°C"));
            CollectionAssert.AreEqual(new byte[] { 0xE2, 0x82, 0xAC }, TagoUtf8.GetBytes("\u20ac"));
            CollectionAssert.AreEqual(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, TagoUtf8.GetBytes("\ud83d\ude00"));
            CollectionAssert.AreEqual(new byte[0], TagoUtf8.GetBytes(string.Empty));
            Assert.IsNull(TagoUtf8.GetBytes(null));
        }
    }
}
