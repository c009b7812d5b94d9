using nanoFramework.TestFramework;
using TagoFirmware.Json;
using TagoFirmware.Tests.Payload;

namespace TagoFirmware.Tests.Json
{
    /// <summary>Grammar, error reporting and value access of <see cref="JsonReader"/>.</summary>
    [TestClass]
    public class JsonReaderTests
    {
        private static JsonReader Reader(string json)
        {
            byte[] bytes = TestUtf8.Bytes(json);
            return new JsonReader(bytes, 0, bytes.Length, 64);
        }

        /// <summary>One letter per token, so a whole document's token stream fits a DataRow.</summary>
        private static string Tokens(JsonReader reader)
        {
            string s = string.Empty;
            while (reader.Read())
            {
                switch (reader.Token)
                {
                    case JsonToken.StartObject: s += "{"; break;
                    case JsonToken.EndObject: s += "}"; break;
                    case JsonToken.StartArray: s += "["; break;
                    case JsonToken.EndArray: s += "]"; break;
                    case JsonToken.PropertyName: s += "P"; break;
                    case JsonToken.String: s += "S"; break;
                    case JsonToken.Number: s += "N"; break;
                    case JsonToken.True: s += "T"; break;
                    case JsonToken.False: s += "F"; break;
                    case JsonToken.Null: s += "0"; break;
                    default: s += "?"; break;
                }
            }

            return s;
        }

        /// <summary>Reads to the end and returns the first string or property name token's decoded text.</summary>
        private static JsonReader FirstString(string json)
        {
            JsonReader r = Reader(json);
            while (r.Read())
            {
                if (r.Token == JsonToken.String || r.Token == JsonToken.PropertyName)
                {
                    return r;
                }
            }

            return r;
        }

        private static JsonReader FirstNumber(string json)
        {
            JsonReader r = Reader(json);
            while (r.Read())
            {
                if (r.Token == JsonToken.Number)
                {
                    return r;
                }
            }

            return r;
        }

        [TestMethod]
        [DataRow("{}", "{}")]
        [DataRow("[]", "[]")]
        [DataRow(" \t\r\n[ 1 , \"a\" , true , false , null ] \n", "[NSTF0]")]
        [DataRow("{\"a\":1,\"b\":[{},[]],\"c\":{\"d\":null}}", "{PNP[{}[]]P{P0}}")]
        [DataRow("0", "N")]
        [DataRow("-0.5e+10", "N")]
        [DataRow("\"x\"", "S")]
        [DataRow("true", "T")]
        [DataRow("null", "0")]
        [DataRow("[[[[1]]]]", "[[[[N]]]]")]
        [DataRow("{\"\":\"\"}", "{PS}")]
        public void Valid_documents_produce_their_token_stream_and_complete(string json, string expected)
        {
            JsonReader r = Reader(json);
            Assert.AreEqual(expected, Tokens(r));
            Assert.AreEqual((int)JsonError.None, (int)r.Error);
            Assert.IsTrue(r.Error == JsonError.None);
            Assert.AreEqual(-1, r.ErrorOffset);
        }

