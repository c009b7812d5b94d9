using System;

namespace TagoFirmware.Platform
{
    /// <summary>The wall clock is set from 2025-01-01 UTC: an ESP32 boots at 1970, nanoFramework's <c>requiresDateTime</c> checks 2021, TLS validity (RFC 5280 §4.1.2.5) needs a set clock.</summary>
    public static class WallClock
    {
        // The earliest valid wall clock, 2025-01-01T00:00:00Z, in DateTime ticks.
        private const long ValidFromTicks = 638712864000000000;

        /// <summary>True when <paramref name="utcNow"/> is on or after 2025-01-01T00:00:00Z.</summary>
        public static bool IsValid(DateTime utcNow) => utcNow.Ticks >= ValidFromTicks;

        /// <summary>Milliseconds since 1970-01-01 UTC.</summary>
        public static long ToUnixMs(DateTime utc) => (utc.Ticks - 621355968000000000L) / TimeSpan.TicksPerMillisecond;
    }
}
