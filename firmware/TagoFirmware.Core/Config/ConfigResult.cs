using System.Collections;

namespace TagoFirmware.Config
{
    /// <summary>The outcome of reading a config: the parsed configuration and every error and warning found, as the lines every front end prints (<c>error: mqtt.qos: …</c>); never a secret.</summary>
    public sealed class ConfigResult
    {
        private readonly ArrayList _errors = new ArrayList();
        private readonly ArrayList _warnings = new ArrayList();

        /// <summary>Creates a result without issues for <paramref name="config"/>.</summary>
        public ConfigResult(NodeConfig config) => Config = config;

        /// <summary>The configuration: file values over defaults. Never null; use it only when <see cref="IsValid"/>.</summary>
        public NodeConfig Config { get; }

        /// <summary>True when there is no error (warnings allowed).</summary>
        public bool IsValid => _errors.Count == 0;

        /// <summary>Number of errors.</summary>
        public int ErrorCount => _errors.Count;

        /// <summary>Number of warnings.</summary>
        public int WarningCount => _warnings.Count;

        /// <summary>Adds an error or a warning about the field <paramref name="path"/> (<c>mqtt.qos</c>, <c>sensors[1].trigger_pin</c>, <c>(file)</c>) unless <paramref name="message"/> is null (no problem).</summary>
        public void Add(bool error, string path, string message)
        {
            if (message != null)
            {
                (error ? _errors : _warnings).Add((error ? "error: " : "warning: ") + path + ": " + message);
            }
        }

        /// <summary>One line per issue, errors first, each in the order found.</summary>
        public string[] Lines()
        {
            string[] lines = new string[_errors.Count + _warnings.Count];
            _errors.CopyTo(lines, 0);
            _warnings.CopyTo(lines, _errors.Count);
            return lines;
        }

        internal void Error(string path, string message) => Add(true, path, message);

        internal void Warning(string path, string message) => Add(false, path, message);
    }
}
