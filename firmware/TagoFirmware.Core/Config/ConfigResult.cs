using System.Collections;

namespace TagoFirmware.Config
{
    /// <summary>The outcome of reading a config: the parsed configuration and every error and warning found.</summary>
    public sealed class ConfigResult
    {
        private readonly ConfigIssue[] _issues;

        /// <summary>Creates a result from a parsed config and the issues found.</summary>
        public ConfigResult(NodeConfig config, ArrayList issues)
        {
            Config = config;
            _issues = new ConfigIssue[issues == null ? 0 : issues.Count];
            for (int i = 0; i < _issues.Length; i++)
            {
                _issues[i] = (ConfigIssue)issues[i];
                ErrorCount += _issues[i].IsError ? 1 : 0;
            }
        }

        /// <summary>The configuration: file values over defaults. Never null; use it only when <see cref="IsValid"/>.</summary>
        public NodeConfig Config { get; }

        /// <summary>True when there is no error (warnings allowed).</summary>
        public bool IsValid => ErrorCount == 0;

        /// <summary>Number of errors.</summary>
        public int ErrorCount { get; }

        /// <summary>Number of warnings.</summary>
        public int WarningCount => _issues.Length - ErrorCount;

        /// <summary>Every issue, errors and warnings, in the order found (a copy).</summary>
        public ConfigIssue[] Issues => (ConfigIssue[])_issues.Clone();

        /// <summary>The first error with this exact path, or null.</summary>
        public ConfigIssue FindError(string path) => Find(path, true);

        /// <summary>The first warning with this exact path, or null.</summary>
        public ConfigIssue FindWarning(string path) => Find(path, false);

        /// <summary>One line per issue (<c>error: path: message</c>, errors first), as printed by every front end.</summary>
        public string[] Lines()
        {
            string[] lines = new string[_issues.Length];
            int errors = 0;
            int warnings = ErrorCount;
            for (int i = 0; i < _issues.Length; i++)
            {
                lines[_issues[i].IsError ? errors++ : warnings++] = _issues[i].ToString();
            }

            return lines;
        }

        private ConfigIssue Find(string path, bool error)
        {
            for (int i = 0; i < _issues.Length; i++)
            {
                if (_issues[i].IsError == error && _issues[i].Path == path)
                {
                    return _issues[i];
                }
            }

            return null;
        }
    }
}
