using System;

namespace TagoFirmware.Payload
{
    /// <summary>
    /// Prints doubles in plain fixed-point notation with 0–6 decimals using integer arithmetic only, with exactly the
    /// digits of .NET's <c>value.ToString("F" + decimals, CultureInfo.InvariantCulture)</c> (which rounds the exact
    /// binary value, ties to even) whenever |value|·10^decimals &lt; 2^53, except that a value that rounds to zero is
    /// printed without a sign (JSON allows <c>-0</c>, but it is noise for a reading).
    /// </summary>
    /// <remarks>
    /// A finite double is exactly m·2^e with an integer m &lt; 2^53 (IEEE 754 binary64). Its value times 10^d is
    /// m·5^d·2^(d+e): the product m·5^d needs at most 53 + 14 = 67 bits (5^6 = 15625 &lt; 2^14), so it is kept as a
    /// 128-bit pair of ulongs. Shifting that right by −(d+e) bits gives the integer part, and comparing the bits
    /// shifted out with one half decides the rounding exactly, so no BigInteger (which nanoFramework lacks) and no
    /// floating-point rounding is involved. The result is an integer below 2^53 (plus one after rounding up), which
    /// is printed with a decimal point inserted d digits from the right.
    /// </remarks>
    internal static class FixedPointFormatter
    {
        /// <summary>The largest number of decimals the writer prints (TagoIO readings rarely need more).</summary>
        internal const int MaxDecimals = 6;

        /// <summary>2^53: integers below it are exact in a double and in a JavaScript number.</summary>
        internal const ulong TwoPow53 = 1UL << 53;

        private static readonly ulong[] s_pow5 = { 1, 5, 25, 125, 625, 3125, 15625 };
        private static readonly ulong[] s_pow10 = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
        private static readonly double[] s_pow10d = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

        /// <summary>
        /// Computes round-half-even(|value|·10^decimals) exactly. Returns <see cref="TagoWriteResult.InvalidNumber"/> for
        /// NaN and infinities, <see cref="TagoWriteResult.NumberTooLarge"/> when |value|·10^decimals ≥ 2^53.
        /// </summary>
        internal static TagoWriteResult Scale(double value, int decimals, out ulong scaled, out bool negative)
        {
            // Fast path, a few dozen IL instructions instead of the exact 128-bit one: x = fl(|value|·10^d) is within
            // 2^-53·x of the exact product, so when x's fraction is further than 2^-51·x from one half, rounding x
            // and rounding the exact product agree. Below 2^52 the integer part and the fraction of x are exact.
            // NaN, infinities, large values and near-ties fail the tests and take the exact path.
            negative = value < 0;
            double x = (negative ? -value : value) * s_pow10d[decimals];
            if (x < 4503599627370496.0)
            {
                long n = (long)x;
                double rest = x - n;
                double margin = x * 4.440892098500626E-16;
                if (rest < 0.5 - margin || rest > 0.5 + margin)
                {
                    scaled = (ulong)(rest < 0.5 ? n : n + 1);
                    return TagoWriteResult.Ok;
                }
            }

            long bits = BitConverter.DoubleToInt64Bits(value);
            negative = bits < 0;
            scaled = 0;
            int biased = (int)((bits >> 52) & 0x7FF);
            ulong fraction = (ulong)bits & 0xFFFFFFFFFFFFFUL;
            if (biased == 0x7FF)
            {
                return TagoWriteResult.InvalidNumber;
            }

            ulong m;
            int e;
            if (biased == 0)
            {
                if (fraction == 0)
                {
                    return TagoWriteResult.Ok;
                }

                // Subnormal: no implicit leading bit.
                m = fraction;
                e = -1074;
            }
            else
            {
                m = fraction | (1UL << 52);
                e = biased - 1075;
            }

            // P = m·5^d as hi:lo, in two 32-bit halves so no partial product overflows.
            ulong f = s_pow5[decimals];
            ulong a = (m & 0xFFFFFFFFUL) * f;
            ulong b = (m >> 32) * f;
            ulong lo = a + (b << 32);
            ulong hi = (b >> 32) + (lo < a ? 1UL : 0UL);

            int t = decimals + e;
            if (t >= 0)
            {
                // |value|·10^d = P·2^t is an integer; it must stay below 2^53.
                if (hi != 0 || t >= 53 || lo >= (1UL << (53 - t)))
                {
                    return TagoWriteResult.NumberTooLarge;
                }

                scaled = lo << t;
                return TagoWriteResult.Ok;
            }

            int s = -t;
            if (s >= 70)
            {
                // P < 2^67 is below half of 2^s: rounds to zero.
                return TagoWriteResult.Ok;
            }

            ulong q;
            ulong remHi;
            ulong remLo;
            ulong halfHi;
            ulong halfLo;
            if (s >= 64)
            {
                int k = s - 64;
                q = hi >> k;
                remHi = hi & ((1UL << k) - 1);
                remLo = lo;
                halfHi = k == 0 ? 0 : 1UL << (k - 1);
                halfLo = k == 0 ? 1UL << 63 : 0;
            }
            else
            {
                if ((hi >> s) != 0)
                {
                    return TagoWriteResult.NumberTooLarge;
                }

                q = (lo >> s) | (hi << (64 - s));
                remHi = 0;
                remLo = lo & ((1UL << s) - 1);
                halfHi = 0;
                halfLo = 1UL << (s - 1);
            }

            // The exact value lies in [q, q + 1), so it is below 2^53 exactly when q is.
            if (q >= TwoPow53)
            {
                return TagoWriteResult.NumberTooLarge;
            }

            bool above = remHi != halfHi ? remHi > halfHi : remLo > halfLo;
            bool tie = remHi == halfHi && remLo == halfLo;
            if (above || (tie && (q & 1) != 0))
            {
                q++;
            }

            scaled = q;
            return TagoWriteResult.Ok;
        }