        [TestMethod]
        [DataRow("", (int)JsonError.UnexpectedEnd, 0)]
        [DataRow("   ", (int)JsonError.UnexpectedEnd, 3)]
        [DataRow("{", (int)JsonError.UnexpectedEnd, 1)]
        [DataRow("[1,", (int)JsonError.UnexpectedEnd, 3)]
        [DataRow("{\"a\"", (int)JsonError.UnexpectedEnd, 4)]
        [DataRow("{\"a\":", (int)JsonError.UnexpectedEnd, 5)]
        [DataRow("\"abc", (int)JsonError.UnexpectedEnd, 4)]
        [DataRow("1 2", (int)JsonError.TrailingData, 2)]
        [DataRow("{} {}", (int)JsonError.TrailingData, 3)]
        [DataRow("[1]x", (int)JsonError.TrailingData, 3)]
        [DataRow("truex", (int)JsonError.TrailingData, 4)]
        [DataRow("[1,]", (int)JsonError.TrailingComma, 3)]
        [DataRow("{\"a\":1,}", (int)JsonError.TrailingComma, 7)]
        [DataRow("[1 2]", (int)JsonError.ExpectedCommaOrEnd, 3)]
        [DataRow("{\"a\" 1}", (int)JsonError.ExpectedColon, 5)]
        [DataRow("{a:1}", (int)JsonError.ExpectedPropertyName, 1)]
        [DataRow("{1:1}", (int)JsonError.ExpectedPropertyName, 1)]
        [DataRow("[}", (int)JsonError.MismatchedBracket, 1)]
        [DataRow("{\"a\":1]", (int)JsonError.MismatchedBracket, 6)]
        [DataRow("]", (int)JsonError.UnexpectedCharacter, 0)]
        [DataRow("'a'", (int)JsonError.UnexpectedCharacter, 0)]
        [DataRow("tru", (int)JsonError.UnexpectedEnd, 3)]
        [DataRow("nul1", (int)JsonError.InvalidLiteral, 3)]
        [DataRow("True", (int)JsonError.UnexpectedCharacter, 0)]
        [DataRow("01", (int)JsonError.LeadingZero, 0)]
        [DataRow("-012", (int)JsonError.LeadingZero, 1)]
        [DataRow("+1", (int)JsonError.UnexpectedCharacter, 0)]
        [DataRow(".5", (int)JsonError.UnexpectedCharacter, 0)]
        [DataRow("1.", (int)JsonError.UnexpectedEnd, 2)]
        [DataRow("1.e5", (int)JsonError.InvalidNumber, 2)]
        [DataRow("1e", (int)JsonError.UnexpectedEnd, 2)]
        [DataRow("1e+", (int)JsonError.UnexpectedEnd, 3)]
        [DataRow("1ea", (int)JsonError.InvalidNumber, 2)]
        [DataRow("-", (int)JsonError.UnexpectedEnd, 1)]
        [DataRow("-a", (int)JsonError.InvalidNumber, 1)]
        [DataRow("[1x]", (int)JsonError.InvalidNumber, 2)]
        [DataRow("1.5.2", (int)JsonError.InvalidNumber, 3)]
        [DataRow("NaN", (int)JsonError.UnexpectedCharacter, 0)]
        [DataRow("\"a\\x\"", (int)JsonError.InvalidEscape, 2)]
        [DataRow("\"\\u12\"", (int)JsonError.InvalidEscape, 1)]
        [DataRow("\"\\u12G4\"", (int)JsonError.InvalidEscape, 1)]
        [DataRow("\"\\'\"", (int)JsonError.InvalidEscape, 1)]
        [DataRow("\"\\uD800\"", (int)JsonError.InvalidSurrogate, 1)]
        [DataRow("\"\\uDC00\"", (int)JsonError.InvalidSurrogate, 1)]
        [DataRow("\"\\uD800\\u0041\"", (int)JsonError.InvalidSurrogate, 1)]
        [DataRow("\"\\uD800\\n\"", (int)JsonError.InvalidSurrogate, 1)]
        [DataRow("\"a\tb\"", (int)JsonError.ControlCharacterInString, 2)]
        [DataRow("\"a\nb\"", (int)JsonError.ControlCharacterInString, 2)]
        [DataRow("/* c */ 1", (int)JsonError.UnexpectedCharacter, 0)]
        public void Malformed_documents_report_the_error_and_its_offset(string json, int error, int offset)
        {
            JsonReader r = Reader(json);
            Tokens(r);
            Assert.AreEqual(error, (int)r.Error);
            Assert.AreEqual(offset, r.ErrorOffset);
            Assert.AreEqual((int)JsonToken.None, (int)r.Token);
        }

