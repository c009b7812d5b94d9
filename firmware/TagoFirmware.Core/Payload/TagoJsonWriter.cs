using System;
using TagoFirmware.Json;
using TagoFirmware.Readings;

namespace TagoFirmware.Payload
{
    /// <summary>Writes a TagoIO data array (<c>[{"variable":…,"value":…},…]</c>) into a caller-owned <c>byte[]</c>, validating
    /// every field so TagoIO never rejects it, allocating nothing (docs/payload-format.md).</summary>
    /// <remarks>The last byte is kept for <c>]</c>; queued readings' names and units are checked once and block-copied.</remarks>
    public sealed class TagoJsonWriter : ItemWriter
    {
        /// <summary>Longest variable name TagoIO accepts.</summary>
        public const int MaxVariableLength = 100;

        /// <summary>Longest unit TagoIO accepts, in characters (UTF-16 code units).</summary>
        public const int MaxUnitLength = 25;

        /// <summary>Longest string value TagoIO accepts, in UTF-8 bytes (6 kB).</summary>
        public const int MaxStringValueBytes = 6000;

        // Milliseconds from 0001-01-01T00:00:00Z to the Unix epoch (719162 days), to 10000-01-01 (what four year digits
        // can spell), and in a day (UTC has no leap seconds in this notation).
        private const long UnixEpochMs = 62135596800000L;
        private const long MaxMs = 315537897600000L;
        private const long MsPerDay = 86400000L;

        private static readonly byte[] s_variableKey = TagoUtf8.GetBytes(",{\"variable\":\"");
        private static readonly byte[] s_valueKey = TagoUtf8.GetBytes(",\"value\":");
        private static readonly byte[] s_textValueKey = Quoted(s_valueKey, 0);
        private static readonly byte[] s_unitKey = TagoUtf8.GetBytes(",\"unit\":\"");
        private static readonly byte[] s_timeKey = TagoUtf8.GetBytes(",\"time\":\"");
        private static readonly byte[] s_groupKey = TagoUtf8.GetBytes(",\"group\":\"");

        // ,"time":"yyyy-MM-ddTHH:mm:ss.fffZ" (RFC 3339, TagoIO's form) of the last time written: the items of a sampling cycle share it.
        private readonly byte[] _time = Quoted(s_timeKey, 24);
        private long _timeUnixMs = long.MinValue;
        private int _timeDay = -1;

        /// <summary>A writer over <paramref name="buffer"/> (≥ 2 bytes, the last reserved for <c>]</c>) with per-variable UTF-8 names and units (null: none).</summary>
        public TagoJsonWriter(byte[] buffer, byte[][] names, byte[][] units)
            : base(buffer, int.MaxValue, s_valueKey, Quoted(s_groupKey, ReadingGroupId.Length), s_groupKey.Length, false, names, units)
        {
            Reset();
        }

        /// <summary>Starts a new, empty payload (<c>[</c>) in the same buffer.</summary>
        public override void Reset()
        {
            Buffer[0] = (byte)'[';
            Restart(1, true);
        }

        private protected override TagoWriteResult Text(byte[] utf8) => Text(false, s_textValueKey, utf8);

        private protected override TagoWriteResult Unit(byte[] utf8) => Text(true, s_unitKey, utf8);

        private protected override TagoWriteResult Time(long unixMs)
        {
            if (unixMs >= MaxMs - UnixEpochMs)
            {
                return Fail(TagoWriteResult.InvalidTime);
            }

            if (unixMs != _timeUnixMs)
            {
                // Payloads hold readings of one day or two: the date part is rarely formatted again.
                long ms = unixMs + UnixEpochMs;
                int day = (int)(ms / MsPerDay);
                if (day != _timeDay)
                {
                    WriteDate(_time, s_timeKey.Length, day);
                    _timeDay = day;
                }

                WriteTimeOfDay(_time, s_timeKey.Length, (int)(ms - (day * MsPerDay)));
                _timeUnixMs = unixMs;
            }

            return Field(_time);
        }

