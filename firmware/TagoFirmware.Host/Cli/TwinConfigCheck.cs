using System.IO;

namespace TagoFirmware.Host.Cli
{
    /// <summary>
    /// --check-config and --config. Validation belongs to the core's config parser
    /// (TagoFirmware.Config.NodeConfigParser); until it is merged, a file is only checked for existence.
    /// </summary>
    public static class TwinConfigCheck
    {
        /// <summary>Validates a configuration file; prints each error.</summary>
        /// <param name="path">File path.</param>
        /// <param name="output">Standard output.</param>
        /// <param name="error">Standard error.</param>
        /// <returns>0 valid, 2 invalid.</returns>
        public static int Run(string path, TextWriter output, TextWriter error)
        {
            if (!File.Exists(path))
            {
                error.WriteLine("error: --check-config file '" + path + "' does not exist");
                return TwinExitCode.UsageError;
            }

            error.WriteLine("error: --check-config: the node configuration parser is not available in this build");
            return TwinExitCode.UsageError;
        }

        /// <summary>Applies a configuration file to the options.</summary>
        /// <param name="path">File path.</param>
        /// <param name="options">Options to fill (command-line options win).</param>
        /// <param name="error">Standard error.</param>
        /// <returns>0 when applied, 2 when invalid.</returns>
        public static int Apply(string path, TwinOptions options, TextWriter error)
        {
            if (!File.Exists(path))
            {
                error.WriteLine("error: --config file '" + path + "' does not exist");
                return TwinExitCode.UsageError;
            }

            error.WriteLine("error: --config: the node configuration parser is not available in this build");
            return TwinExitCode.UsageError;
        }
    }
}
