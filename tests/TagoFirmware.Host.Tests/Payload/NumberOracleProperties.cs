using System;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TagoFirmware.Payload;

namespace TagoFirmware.Host.Tests.Payload
{
    /// <summary>
    /// The writer's digits against the oracle, value.ToString("F" + decimals, InvariantCulture), for random
    /// doubles and 0–6 decimals; and acceptance exactly when |value|·10^decimals &lt; 2^53.
    /// </summary>
    [TestClass]
    public sealed class NumberOracleProperties
    {
        private const string Prefix = "[{\"variable\":\"v\",\"value\":";
        private static readonly byte[] s_name = Encoding.UTF8.GetBytes("v");

        /// <summary>Any bit pattern: huge, tiny, subnormal, NaN and infinities included.</summary>
        private static readonly Gen<double> s_anyBits = Gen.Long.Select(BitConverter.Int64BitsToDouble);

        /// <summary>Readings-like values with up to 8 decimals, where ties and near-ties are common.</summary>
        private static readonly Gen<double> s_decimalish = Gen.Select(Gen.Long[-1_000_000_000_000L, 1_000_000_000_000L], Gen.Int[0, 8], (n, k) => n / Math.Pow(10, k));

        /// <summary>Exact binary ties at the rounding digit: (n + 1/2)·10^-d for small n.</summary>
        private static readonly Gen<(double, int)> s_ties = Gen.Select(Gen.Long[-100_000, 100_000], Gen.Int[0, 6], (n, d) => ((n + 0.5) / Math.Pow(10, d), d));

        /// <summary>Within a few ulps of a tie, where the fast rounding must hand over to the exact one.</summary>
        private static readonly Gen<(double, int)> s_nearTies = Gen.Select(Gen.Long[-10_000_000_000L, 10_000_000_000L], Gen.Int[0, 6], Gen.Int[-6, 6], (n, d, ulps) =>
            (BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits((n + 0.5) / Math.Pow(10, d)) + ulps), d));

        /// <summary>Values within a few ulps of the 2^53/10^d acceptance boundary.</summary>
        private static readonly Gen<(double, int)> s_boundary = Gen.Select(Gen.Int[0, 6], Gen.Long[-40, 40], Gen.Bool, (d, ulps, negative) =>
        {
            double edge = 9007199254740992.0 / Math.Pow(10, d);
            double value = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(edge) + ulps);
            return (negative ? -value : value, d);
        });

        [TestMethod]
        public void Digits_match_the_F_format_for_any_bit_pattern()
        {
            Gen.Select(s_anyBits, Gen.Int[0, 6]).Sample((value, decimals) => Check(value, decimals), iter: 100_000);
        }

        [TestMethod]
        public void Digits_match_the_F_format_for_reading_like_values()
        {
            Gen.Select(Gen.OneOf(s_decimalish, Gen.Double[-1e7, 1e7], Gen.Double[-1.0, 1.0]), Gen.Int[0, 6]).Sample((value, decimals) => Check(value, decimals), iter: 150_000);
        }

        [TestMethod]
        public void Digits_match_the_F_format_at_exact_ties()
        {
            s_ties.Sample((value, decimals) => Check(value, decimals), iter: 50_000);
        }

        [TestMethod]
        public void Digits_match_the_F_format_within_a_few_ulps_of_a_tie()
        {
            s_nearTies.Sample((value, decimals) => Check(value, decimals), iter: 100_000);
        }

        [TestMethod]
        public void Acceptance_switches_exactly_at_two_to_the_53()
        {
            s_boundary.Sample((value, decimals) => Check(value, decimals), iter: 20_000);
        }

        private static void Check(double value, int decimals)
        {
            byte[] buffer = new byte[128];
            TagoJsonWriter writer = new TagoJsonWriter(buffer);
            writer.BeginItem(s_name);
            TagoWriteResult result = writer.Value(value, decimals);
            if (!double.IsFinite(value))
            {
                Assert.AreEqual(TagoWriteResult.InvalidNumber, result, $"{value:R}");
                return;
            }

            if (!Oracle.Printable(value, decimals))
            {
                Assert.AreEqual(TagoWriteResult.NumberTooLarge, result, $"{value:R} F{decimals}");
                return;
            }

            Assert.AreEqual(TagoWriteResult.Ok, result, $"{value:R} F{decimals}");
            writer.EndItem();
            int length = writer.Close();
            string written = Encoding.UTF8.GetString(buffer, Prefix.Length, length - Prefix.Length - 2);
            Assert.AreEqual(Oracle.Fixed(value, decimals), written, $"{value:R} F{decimals}");
        }
    }
}
