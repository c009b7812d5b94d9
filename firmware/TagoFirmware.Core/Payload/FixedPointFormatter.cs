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

        /// <summary>
        /// Computes round-half-even(|value|·10^decimals) exactly. Returns <see cref="TagoWriteResult.InvalidNumber"/> for
        /// NaN and infinities, <see cref="TagoWriteResult.NumberTooLarge"/> when |value|·10^decimals ≥ 2^53.
        /// </summary>
        internal static TagoWriteResult Scale(double value, int decimals, out ulong scaled, out bool negative)
        {
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

        /// <summary>Number of bytes <see cref="Write"/> produces for a scaled value.</summary>
        internal static int Length(ulong scaled, int decimals, bool negative)
        {
            ulong integerPart = scaled / s_pow10[decimals];
            int length = DigitCount(integerPart);
            if (decimals > 0)
            {
                length += decimals + 1;
            }

            if (negative && scaled != 0)
            {
                length++;
            }

            return length;
        }

        /// <summary>
        /// Writes the scaled value with a decimal point <paramref name="decimals"/> digits from the right; the caller
        /// has checked the room with <see cref="Length"/>. Returns the position after the last byte.
        /// </summary>
        internal static int Write(byte[] buffer, int position, ulong scaled, int decimals, bool negative, int length)
        {
            int end = position + length;
            int i = end;
            if (decimals > 0)
            {
                ulong pow = s_pow10[decimals];
                ulong integerPart = scaled / pow;
                uint fractionPart = (uint)(scaled - (integerPart * pow));
                for (int d = 0; d < decimals; d++)
                {
                    uint next = fractionPart / 10;
                    buffer[--i] = (byte)('0' + (fractionPart - (next * 10)));
                    fractionPart = next;
                }

                buffer[--i] = (byte)'.';
                scaled = integerPart;
            }

            i = WriteDigitsBackwards(buffer, i, scaled);
            if (negative && i > position)
            {
                buffer[--i] = (byte)'-';
            }

            return end;
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

        /// <summary>Decimal digits of a non-negative integer (1 for zero).</summary>
        internal static int DigitCount(ulong value)
        {
            // Multiplying is cheaper than dividing; values stay below 2^54, so p never overflows.
            int count = 1;
            ulong p = 10;
            while (value >= p && count < 19)
            {
                count++;
                p *= 10;
            }

            return count;
        }
    }
}
