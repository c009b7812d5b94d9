using nanoFramework.TestFramework;
using TagoFirmware.Payload;

namespace TagoFirmware.Tests.Payload
{
    /// <summary>Number digits: a scaled integer (the reading queue's exact form) as a plain decimal, never an exponent.</summary>
    [TestClass]
    public class NumberFormatTests
    {
        private const string Prefix = "[{\"variable\":\"v\",\"value\":";
        private const string Suffix = "}]";

        [TestMethod]
        [DataRow(235L, 1, "23.5")]
        [DataRow(-235L, 1, "-23.5")]
        [DataRow(65L, 0, "65")]
        [DataRow(65200000L, 6, "65.200000")]
        [DataRow(0L, 0, "0")]
        [DataRow(0L, 3, "0.000")]
        [DataRow(-40250L, 3, "-40.250")]
        [DataRow(-5L, 1, "-0.5")]
        [DataRow(-1L, 6, "-0.000001")]
        [DataRow(1000000000000000L, 1, "100000000000000.0")]
        [DataRow(9007199254740991L, 0, "9007199254740991")]
        [DataRow(9007199254740991L, 4, "900719925474.0991")]
        [DataRow(-9007199254740991L, 6, "-9007199254.740991")]
        public void Scaled_values_are_plain_decimals_never_exponents(long scaled, int decimals, string expected)
        {
            TagoJsonWriter writer = PayloadText.Writer(128, "v", null);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Reading(0, scaled, decimals, -1));
            Assert.AreEqual(Prefix + expected + Suffix, PayloadText.Closed(writer));
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(7)]
        [DataRow(100)]
        public void Decimals_outside_zero_to_six_are_refused(int decimals)
        {
            TagoJsonWriter writer = PayloadText.Writer(128, "v", null);
            Assert.AreEqual(TagoWriteResult.InvalidDecimals, writer.Reading(0, 1L, decimals, -1));
            Assert.AreEqual("[]", PayloadText.Closed(writer));
        }

        [TestMethod]
        [DataRow(0L, "0")]
        [DataRow(42L, "42")]
        [DataRow(-42L, "-42")]
        [DataRow(9007199254740991L, "9007199254740991")]
        [DataRow(-9007199254740991L, "-9007199254740991")]
        [DataRow(4294967296L, "4294967296")]
        public void Integers_are_written_as_they_are(long value, string expected)
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[128], null, null);
            Assert.AreEqual(TagoWriteResult.Ok, writer.Item(PayloadText.Utf8("v"), value, null, null, -1));

            Assert.AreEqual(Prefix + expected + Suffix, PayloadText.Closed(writer));
        }

        [TestMethod]
        [DataRow(9007199254740992L)]
        [DataRow(-9007199254740992L)]
        [DataRow(long.MaxValue)]
        [DataRow(long.MinValue)]
        public void Integers_beyond_what_JavaScript_holds_exactly_are_refused(long value)
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[128], null, null);

            Assert.AreEqual(TagoWriteResult.NumberTooLarge, writer.Item(PayloadText.Utf8("v"), value, null, null, -1));
            Assert.AreEqual("[]", PayloadText.Closed(writer));
        }
    }
}