        [TestMethod]
        [DataRow("22 80 22", 1)] // lone continuation byte
        [DataRow("22 C0 80 22", 1)] // overlong NUL
        [DataRow("22 C1 BF 22", 1)] // overlong
        [DataRow("22 E0 80 80 22", 1)] // overlong 3-byte
        [DataRow("22 ED A0 80 22", 1)] // UTF-8-encoded surrogate U+D800
        [DataRow("22 F0 80 80 80 22", 1)] // overlong 4-byte
        [DataRow("22 F4 90 80 80 22", 1)] // above U+10FFFF
        [DataRow("22 F5 80 80 80 22", 1)] // F5 is never valid
        [DataRow("22 C3 22", 1)] // truncated 2-byte sequence before the quote
        [DataRow("EF BB BF 31", 0)] // a byte-order mark is not JSON
        public void Ill_formed_utf8_is_rejected(string hex, int offset)
        {
            // Hex text, not byte[] rows: the nanoCLR cannot read array arguments of attributes.
            byte[] doc = PayloadText.Hex(hex);
            JsonReader r = new JsonReader(doc, 0, doc.Length, 64);
            while (r.Read())
            {
            }

            Assert.IsTrue(r.Error == JsonError.InvalidUtf8 || r.Error == JsonError.UnexpectedCharacter);
            Assert.AreEqual(offset, r.ErrorOffset);
        }

        [TestMethod]
        public void A_raw_NUL_byte_inside_a_string_is_a_control_character()
        {
            // Built from bytes: a file or the network can carry a NUL, but a string literal cannot on the device,
            // whose strings are NUL-terminated ("\"\u0000\"" would arrive as a lone quote).
            byte[] doc = PayloadText.Hex("22 00 22");
            JsonReader r = new JsonReader(doc, 0, doc.Length, 64);
            Assert.IsFalse(r.Read());
            Assert.AreEqual((int)JsonError.ControlCharacterInString, (int)r.Error);
            Assert.AreEqual(1, r.ErrorOffset);
        }

        [TestMethod]
        public void An_escaped_NUL_is_unescaped_to_the_byte_zero()
        {
            // Compared as bytes: on the device a string cannot hold U+0000 (it ends the string), so GetString's
            // text would stop there; the unescaped bytes are what the device can really see.
            JsonReader r = FirstString("\"a\\u0000b\"");
            Assert.IsTrue(r.ValueEquals(PayloadText.Hex("61 00 62")));
            Assert.IsFalse(r.ValueEquals(PayloadText.Hex("61 62")));
        }

        [TestMethod]
        public void Well_formed_multibyte_utf8_is_accepted_and_decoded()
        {
            // "é€😀" as raw UTF-8: 2-, 3- and 4-byte sequences.
            byte[] doc = new byte[] { 0x22, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0x22 };
            JsonReader r = new JsonReader(doc, 0, doc.Length, 64);
            Assert.IsTrue(r.Read());
            Assert.AreEqual("\u00E9\u20AC\uD83D\uDE00", r.GetString());
            Assert.IsFalse(r.Read());
            Assert.IsTrue(r.Error == JsonError.None);
        }

        [TestMethod]
        [DataRow("\"plain\"", "plain")]
        [DataRow("\"\"", "")]
        [DataRow("\"a\\\"b\\\\c\\/d\"", "a\"b\\c/d")]
        [DataRow("\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t")]
        [DataRow("\"\\u0041\\u00e9\\u20AC\"", "A\u00E9\u20AC")]
        [DataRow("\"\\uD83D\\uDE00\"", "\uD83D\uDE00")]
        [DataRow("{\"n\\u0061me\":1}", "name")]
        public void GetString_unescapes_the_value(string json, string expected)
        {
            JsonReader r = FirstString(json);
            Assert.AreEqual(expected, r.GetString());
        }

        [TestMethod]
        public void GetString_is_null_for_non_string_tokens()
        {
            JsonReader r = Reader("[1]");
            Assert.IsTrue(r.Read());
            Assert.IsNull(r.GetString());
            Assert.IsTrue(r.Read());
            Assert.IsNull(r.GetString());
        }

