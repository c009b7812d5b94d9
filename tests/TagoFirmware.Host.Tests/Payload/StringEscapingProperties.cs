using System;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Payload;

namespace TagoFirmware.Host.Tests.Payload
{
    /// <summary>
    /// Random strings over all of Unicode (controls, quotes, backslashes, BMP, surrogate pairs, lone surrogates):
    /// the output is exactly the RFC 8259 escaping of the text, System.Text.Json parses it back to the same string,
    /// and malformed input is refused.
    /// </summary>
    [TestClass]
    public sealed class StringEscapingProperties
    {
        private const string Prefix = "[{\"variable\":\"v\",\"value\":\"";
        private static readonly byte[] s_name = Encoding.UTF8.GetBytes("v");
        private static readonly UTF8Encoding s_strictUtf8 = new UTF8Encoding(false, true);

        /// <summary>Chars weighted towards the interesting ones; surrogates come alone as well as in pairs.</summary>
        private static readonly Gen<string> s_text = Gen.Frequency(
                (4, Gen.Char[(char)0, (char)0x7F]),
                (2, Gen.Char["\"\\\b\f\n\r\t\u0000\u001f\u007f/"]),
                (3, Gen.Char[(char)0x80, (char)0xFFFF]),
                (1, Gen.Char[(char)0xD800, (char)0xDFFF]))
            .Array[0, 40]
            .Select(chars => new string(chars))
            .Select(Gen.Int[0, 3], (text, pairs) =>
            {
                // Insert some well-formed supplementary characters (all planes 1–16) too.
                StringBuilder builder = new StringBuilder(text);
                Random random = new Random(text.Length + pairs);
                for (int i = 0; i < pairs; i++)
                {
                    builder.Insert(random.Next(builder.Length + 1), char.ConvertFromUtf32(random.Next(0x10000, 0x110000)));
                }

                return builder.ToString();
            });

        [TestMethod]
        public void Random_strings_are_escaped_exactly_and_parse_back_equal()
        {
            s_text.Sample(text =>
            {
                byte[] buffer = new byte[1024];
                TagoJsonWriter writer = new TagoJsonWriter(buffer, null, null);
                if (Oracle.HasLoneSurrogate(text))
                {
                    Assert.IsNull(TagoUtf8.GetBytes(text));
                    return;
                }

                Assert.AreEqual(TagoWriteResult.Ok, writer.Item(s_name, 0, TagoUtf8.GetBytes(text), null, -1));
                int length = writer.Close();
                string json = s_strictUtf8.GetString(buffer, 0, length);
                Assert.AreEqual(Prefix + Oracle.Escaped(text) + "\"}]", json);
                using JsonDocument document = JsonDocument.Parse(buffer.AsMemory(0, length));
                Assert.AreEqual(text, document.RootElement[0].GetProperty("value").GetString());

                // The pre-encoded path writes the very same bytes.
                byte[] viaString = buffer.AsSpan(0, length).ToArray();
                writer.Reset();
                Assert.AreEqual(TagoWriteResult.Ok, writer.Item(s_name, 0, Encoding.UTF8.GetBytes(text), null, -1));
                CollectionAssert.AreEqual(viaString, buffer.AsSpan(0, writer.Close()).ToArray());
                CollectionAssert.AreEqual(Encoding.UTF8.GetBytes(text), TagoUtf8.GetBytes(text));
            }, iter: 20_000);
        }

        [TestMethod]
        public void Random_bytes_are_accepted_exactly_when_they_are_well_formed_UTF8()
        {
            Gen.Byte.Array[0, 12].Sample(bytes =>
            {
                bool wellFormed;
                try
                {
                    s_strictUtf8.GetString(bytes);
                    wellFormed = true;
                }
                catch (DecoderFallbackException)
                {
                    wellFormed = false;
                }

                byte[] buffer = new byte[256];
                TagoJsonWriter writer = new TagoJsonWriter(buffer, null, null);
                TagoWriteResult result = writer.Item(s_name, 0, bytes, null, -1);
                Assert.AreEqual(wellFormed ? TagoWriteResult.Ok : TagoWriteResult.InvalidString, result, Convert.ToHexString(bytes));
                if (wellFormed)
                {
                    int length = writer.Close();
                    using JsonDocument document = JsonDocument.Parse(buffer.AsMemory(0, length));
                    Assert.AreEqual(s_strictUtf8.GetString(bytes), document.RootElement[0].GetProperty("value").GetString());
                }
            }, iter: 60_000);
        }
    }
}
