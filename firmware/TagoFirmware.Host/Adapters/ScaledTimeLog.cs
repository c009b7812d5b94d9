using System;
using System.Globalization;
using System.Text.RegularExpressions;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// The node's log under the twin's <c>--time-scale</c>: the core measures every duration on the node clock, which
    /// runs K times faster than real time, and prints it as the device would ("backoff 4000 ms", "next attempt in
    /// 1200 s"). On the console that reads as real time, and it is wrong by K, most visibly for the network timeouts
    /// that the twin stretches by K so that they stay the configured real seconds. This log divides those durations
    /// by K and says "real", so a reader never has to guess which clock a number is on.
    /// </summary>
    public sealed class ScaledTimeLog : ILog
    {
        // Durations the core writes: "<n> ms" anywhere, and the auth retry's "next attempt in <n> s".
        private static readonly Regex s_duration = new Regex(@"\b(\d+) ms\b|(?<=next attempt in )(\d+) s\b", RegexOptions.CultureInvariant);
        private readonly ILog _inner;
        private readonly double _scale;

        /// <summary>Creates the log.</summary>
        /// <param name="inner">Where the lines go.</param>
        /// <param name="scale">The time scale K (simulated seconds per real second).</param>
        public ScaledTimeLog(ILog inner, double scale)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _scale = scale > 0 ? scale : 1;
        }

        /// <summary>The log for a node at <paramref name="scale"/>: <paramref name="inner"/> itself when time is not scaled.</summary>
        /// <param name="inner">Where the lines go.</param>
        /// <param name="scale">The time scale.</param>
        /// <returns>The log to give the node.</returns>
        public static ILog For(ILog inner, double scale) => scale == 1.0 ? inner : new ScaledTimeLog(inner, scale);

        /// <inheritdoc />
        public void Write(LogLevel level, string message) => _inner.Write(level, ToReal(message));

        /// <summary>Rewrites each node-clock duration of a message in real time.</summary>
        /// <param name="message">A line from the core.</param>
        /// <returns>The line with "<c>n ms</c>" as "<c>n/K ms real</c>" (and the auth retry's seconds likewise).</returns>
        public string ToReal(string message)
        {
            if (message == null)
            {
                return null;
            }

            return s_duration.Replace(message, m =>
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