        [TestMethod]
        [DataRow("{\"qos\":1}", "qos", true)]
        [DataRow("{\"qos\":1}", "qo", false)]
        [DataRow("{\"qos\":1}", "qoss", false)]
        [DataRow("{\"q\\u006fs\":1}", "qos", true)]
        [DataRow("{\"q\\u006fs\":1}", "qot", false)]
        [DataRow("\"\\u00e9\"", "\u00E9", true)]
        [DataRow("\"\\u20ac\"", "\u20AC", true)]
        [DataRow("\"\\uD83D\\uDE00\"", "\uD83D\uDE00", true)]
        [DataRow("\"\\uD83D\\uDE00\"", "\uD83D\uDE01", false)]
        [DataRow("\"a\\nb\"", "a\nb", true)]
        [DataRow("\"a\\nb\"", "a\nbc", false)]
        [DataRow("\"\"", "", true)]
        public void ValueEquals_compares_the_unescaped_text(string json, string expected, bool equal)
        {
            JsonReader r = FirstString(json);
            Assert.AreEqual(equal, r.ValueEquals(TestUtf8.Bytes(expected)));
        }

        [TestMethod]
        public void ValueEquals_is_false_for_numbers_and_null_arguments()
        {
            JsonReader r = Reader("1");
            Assert.IsTrue(r.Read());
            Assert.IsFalse(r.ValueEquals(TestUtf8.Bytes("1")));
            JsonReader s = Reader("\"a\"");
            Assert.IsTrue(s.Read());
            Assert.IsFalse(s.ValueEquals(null));
        }

        [TestMethod]
        [DataRow("0", 0L)]
        [DataRow("-0", 0L)]
        [DataRow("42", 42L)]
        [DataRow("-17", -17L)]
        [DataRow("9223372036854775807", 9223372036854775807L)]
        [DataRow("-9223372036854775808", -9223372036854775807L - 1)]
        public void TryGetInt64_reads_integers_in_range(string json, long expected)
        {
            long v;
            Assert.IsTrue(FirstNumber(json).TryGetInt64(out v));
            Assert.AreEqual(expected, v);
        }

        [TestMethod]
        [DataRow("9223372036854775808")]
        [DataRow("-9223372036854775809")]
        [DataRow("99999999999999999999")]
        [DataRow("1.0")]
        [DataRow("1e2")]
        [DataRow("\"1\"")]
        [DataRow("true")]
        public void TryGetInt64_refuses_fractions_exponents_overflow_and_non_numbers(string json)
        {
            JsonReader r = Reader(json);
            Assert.IsTrue(r.Read());
            long v;
            Assert.IsFalse(r.TryGetInt64(out v));
            Assert.AreEqual(0L, v);
        }

        [TestMethod]
        [DataRow("0", 0)]
        [DataRow("1.5", 15)]
        [DataRow("-0.25", -3)]
        [DataRow("0.24999", 2)]
        [DataRow("1.04", 10)]
        [DataRow("21.7", 217)]
        [DataRow("-40.0", -400)]
        [DataRow("-10", -100)]
        [DataRow("123456789012", 1000000)]
        [DataRow("-123456789012.5", -1000000)]
        public void TryGetTenths_rounds_half_away_from_zero_on_the_decimal_digits(string json, int expected)
        {
            int v;
            Assert.IsTrue(FirstNumber(json).TryGetTenths(out v));
            Assert.AreEqual(expected, v);
        }

        [TestMethod]
        [DataRow("1e3")]
        [DataRow("2.5E-1")]
        [DataRow("\"1\"")]
        public void TryGetTenths_refuses_exponents_and_non_numbers(string json)
        {
            JsonReader r = Reader(json);
            Assert.IsTrue(r.Read());
            int v;
            Assert.IsFalse(r.TryGetTenths(out v));
            Assert.AreEqual(0, v);
        }

        [TestMethod]
        public void Skip_on_a_property_name_skips_its_nested_value()
        {
            JsonReader r = Reader("{\"a\":{\"b\":[1,{\"c\":2}]},\"d\":3}");
            Assert.IsTrue(r.Read()); // {
            Assert.IsTrue(r.Read()); // "a"
            r.Skip();
            Assert.AreEqual((int)JsonToken.EndObject, (int)r.Token);
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.ValueEquals(TestUtf8.Bytes("d")));
            Assert.IsTrue(r.Read());
            long v;
            Assert.IsTrue(r.TryGetInt64(out v));
            Assert.AreEqual(3L, v);
        }

