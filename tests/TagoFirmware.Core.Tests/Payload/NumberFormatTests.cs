using nanoFramework.TestFramework;
using TagoFirmware.Payload;

namespace TagoFirmware.Tests.Payload
{
    /// <summary>
    /// Number digits: those of .NET's value.ToString("F" + decimals, InvariantCulture), which rounds the exact binary
    /// value with ties to even, except that zero is never signed. Expected strings were taken from that oracle.
    /// </summary>
    [TestClass]
    public class NumberFormatTests
    {
        private const string Prefix = "[{\"variable\":\"v\",\"value\":";
        private const string Suffix = "}]";

        [TestMethod]
        [DataRow(2.675, 2, "2.67")]
        [DataRow(0.125, 2, "0.12")]
        [DataRow(0.375, 2, "0.38")]
        [DataRow(2.5, 0, "2")]
        [DataRow(3.5, 0, "4")]
        [DataRow(0.5, 0, "0")]
        [DataRow(1.5, 0, "2")]
        [DataRow(1.005, 2, "1.00")]
        [DataRow(0.045, 2, "0.04")]
        [DataRow(1.0000005, 6, "1.000001")]
        [DataRow(0.0000005, 6, "0.000000")]
        [DataRow(0.0000015, 6, "0.000002")]
        [DataRow(123456789.125, 2, "123456789.12")]
        public void Rounding_follows_the_exact_binary_value_with_ties_to_even(double value, int decimals, string expected)
        {
            Assert.AreEqual(Prefix + expected + Suffix, Write(value, decimals));
        }

        [TestMethod]
        [DataRow(23.5, 1, "23.5")]
        [DataRow(-23.5, 1, "-23.5")]
        [DataRow(65.2, 0, "65")]
        [DataRow(65.2, 6, "65.200000")]
        [DataRow(0.0, 0, "0")]
        [DataRow(0.0, 3, "0.000")]
        [DataRow(-40.25, 3, "-40.250")]
        [DataRow(1e14, 1, "100000000000000.0")]
        [DataRow(1e15, 0, "1000000000000000")]
        [DataRow(9007199254740991.0, 0, "9007199254740991")]
        [DataRow(900719925474.0991, 4, "900719925474.0991")]
        [DataRow(9007199254.740992, 6, "9007199254.740992")]
        [DataRow(1e-300, 6, "0.000000")]
        [DataRow(4.9e-324, 6, "0.000000")]
        [DataRow(0.1, 6, "0.100000")]
        public void Numbers_are_plain_decimals_never_exponents(double value, int decimals, string expected)
        {
            Assert.AreEqual(Prefix + expected + Suffix, Write(value, decimals));
        }

        [TestMethod]
        [DataRow(-0.0, 2, "0.00")]
        [DataRow(-0.0, 0, "0")]
        [DataRow(-0.001, 2, "0.00")]
        [DataRow(-0.4, 0, "0")]
        [DataRow(-0.5, 0, "0")]
        [DataRow(-0.0000004, 6, "0.000000")]
        public void A_value_that_rounds_to_zero_is_printed_without_a_sign(double value, int decimals, string expected)
        {
            Assert.AreEqual(Prefix + expected + Suffix, Write(value, decimals));
        }

        [TestMethod]
        [DataRow(9007199254740992.0, 0)]
        [DataRow(-9007199254740992.0, 0)]
        [DataRow(900719925474099.2, 1)]
        [DataRow(9007199255.0, 6)]
        [DataRow(1e300, 0)]
        [DataRow(1e15, 1)]
        [DataRow(-1.7976931348623157e308, 6)]
        public void Numbers_whose_scaled_magnitude_reaches_two_to_the_53_are_refused(double value, int decimals)
        {
            AssertRefused(TagoWriteResult.NumberTooLarge, value, decimals);
        }

        [TestMethod]
        public void NaN_and_infinities_are_refused()
        {
            AssertRefused(TagoWriteResult.InvalidNumber, double.NaN, 1);
            AssertRefused(TagoWriteResult.InvalidNumber, double.PositiveInfinity, 1);
            AssertRefused(TagoWriteResult.InvalidNumber, double.NegativeInfinity, 0);
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(7)]
        [DataRow(100)]
        public void Decimals_outside_zero_to_six_are_refused(int decimals)
        {
            AssertRefused(TagoWriteResult.InvalidDecimals, 1.0, decimals);
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
            TagoJsonWriter writer = new TagoJsonWriter(new byte[128]);
            writer.BeginItem(PayloadText.Utf8("v"));
            writer.Value(value);
            Assert.AreEqual(TagoWriteResult.Ok, writer.EndItem());

            Assert.AreEqual(Prefix + expected + Suffix, PayloadText.Closed(writer));
        }

        [TestMethod]
        [DataRow(9007199254740992L)]
        [DataRow(-9007199254740992L)]
        [DataRow(long.MaxValue)]
        [DataRow(long.MinValue)]
        public void Integers_beyond_what_JavaScript_holds_exactly_are_refused(long value)
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[128]);
            writer.BeginItem(PayloadText.Utf8("v"));

            Assert.AreEqual(TagoWriteResult.NumberTooLarge, writer.Value(value));
            Assert.AreEqual(TagoWriteResult.NumberTooLarge, writer.EndItem());
            Assert.AreEqual("[]", PayloadText.Closed(writer));
        }

        private static string Write(double value, int decimals)
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[128]);
            writer.BeginItem(PayloadText.Utf8("v"));
            Assert.AreEqual(TagoWriteResult.Ok, writer.Value(value, decimals));
            Assert.AreEqual(TagoWriteResult.Ok, writer.EndItem());
            return PayloadText.Closed(writer);
        }

        private static void AssertRefused(TagoWriteResult expected, double value, int decimals)
        {
            TagoJsonWriter writer = new TagoJsonWriter(new byte[128]);
            writer.BeginItem(PayloadText.Utf8("v"));

            Assert.AreEqual(expected, writer.Value(value, decimals));
            Assert.AreEqual(expected, writer.EndItem());
            Assert.AreEqual("[]", PayloadText.Closed(writer));
        }
    }
}
