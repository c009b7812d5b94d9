using System;

namespace TagoFirmware.Platform
{
    /// <summary>
    /// The rule for "the wall clock has been set": a time before 2025-01-01 UTC counts as unset. An ESP32 boots at
    /// 1970-01-01 and nanoFramework's own <c>requiresDateTime</c> only checks for year 2021, which a stale RTC can
    /// pass; no firmware built after 2025 can legitimately run earlier, and TLS certificate validity (RFC 5280
    /// §4.1.2.5) cannot be checked against an unset clock.
    /// </summary>
    public static class WallClock
    {
        /// <summary>The earliest UTC time accepted as a valid wall clock: 2025-01-01T00:00:00Z.</summary>
        public static readonly DateTime ValidFrom = new DateTime(2025, 1, 1, 0, 0, 0);

        /// <summary>True when <paramref name="utcNow"/> is on or after <see cref="ValidFrom"/>.</summary>
        public static bool IsValid(DateTime utcNow)
        {
            return utcNow.Ticks >= ValidFrom.Ticks;
        }

        /// <summary>Milliseconds since 1970-01-01 UTC.</summary>
        public static long ToUnixMs(DateTime utc)
        {
            return (utc.Ticks - 621355968000000000L) / TimeSpan.TicksPerMillisecond;
        }
    }
}