        /// <summary>
        /// Writes the scaled value with a decimal point <paramref name="decimals"/> digits from the right, and a minus
        /// sign when <paramref name="negative"/> and not zero, so that it ends at the end of <paramref name="digits"/>
        /// (at least 22 bytes); returns the index of its first byte. Formatting backwards needs no length pass.
        /// </summary>
        internal static int Format(ulong scaled, int decimals, bool negative, byte[] digits)
        {
            int i = digits.Length;
            ulong integerPart = scaled;
            if (decimals > 0)
            {
                ulong pow = s_pow10[decimals];
                integerPart = scaled / pow;
                uint fractionPart = (uint)(scaled - (integerPart * pow));
                for (int d = 0; d < decimals; d++)
                {
                    uint next = fractionPart / 10;
                    digits[--i] = (byte)('0' + (fractionPart - (next * 10)));
                    fractionPart = next;
                }

                digits[--i] = (byte)'.';
            }

            i = WriteDigitsBackwards(digits, i, integerPart);
            if (negative && scaled != 0)
            {
                digits[--i] = (byte)'-';
            }

            return i;
        }

        /// <summary>Writes a non-negative integer's digits ending just before <paramref name="end"/>; returns where they start.</summary>
        internal static int WriteDigitsBackwards(byte[] buffer, int end, ulong value)
        {
            int i = end;
            while (value > 0xFFFFFFFFUL)
            {
                ulong next = value / 10;
                buffer[--i] = (byte)('0' + (int)(value - (next * 10)));
                value = next;
            }

            // 32-bit division is much cheaper than 64-bit on the ESP32's 32-bit core.
            uint small = (uint)value;
            do
            {
                uint next = small / 10;
                buffer[--i] = (byte)('0' + (small - (next * 10)));
                small = next;
            }
            while (small != 0);
            return i;
        }
    }
}
