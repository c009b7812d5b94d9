using System.Collections;

namespace TagoFirmware.Config
{
    /// <summary>The outcome of reading a config: the parsed configuration and every error and warning found.</summary>
    public sealed class ConfigResult
    {
        private readonly ArrayList _issues = new ArrayList();

        /// <summary>Creates a result without issues for <paramref name="config"/>.</summary>
        public ConfigResult(NodeConfig config) => Config = config;

        /// <summary>The configuration: file values over defaults. Never null; use it only when <see cref="IsValid"/>.</summary>
        public NodeConfig Config { get; }

        /// <summary>True when there is no error (warnings allowed).</summary>
        public bool IsValid => ErrorCount == 0;

        /// <summary>Number of errors.</summary>
        public int ErrorCount { get; private set; }

        /// <summary>Number of warnings.</summary>
        public int WarningCount => _issues.Count - ErrorCount;

        /// <summary>Every issue, errors and warnings, in the order found (a copy).</summary>
        public ConfigIssue[] Issues => (ConfigIssue[])_issues.ToArray(typeof(ConfigIssue));

        /// <summary>Adds an issue found after parsing (a CA file, the client id).</summary>
        public void Add(ConfigIssue issue)
        {
            _issues.Add(issue);
            ErrorCount += issue.IsError ? 1 : 0;
        }

        /// <summary>One line per issue (<c>error: path: message</c>, errors first), as printed by every front end.</summary>
        public string[] Lines()
        {
            string[] lines = new string[_issues.Count];
            int errors = 0;
            int warnings = ErrorCount;
            for (int i = 0; i < lines.Length; i++)
            {
                ConfigIssue issue = (ConfigIssue)_issues[i];
                lines[issue.IsError ? errors++ : warnings++] = issue.ToString();
            }

            return lines;
        }

        /// <summary>Adds an error unless <paramref name="message"/> is null (no problem).</summary>
        internal void Error(string path, string message) => Report(true, path, message);

        /// <summary>Adds a warning unless <paramref name="message"/> is null.</summary>
        internal void Warning(string path, string message) => Report(false, path, message);

        private void Report(bool error, string path, string message)
        {
            if (message != null)
            {
                Add(new ConfigIssue(error, path, message));
            }
        }
    }
}
