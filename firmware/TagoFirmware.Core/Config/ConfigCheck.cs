namespace TagoFirmware.Config
{
    /// <summary>
    /// The config check behind the host twin's <c>--check-config FILE</c>, which flash.ps1 runs before writing a config
    /// to a board: the same parser and validator as the firmware, as printable lines and an exit code.
    /// </summary>
    public static class ConfigCheck
    {
        /// <summary>Exit code of a valid config (warnings allowed).</summary>
        public const int ExitValid = 0;

        /// <summary>Exit code of an invalid config (the twin's "usage or config error").</summary>
        public const int ExitInvalid = 2;

        /// <summary>
        /// Checks a config file's bytes with the file-level rules of <see cref="NodeConfigParser"/> only. The firmware,
        /// the twin's <c>--check-config</c> and flash.ps1 use <c>TagoFirmware.Node.NodeConfigLoader.Check</c>, which adds
        /// the sampling minimum derived from the sensors' read pipelines.
        /// </summary>
        /// <param name="fileBytes">The file's content; null means the file could not be read.</param>
        /// <param name="rules">External validation parameters; null uses the device defaults.</param>
        /// <param name="lines">The lines to print.</param>
        /// <returns><see cref="ExitValid"/> or <see cref="ExitInvalid"/>.</returns>
        public static int Run(byte[] fileBytes, ConfigRules rules, out string[] lines)
        {
            return Report(NodeConfigParser.Parse(fileBytes, rules), out lines);
        }

        /// <summary>
        /// Turns a parse result into printable lines: one per error (first) and warning, then a verdict line, and for
        /// a valid config its redacted summary (no token, no WiFi password).
        /// </summary>
        /// <param name="result">A parse result.</param>
        /// <param name="lines">The lines to print.</param>
        /// <returns><see cref="ExitValid"/> or <see cref="ExitInvalid"/>.</returns>
        public static int Report(ConfigResult result, out string[] lines)
        {
            string[] issues = result.Lines();
            string[] summary = result.IsValid ? result.Config.Summary(null) : new string[0];
            lines = new string[issues.Length + 1 + summary.Length];
            for (int i = 0; i < issues.Length; i++)
            {
                lines[i] = issues[i];
            }

            lines[issues.Length] = result.IsValid
                ? "config valid (" + result.WarningCount + " warning" + (result.WarningCount == 1 ? ")" : "s)")
                : "config invalid: " + result.ErrorCount + " error" + (result.ErrorCount == 1 ? string.Empty : "s") + ", "
                    + result.WarningCount + " warning" + (result.WarningCount == 1 ? string.Empty : "s");
            for (int i = 0; i < summary.Length; i++)
            {
                lines[issues.Length + 1 + i] = summary[i];
            }

            return result.IsValid ? ExitValid : ExitInvalid;
        }
    }
}