        private protected override TagoWriteResult End()
        {
            if (Length + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            Buffer[Length++] = (byte)'}';
            return TagoWriteResult.Ok;
        }

        private protected override TagoWriteResult Open(byte[] name)
        {
            // The key starts with the comma between items.
            int skip = ItemCount > 0 ? 0 : 1;
            int keyLength = s_variableKey.Length - skip;
            int length = Length;
            if (length + keyLength + name.Length + 1 > _limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            Array.Copy(s_variableKey, skip, Buffer, length, keyLength);
            int p = Put(name, length + keyLength);
            Buffer[p++] = (byte)'"';
            Length = p;
            return TagoWriteResult.Ok;
        }

        // A string field, escaped per RFC 8259 §7 (only ", \ and U+0000–U+001F) and written as it is checked (bytes past the
        // committed length are scratch); malformed UTF-8 (RFC 3629 §4), which TagoIO would reject, is refused. Its limit counts
        // UTF-8 bytes for a value, UTF-16 code units (JavaScript's length) for a unit.
        private TagoWriteResult Text(bool unit, byte[] key, byte[] utf8)
        {
            byte[] buffer = Buffer;
            int limit = _limit;
            int p = Length + key.Length;
            if (p <= limit)
            {
                Put(key, Length);
            }

            int units = 0;
            int i = 0;
            while (i < utf8.Length)
            {
                int b = utf8[i];
                int n = b < 0x80 ? 1 : JsonBytes.Utf8Length(utf8, i, utf8.Length);
                if (n == 0)
                {
                    return Fail(TagoWriteResult.InvalidString);
                }

                int e = b < 0x80 ? JsonText.Classes[b] & 7 : n;
                if (p + e <= limit && e == n)
                {
                    Array.Copy(utf8, i, buffer, p, n);
                }
                else if (p + e <= limit)
                {
                    buffer[p] = (byte)'\\';
                    int k = JsonBytes.Escaped.IndexOf((char)b);
                    buffer[p + 1] = k >= 0 ? (byte)JsonBytes.EscapeLetters[k] : (byte)'u';
                    if (k < 0)
                    {
                        // \u00XX: only control characters get here, so the first hex digit is 0 or 1.
                        buffer[p + 2] = (byte)'0';
                        buffer[p + 3] = (byte)'0';
                        buffer[p + 4] = (byte)('0' + (b >> 4));
                        buffer[p + 5] = (byte)((b & 0xF) < 10 ? '0' + (b & 0xF) : 'a' + (b & 0xF) - 10);
                    }
                }

                units += n == 4 ? 2 : 1;
                p += e;
                i += n;
            }

            if (unit ? units > MaxUnitLength : utf8.Length > MaxStringValueBytes)
            {
                return Fail(unit ? TagoWriteResult.UnitTooLong : TagoWriteResult.StringTooLong);
            }

            if (p + 1 > limit)
            {
                return Fail(TagoWriteResult.BufferFull);
            }

            buffer[p++] = (byte)'"';
            Length = p;
            return TagoWriteResult.Ok;
        }

        /// <summary>Writes <c>yyyy-MM-ddT</c> of day <paramref name="days"/> since 0001-01-01 (the first 11 bytes).</summary>
        private static void WriteDate(byte[] buffer, int position, int days)
        {
            // Proleptic Gregorian date from a day count (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
            // civil_from_days), counted from 0000-03-01 so leap days fall at the end of the computed year: 0001-01-01 is
            // day 306 of that count. Not DateTime: nanoFramework's ends at 3000-12-31 and this writer takes years to 9999.
            int z = days + 306;
            int era = z / 146097;
            int dayOfEra = z - (era * 146097);
            int yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
            int dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
            int mp = ((5 * dayOfYear) + 2) / 153;
            int month = mp < 10 ? mp + 3 : mp - 9;
            int year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
            Two(buffer, position, year / 100);
            Two(buffer, position + 2, year % 100);
            buffer[position + 4] = (byte)'-';
            Two(buffer, position + 5, month);
            buffer[position + 7] = (byte)'-';
            Two(buffer, position + 8, dayOfYear - (((153 * mp) + 2) / 5) + 1);
            buffer[position + 10] = (byte)'T';
        }

        /// <summary>Writes <c>HH:mm:ss.fffZ</c> of <paramref name="msOfDay"/> after the date (the last 13 bytes).</summary>
        private static void WriteTimeOfDay(byte[] buffer, int position, int msOfDay)
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

        private static byte[] Quoted(byte[] key, int room)
        {
            byte[] field = new byte[key.Length + room + 1];
            Array.Copy(key, field, key.Length);
            field[field.Length - 1] = (byte)'"';
            return field;
        }
    }
}
