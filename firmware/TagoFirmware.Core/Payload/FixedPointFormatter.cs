using System;

namespace TagoFirmware.Payload
{
    /// <summary>
    /// Prints a scaled integer (the reading queue's exact form) in plain fixed-point notation with 0–6 decimals, a zero
    /// never signed (JSON allows <c>-0</c>, but it is noise for a reading). Shared by both payload writers.
    /// </summary>
    internal static class FixedPointFormatter
    {
        /// <summary>The largest number of decimals the writers print (TagoIO readings rarely need more).</summary>
        internal const int MaxDecimals = 6;

        private static readonly ulong[] s_pow10 = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

        /// <summary>Writes <paramref name="scaled"/>·10^-<paramref name="decimals"/> backwards, ending at the end of
        /// <paramref name="digits"/>; returns where it starts, or minus <see cref="TagoWriteResult.InvalidDecimals"/> or
        /// <see cref="TagoWriteResult.NumberTooLarge"/> (|scaled| above 2^53 − 1: a JavaScript number, TagoIO's, is not exact there).</summary>
        internal static int Format(long scaled, int decimals, byte[] digits)
        {
            if (decimals < 0 || decimals > MaxDecimals)
            {
                return -(int)TagoWriteResult.InvalidDecimals;
            }

            if (scaled > TagoJsonWriter.MaxSafeInteger || scaled < -TagoJsonWriter.MaxSafeInteger)
            {
                return -(int)TagoWriteResult.NumberTooLarge;
            }

            bool negative = scaled < 0;
            ulong magnitude = (ulong)(negative ? -scaled : scaled);
            int i = digits.Length;
            ulong integerPart = magnitude;
            if (decimals > 0)
            {
                ulong pow = s_pow10[decimals];
                integerPart = magnitude / pow;
                uint fractionPart = (uint)(magnitude - (integerPart * pow));
                for (int d = 0; d < decimals; d++)
                {
                    uint next = fractionPart / 10;
                    digits[--i] = (byte)('0' + (fractionPart - (next * 10)));
                    fractionPart = next;
                }

                digits[--i] = (byte)'.';
            }

            i = WriteDigitsBackwards(digits, i, integerPart);
            if (negative)
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
