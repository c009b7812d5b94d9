using System.Collections;

namespace TagoFirmware.Config
{
    /// <summary>The outcome of reading a config: the parsed configuration and every error and warning found, as the lines every front end prints (<c>error: mqtt.qos: …</c>); never a secret.</summary>
    public sealed class ConfigResult
    {
        private readonly ArrayList _lines = new ArrayList(); // errors first, then warnings

        /// <summary>Creates a result without issues for <paramref name="config"/>.</summary>
        public ConfigResult(NodeConfig config) => Config = config;

        /// <summary>The configuration: file values over defaults. Never null; use it only when <see cref="IsValid"/>.</summary>
        public NodeConfig Config { get; }

        /// <summary>True when there is no error (warnings allowed).</summary>
        public bool IsValid => ErrorCount == 0;

        /// <summary>Number of errors.</summary>
        public int ErrorCount { get; private set; }

        /// <summary>Adds an error or a warning about the field <paramref name="path"/> (<c>mqtt.qos</c>, <c>sensors[1].trigger_pin</c>, <c>(file)</c>) unless <paramref name="message"/> is null (no problem).</summary>
        public void Add(bool error, string path, string message)
        {
            if (message != null)
            {
                _lines.Insert(error ? ErrorCount++ : _lines.Count, (error ? "error: " : "warning: ") + path + ": " + message);
            }
        }

        /// <summary>One line per issue, errors first, each in the order found.</summary>
        public string[] Lines() => (string[])_lines.ToArray(typeof(string));

        internal void Error(string path, string message) => Add(true, path, message);

        internal void Warning(string path, string message) => Add(false, path, message);
    }
}
