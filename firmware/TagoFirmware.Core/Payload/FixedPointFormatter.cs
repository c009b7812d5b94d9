using System;

namespace TagoFirmware.Payload
{
    /// <summary>
    /// Prints doubles in plain fixed-point notation with 0–6 decimals, with exactly the digits of .NET's
    /// <c>value.ToString("F" + decimals, CultureInfo.InvariantCulture)</c> (which rounds the exact binary value, ties
    /// to even) whenever |value|·10^decimals &lt; 2^53, except that a value that rounds to zero is printed without a
    /// sign (JSON allows <c>-0</c>, but it is noise for a reading). Shared by every payload writer of the core.
    /// </summary>
    /// <remarks>
    /// The product x = fl(|value|·10^d) is within half an ulp of the exact product P. Below 2^53 the integer part n
    /// and the fraction of x are exact, so P's rounding is decided by the fraction unless it lies within x·2^-51 of
    /// one half; then the exact error P − x, computed without rounding by Dekker's product (T. J. Dekker, "A
    /// floating-point technique for extending the available precision", Numer. Math. 18, 1971; IEEE 754 binary64
    /// arithmetic, no fused multiply-add), decides it. No BigInteger (which nanoFramework lacks) is involved.
    /// </remarks>
    internal static class FixedPointFormatter
    {
        /// <summary>The largest number of decimals the writer prints (TagoIO readings rarely need more).</summary>
        internal const int MaxDecimals = 6;

        /// <summary>2^53: integers below it are exact in a double and in a JavaScript number.</summary>
        internal const double TwoPow53 = 9007199254740992.0;

        private static readonly ulong[] s_pow10 = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
        private static readonly double[] s_pow10d = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

        /// <summary>
        /// Computes round-half-even(|value|·10^decimals) exactly. Returns <see cref="TagoWriteResult.InvalidNumber"/> for
        /// NaN and infinities, <see cref="TagoWriteResult.NumberTooLarge"/> when |value|·10^decimals ≥ 2^53.
        /// </summary>
        internal static TagoWriteResult Scale(double value, int decimals, out ulong scaled, out bool negative)
        {
            scaled = 0;
            negative = value < 0;
            double a = negative ? -value : value;

            // Written so that NaN fails too.
            if (!(a <= double.MaxValue))
            {
                return TagoWriteResult.InvalidNumber;
            }

            double p = s_pow10d[decimals];
            double x = a * p;
            if (x > TwoPow53)
            {
                return TagoWriteResult.NumberTooLarge;
            }

            long n = (long)x;
            double rest = x - n;
            double margin = x * 4.440892098500626E-16;
            if (rest < 0.5 - margin || rest > 0.5 + margin)
            {
                // The common case, a few dozen IL instructions.
                scaled = (ulong)(rest < 0.5 ? n : n + 1);
                return TagoWriteResult.Ok;
            }

            // Near one half, or at 2^53: P = x + err exactly (Veltkamp split by 2^27 + 1; 10^d needs no split).
            double c = 134217729.0 * a;
            double high = c - (c - a);
            double err = ((high * p) - x) + ((a - high) * p);
            if (x == TwoPow53 && err >= 0)
            {
                return TagoWriteResult.NumberTooLarge;
            }

            // t = P − n − 1/2, its sign exact. Ties (t = 0, or P = n − 1/2 once x ≥ 2^52) go to the even neighbour.
            double t = (rest - 0.5) + err;
            if (t > 0 || (t == 0 && (n & 1) != 0))
            {
                n++;
            }
            else if (t == -1.0 && (n & 1) != 0)
            {
                n--;
            }

            scaled = (ulong)n;
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
