using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>Timestamped, levelled console log that prints every registered secret as "***", so none can reach the output.</summary>
    public sealed class ConsoleLog : ILog
    {
        private static readonly string[] s_tags = { "DBG", "INF", "WRN", "ERR" };
        // Durations the core writes: "<n> ms" anywhere, and the auth retry's "next attempt in <n> s".
        private static readonly Regex s_duration = new Regex(@"\b(\d+) ms\b|(?<=next attempt in )(\d+) s\b", RegexOptions.CultureInvariant);
        private readonly ConsoleLog _unscaled;
        private readonly double _scale;
        private readonly TextWriter _writer;
        private readonly object _gate = new object();
        private string[] _secrets = new string[0];

        /// <summary>Creates a log on <paramref name="writer"/>.</summary>
        public ConsoleLog(TextWriter writer, LogLevel minimumLevel = LogLevel.Info)
        {
            _writer = TextWriter.Synchronized(writer);
            MinimumLevel = minimumLevel;
        }

        private ConsoleLog(ConsoleLog unscaled, double scale) => (_unscaled, _scale) = (unscaled, scale);

        /// <summary>Lowest level written.</summary>
        public LogLevel MinimumLevel { get; set; }

        /// <summary>Registers secrets that must never be printed; null or empty ones are ignored.</summary>
        public void AddSecret(params string[] secrets)
        {
            lock (_gate)
            {
                _secrets = [.. _secrets, .. secrets.Where(s => !string.IsNullOrEmpty(s))];
            }
        }

        /// <summary>The node's log under <c>--time-scale</c> K: node-clock durations ("4000 ms") divided by K and marked "real".</summary>
        public ILog ForTimeScale(double scale) => scale == 1.0 ? this : new ConsoleLog(this, scale);

        /// <inheritdoc />
        public void Write(LogLevel level, string message)
        {
            if (_unscaled != null)
            {
                _unscaled.Write(level, message == null ? null : s_duration.Replace(message, m =>
                {
                    bool ms = m.Groups[1].Success;
                    double real = double.Parse(ms ? m.Groups[1].Value : m.Groups[2].Value, CultureInfo.InvariantCulture) / _scale;
                    return (ms ? Math.Round(real).ToString("0", CultureInfo.InvariantCulture) + " ms" : real.ToString("0.###", CultureInfo.InvariantCulture) + " s") + " real";
                }));
                return;
            }

            if (level < MinimumLevel)
            {
                return;
            }

            string text = message ?? string.Empty;
            foreach (string secret in _secrets)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }

            _writer.WriteLine(DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " + s_tags[Math.Clamp((int)level, 0, 3)] + " " + text);
        }

        /// <summary>Writes an info line.</summary>
        public void Info(string message) => Write(LogLevel.Info, message);
    }
}
