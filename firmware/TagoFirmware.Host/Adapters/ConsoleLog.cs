using System;
using System.Globalization;
using System.IO;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// Timestamped, levelled console log. Every line passes through <see cref="Scrub"/>, which replaces any registered
    /// secret (device token, WiFi password) with "***", so a secret can never reach the output even by mistake.
    /// </summary>
    public sealed class ConsoleLog : ILog
    {
        private readonly TextWriter _writer;
        private readonly object _gate = new object();
        private readonly string _prefix;
        private string[] _secrets = new string[0];

        /// <summary>Creates a log.</summary>
        /// <param name="writer">Output (Console.Out by default).</param>
        /// <param name="minimumLevel">Lowest level written.</param>
        /// <param name="prefix">Text put after the level, e.g. the node name when many nodes share a process.</param>
        public ConsoleLog(TextWriter writer = null, LogLevel minimumLevel = LogLevel.Info, string prefix = null)
        {
            _writer = writer ?? Console.Out;
            MinimumLevel = minimumLevel;
            _prefix = string.IsNullOrEmpty(prefix) ? string.Empty : prefix + " ";
        }

        /// <summary>Lowest level written.</summary>
        public LogLevel MinimumLevel { get; set; }

        /// <summary>Registers a secret that must never be printed.</summary>
        /// <param name="secret">Secret text; null or empty is ignored.</param>
        public void AddSecret(string secret)
        {
            if (string.IsNullOrEmpty(secret))
            {
                return;
            }

            lock (_gate)
            {
                string[] grown = new string[_secrets.Length + 1];
                Array.Copy(_secrets, grown, _secrets.Length);
                grown[_secrets.Length] = secret;
                _secrets = grown;
            }
        }

        /// <summary>Writes a line.</summary>
        /// <param name="level">Severity.</param>
        /// <param name="message">Text.</param>
        public void Write(LogLevel level, string message)
        {
            if (level < MinimumLevel)
            {
                return;
            }

            string line = DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " + Tag(level) + " " + _prefix + Scrub(message);
            lock (_gate)
            {
                _writer.WriteLine(line);
                _writer.Flush();
            }
        }

        /// <summary>Writes an info line.</summary>
        /// <param name="message">Text.</param>
        public void Info(string message)
        {
            Write(LogLevel.Info, message);
        }

        /// <summary>Writes a warning line.</summary>
        /// <param name="message">Text.</param>
        public void Warn(string message)
        {
            Write(LogLevel.Warning, message);
        }

        /// <summary>Writes an error line.</summary>
        /// <param name="message">Text.</param>
        public void Error(string message)
        {
            Write(LogLevel.Error, message);
        }

        /// <summary>Replaces every registered secret in <paramref name="text"/> with "***".</summary>
        /// <param name="text">Text to clean.</param>
        /// <returns>Text without secrets.</returns>
        public string Scrub(string text)
        {
            if (text == null)
            {
                return string.Empty;
            }

            foreach (string secret in _secrets)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }

            return text;
        }

        private static string Tag(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Debug: return "DBG";
                case LogLevel.Info: return "INF";
                case LogLevel.Warning: return "WRN";
                default: return "ERR";
            }
        }
    }
}
