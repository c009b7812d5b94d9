using System;
using System.Globalization;
using System.Text.RegularExpressions;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// The node's log under <c>--time-scale</c> K: the core prints durations on the node clock ("backoff 4000 ms"),
    /// which would read as real time and be wrong by K; this log divides them by K and says "real".
    /// </summary>
    public sealed class ScaledTimeLog : ILog
    {
        // Durations the core writes: "<n> ms" anywhere, and the auth retry's "next attempt in <n> s".
        private static readonly Regex s_duration = new Regex(@"\b(\d+) ms\b|(?<=next attempt in )(\d+) s\b", RegexOptions.CultureInvariant);
        private readonly ILog _inner;
        private readonly double _scale;

        /// <summary>Creates the log for time scale <paramref name="scale"/>.</summary>
        public ScaledTimeLog(ILog inner, double scale)
        {
            _inner = inner;
            _scale = scale;
        }

        /// <summary>The log for a node at <paramref name="scale"/>: <paramref name="inner"/> itself when time is not scaled.</summary>
        public static ILog For(ILog inner, double scale) => scale == 1.0 ? inner : new ScaledTimeLog(inner, scale);

        /// <inheritdoc />
        public void Write(LogLevel level, string message) => _inner.Write(level, ToReal(message));

        private string ToReal(string message)
        {
            return message == null ? null : s_duration.Replace(message, m =>
            {
                bool ms = m.Groups[1].Success;
                double simulated = double.Parse(ms ? m.Groups[1].Value : m.Groups[2].Value, CultureInfo.InvariantCulture);
                double real = simulated / _scale;
                string value = ms ? Math.Round(real).ToString("0", CultureInfo.InvariantCulture) : real.ToString("0.###", CultureInfo.InvariantCulture);
                return value + (ms ? " ms" : " s") + " real";
            });
        }
    }
}
