using System.Collections;

namespace TagoFirmware.Config
{
    /// <summary>The outcome of reading a config: the parsed configuration and every error and warning found.</summary>
    public sealed class ConfigResult
    {
        private readonly ConfigIssue[] _issues;

        /// <summary>Creates a result from a parsed config and the issues found.</summary>
        /// <param name="config">The configuration (defaults where the file had nothing usable).</param>
        /// <param name="issues">ArrayList of <see cref="ConfigIssue"/>, in the order found.</param>
        public ConfigResult(NodeConfig config, ArrayList issues)
        {
            Config = config;
            int count = issues == null ? 0 : issues.Count;
            _issues = new ConfigIssue[count];
            for (int i = 0; i < count; i++)
            {
                ConfigIssue issue = (ConfigIssue)issues[i];
                _issues[i] = issue;
                if (issue.Severity == ConfigSeverity.Error)
                {
                    ErrorCount++;
                }
                else
                {
                    WarningCount++;
                }
            }
        }

        /// <summary>The configuration: file values over defaults. Never null; use it only when <see cref="IsValid"/>.</summary>
        public NodeConfig Config { get; private set; }

        /// <summary>True when there is no error (warnings allowed).</summary>
        public bool IsValid
        {
            get { return ErrorCount == 0; }
        }

        /// <summary>Number of errors.</summary>
        public int ErrorCount { get; private set; }

        /// <summary>Number of warnings.</summary>
        public int WarningCount { get; private set; }

        /// <summary>Every issue, errors and warnings, in the order found (a copy).</summary>
        public ConfigIssue[] Issues
        {
            get
            {
                ConfigIssue[] copy = new ConfigIssue[_issues.Length];
                for (int i = 0; i < _issues.Length; i++)
                {
                    copy[i] = _issues[i];
                }

                return copy;
            }
        }

        /// <summary>The first error with this exact path, or null (handy in tests and for the LED/log of the safe state).</summary>
        /// <param name="path">A field path such as <c>mqtt.qos</c>.</param>
        /// <returns>The issue or null.</returns>
        public ConfigIssue FindError(string path)
        {
            return Find(path, ConfigSeverity.Error);
        }

        /// <summary>The first warning with this exact path, or null.</summary>
        /// <param name="path">A field path such as <c>mqtt.tls</c>.</param>
        /// <returns>The issue or null.</returns>
        public ConfigIssue FindWarning(string path)
        {
            return Find(path, ConfigSeverity.Warning);
        }

        /// <summary>One line per issue (<c>error: path: message</c>, errors first), as printed by every front end.</summary>
        /// <returns>The lines; empty when there is nothing to report.</returns>
        public string[] Lines()
        {
            string[] lines = new string[_issues.Length];
            int n = 0;
            for (int pass = 0; pass < 2; pass++)
            {
                ConfigSeverity wanted = pass == 0 ? ConfigSeverity.Error : ConfigSeverity.Warning;
                for (int i = 0; i < _issues.Length; i++)
                {
                    if (_issues[i].Severity == wanted)
                    {
                        lines[n++] = _issues[i].ToString();
                    }
                }
            }

            return lines;
        }

        private ConfigIssue Find(string path, ConfigSeverity severity)
        {
            for (int i = 0; i < _issues.Length; i++)
            {
                if (_issues[i].Severity == severity && _issues[i].Path == path)
                {
                    return _issues[i];
                }
            }

            return null;
        }
    }
}