        [TestMethod]
        public void Skip_on_a_start_array_ends_on_its_end_array()
        {
            JsonReader r = Reader("[[1,[2]],3]");
            Assert.IsTrue(r.Read()); // [
            Assert.IsTrue(r.Read()); // [
            r.Skip();
            Assert.AreEqual((int)JsonToken.EndArray, (int)r.Token);
            Assert.IsTrue(r.Read());
            Assert.AreEqual((int)JsonToken.Number, (int)r.Token);
            Assert.AreEqual(9, r.TokenOffset);
        }

        [TestMethod]
        public void Skip_on_a_scalar_does_nothing()
        {
            JsonReader r = Reader("[1,2]");
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.Read());
            r.Skip();
            Assert.AreEqual((int)JsonToken.Number, (int)r.Token);
            Assert.AreEqual(1, r.TokenOffset);
        }

        [TestMethod]
        public void Skip_stops_with_the_error_on_malformed_nested_input()
        {
            JsonReader r = Reader("[[1,}]");
            Assert.IsTrue(r.Read());
            r.Skip();
            Assert.AreEqual((int)JsonError.TrailingComma, (int)r.Error);
        }

        [TestMethod]
        [DataRow("[[1]]", 2, true)]
        [DataRow("[[[1]]]", 2, false)]
        [DataRow("{\"a\":{\"b\":{}}}", 3, true)]
        [DataRow("{\"a\":{\"b\":{}}}", 2, false)]
        public void Nesting_deeper_than_the_maximum_depth_is_an_error(string json, int maxDepth, bool ok)
        {
            byte[] bytes = TestUtf8.Bytes(json);
            JsonReader r = new JsonReader(bytes, 0, bytes.Length, maxDepth);
            Tokens(r);
            Assert.AreEqual(ok, (r.Error == JsonError.None));
            Assert.AreEqual(ok ? (int)JsonError.None : (int)JsonError.DepthExceeded, (int)r.Error);
        }

        [TestMethod]
        public void Default_depth_allows_64_levels_and_refuses_65()
        {
            string ok = string.Empty;
            for (int i = 0; i < 64; i++)
            {
                ok = "[" + ok + "]";
            }

            JsonReader r = Reader(ok);
            Tokens(r);
            Assert.IsTrue(r.Error == JsonError.None);
            JsonReader deep = Reader("[" + ok + "]");
            Tokens(deep);
            Assert.AreEqual((int)JsonError.DepthExceeded, (int)deep.Error);
            Assert.AreEqual(64, deep.ErrorOffset);
        }

        [TestMethod]
        public void Reader_reads_only_the_given_slice_and_reports_offsets_relative_to_it()
        {
            byte[] bytes = TestUtf8.Bytes("xx[1,\"ab\"]yy");
            JsonReader r = new JsonReader(bytes, 2, 8, 64);
            Assert.AreEqual("[NS]", Tokens(r));
            Assert.IsTrue(r.Error == JsonError.None);

            JsonReader bad = new JsonReader(bytes, 2, 9, 64);
            Tokens(bad);
            Assert.AreEqual((int)JsonError.TrailingData, (int)bad.Error);
            Assert.AreEqual(8, bad.ErrorOffset);
        }

        [TestMethod]
        public void Token_offset_and_length_locate_the_raw_value()
        {
            JsonReader r = Reader("{ \"key\" : -12.5e1 }");
            Assert.IsTrue(r.Read());
            Assert.IsTrue(r.Read());
            Assert.AreEqual(3, r.TokenOffset);
            Assert.AreEqual(3, r.TokenLength);
            Assert.IsTrue(r.Read());
            Assert.AreEqual(10, r.TokenOffset);
            Assert.AreEqual(7, r.TokenLength);
        }

        [TestMethod]
        public void Read_keeps_returning_false_after_the_end()
        {
            JsonReader r = Reader("1");
            Assert.IsTrue(r.Read());
            Assert.IsFalse(r.Read());
            Assert.IsFalse(r.Read());
            Assert.IsTrue(r.Error == JsonError.None);
            Assert.AreEqual((int)JsonToken.None, (int)r.Token);
        }
    }
}
