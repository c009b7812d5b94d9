using System;
using System.Globalization;
using System.IO;
using System.Text;
using TagoFirmware.Config;
using TagoFirmware.Node;

namespace TagoFirmware.Host.Cli
{
    /// <summary>
    /// --check-config and --config, both through the core's <see cref="NodeConfigLoader"/> (parser, validator and the
    /// read pipelines' sampling minimum): the same rules the firmware applies at boot.
    /// </summary>
    public static class TwinConfigCheck
    {
        /// <summary>Validates a configuration file with the device's rules; prints each error and warning, then a verdict.</summary>
        /// <param name="path">File path.</param>
        /// <param name="output">Standard output (issues, verdict, redacted summary).</param>
        /// <param name="error">Standard error (unreadable file).</param>
        /// <returns>0 valid, 2 invalid.</returns>
        public static int Run(string path, TextWriter output, TextWriter error)
        {
            byte[] bytes = Read(path, "--check-config", error);
            if (bytes == null)
            {
                return TwinExitCode.UsageError;
            }

            int code = NodeConfigLoader.Check(bytes, null, out string[] lines);
            foreach (string line in lines)
            {
                output.WriteLine(line);
            }

            return code == ConfigCheck.ExitValid ? TwinExitCode.Done : TwinExitCode.UsageError;
        }

        /// <summary>
        /// Applies a configuration file to the options: every value the command line did not give explicitly comes
        /// from the file. WiFi is not required (the host's network stands in for it); the token may come from
        /// --token / TAGO_DEVICE_TOKEN instead of the file.
        /// </summary>
        /// <param name="path">File path.</param>
        /// <param name="options">Options to fill.</param>
        /// <param name="error">Where errors go (one line per issue, naming the field).</param>
        /// <returns>0 when applied, 2 when invalid.</returns>
        public static int Apply(string path, TwinOptions options, TextWriter error)
        {
            byte[] bytes = Read(path, "--config", error);
            if (bytes == null)
            {
                return TwinExitCode.UsageError;
            }

            var rules = new ConfigRules { RequireWifi = false, RequireToken = options.Token == null };
            ConfigResult result = NodeConfigLoader.Parse(bytes, rules);
            foreach (string line in result.Lines())
            {
                error.WriteLine(line);
            }

            if (!result.IsValid)
            {
                error.WriteLine("error: --config file '" + path + "' is invalid (" + result.ErrorCount.ToString(CultureInfo.InvariantCulture) + " error(s))");
                return TwinExitCode.UsageError;
            }

            NodeConfig config = result.Config;
            options.FileConfig = config;
            options.FileBytes = bytes;
            MqttConfig mqtt = config.Mqtt;
            if (!options.Given.Contains("--token") && config.Token != null)
            {
                options.Token = config.Token;
            }

            if (!options.Given.Contains("--broker"))
            {
                options.Broker = mqtt.Host;
            }

            if (!options.Given.Contains("--port"))
            {
                options.Port = mqtt.Port;
            }

            if (!options.Given.Contains("--plaintext"))
            {
                options.Plaintext = !mqtt.Tls;
            }

            if (!options.Given.Contains("--client-id") && mqtt.ClientId != null)
            {
                options.ClientId = mqtt.ClientId;
            }

            if (!options.Given.Contains("--topic"))
            {
                options.Topic = mqtt.DataTopic;
            }

            if (!options.Given.Contains("--qos"))
            {
                options.Qos = mqtt.Qos;
            }

            options.KeepAliveSeconds = mqtt.KeepAliveSeconds;
            if (!options.Given.Contains("--interval"))
            {
                options.IntervalSeconds = config.Sampling.IntervalSeconds;
            }

            if (!options.Given.Contains("--batch"))
            {
                options.Batch = config.Sampling.Batch;
            }

            if (!options.Given.Contains("--auth-retry"))
            {
                options.AuthRetrySeconds = config.Timeouts.AuthRetrySeconds;
            }

            options.AckTimeoutSeconds = config.Timeouts.AckSeconds;
            if (!options.Given.Contains("--sleep"))
            {
                options.Sleep = config.Sleep.Mode == SleepMode.Deep;
            }

            if (!options.Given.Contains("--ca") && mqtt.CaCertificates.Length > 0)
            {
                var pem = new StringBuilder();
                string folder = Path.GetDirectoryName(Path.GetFullPath(path));
                foreach (string entry in mqtt.CaCertificates)
                {
                    if (entry.StartsWith("-----BEGIN", StringComparison.Ordinal))
                    {
                        pem.Append(entry).Append('\n');
                        continue;
                    }

                    string file = Path.IsPathRooted(entry) ? entry : Path.Combine(folder, entry);
                    if (!File.Exists(file))
                    {
                        error.WriteLine("error: mqtt.ca_certificates: file '" + entry + "' does not exist (relative to the config file)");
                        return TwinExitCode.UsageError;
                    }

                    pem.Append(File.ReadAllText(file)).Append('\n');
                }

                options.CaPem = pem.ToString();
            }

            return TwinExitCode.Done;
        }

        private static byte[] Read(string path, string option, TextWriter error)
        {
            try
            {
                return File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                error.WriteLine("error: " + option + " file '" + path + "' cannot be read: " + ex.Message);
                return null;
            }
        }
    }
}
