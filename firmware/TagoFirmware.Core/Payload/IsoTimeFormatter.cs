namespace TagoFirmware.Payload
{
    /// <summary>Formats UTC as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (RFC 3339, TagoIO's form) by integer arithmetic: each
    /// DateTime property getter re-derives the date from the ticks.</summary>
    internal static class IsoTimeFormatter
    {
        /// <summary>Length of <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
        internal const int Length = 24;

        /// <summary>Milliseconds from 0001-01-01T00:00:00Z to the Unix epoch 1970-01-01T00:00:00Z (719162 days).</summary>
        internal const long UnixEpochMs = 62135596800000L;

        /// <summary>Milliseconds from 0001-01-01 to 10000-01-01: the range four year digits can spell.</summary>
        internal const long MaxMs = 315537897600000L;

        /// <summary>Milliseconds in a day: times are UTC, which has no leap seconds in this notation.</summary>
        internal const long MsPerDay = 86400000L;

        /// <summary>Writes <c>yyyy-MM-ddT</c> of day <paramref name="days"/> since 0001-01-01 (the first 11 bytes).</summary>
        internal static void WriteDate(byte[] buffer, int position, int days)
        {
            // Proleptic Gregorian date from a day count (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
            // civil_from_days), counted from 0000-03-01 so leap days fall at the end of the computed year:
            // 0001-01-01 is day 306 of that count. All quantities are non-negative, so plain division is floor.
            int z = days + 306;
            int era = z / 146097;
            int dayOfEra = z - (era * 146097);
            int yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
            int dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
            int mp = ((5 * dayOfYear) + 2) / 153;
            int day = dayOfYear - (((153 * mp) + 2) / 5) + 1;
            int month = mp < 10 ? mp + 3 : mp - 9;
            int year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
            Two(buffer, position, year / 100);
            Two(buffer, position + 2, year % 100);
            buffer[position + 4] = (byte)'-';
            Two(buffer, position + 5, month);
            buffer[position + 7] = (byte)'-';
            Two(buffer, position + 8, day);
            buffer[position + 10] = (byte)'T';
        }

        /// <summary>Writes <c>HH:mm:ss.fffZ</c> of <paramref name="msOfDay"/> after the date (the last 13 bytes).</summary>
        internal static void WriteTimeOfDay(byte[] buffer, int position, int msOfDay)
        {
            int hour = msOfDay / 3600000;
            int rest = msOfDay - (hour * 3600000);
            int minute = rest / 60000;
            rest -= minute * 60000;
            int second = rest / 1000;
            int millisecond = rest - (second * 1000);
            Two(buffer, position + 11, hour);
            buffer[position + 13] = (byte)':';
            Two(buffer, position + 14, minute);
            buffer[position + 16] = (byte)':';
            Two(buffer, position + 17, second);
            buffer[position + 19] = (byte)'.';
            buffer[position + 20] = (byte)('0' + (millisecond / 100));
            Two(buffer, position + 21, millisecond % 100);
            buffer[position + 23] = (byte)'Z';
        }

        private static void Two(byte[] buffer, int position, int value)
        {
            int tens = value / 10;
            buffer[position] = (byte)('0' + tens);
            buffer[position + 1] = (byte)('0' + (value - (tens * 10)));
        }
    }
}
