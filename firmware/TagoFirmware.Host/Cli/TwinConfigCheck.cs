using System;
using System.Globalization;
using System.IO;
using TagoFirmware.Boot;
using TagoFirmware.Config;
using TagoFirmware.Host.Tls;

namespace TagoFirmware.Host.Cli
{
    /// <summary>--check-config and --config: the file through the device's boot path (<see cref="ConfigBoot"/>), with the
    /// <see cref="ConfigReference.Supplied"/> secrets taken from flags or the environment.</summary>
    public static class TwinConfigCheck
    {
        /// <summary>Validates a config file with the device's rules and prints its issues, a verdict and, when valid, the redacted summary; 0 valid, 2 invalid or unreadable.</summary>
        public static int Run(string path, TwinOptions options, TextWriter output, TextWriter error)
        {
            ConfigResult result = Load(path, Supplied(options, true), true, error, output);
            if (result == null)
            {
                return TwinExitCode.UsageError;
            }

            int warnings = result.Lines().Length - result.ErrorCount;
            output.WriteLine(result.IsValid
                ? "config valid (" + Count(warnings, "warning") + ")"
                : "config invalid: " + Count(result.ErrorCount, "error") + ", " + Count(warnings, "warning"));
            foreach (string line in result.IsValid ? result.Config.Summary(null) : Array.Empty<string>())
            {
                output.WriteLine(line);
            }

            return result.IsValid ? TwinExitCode.Done : TwinExitCode.UsageError;
        }

        /// <summary>Fills the options the command line did not give from the config file (WiFi not required): 0 applied, 2 invalid.</summary>
        public static int Apply(string path, TwinOptions options, TextWriter error)
        {
            ConfigResult result = Load(path, Supplied(options, false), false, error, error);
            if (result == null)
            {
                return TwinExitCode.UsageError;
            }

            if (!result.IsValid)
            {
                error.WriteLine("error: --config file '" + path + "' is invalid (" + Count(result.ErrorCount, "error") + ")");
                return TwinExitCode.UsageError;
            }

            NodeConfig config = result.Config;
            (options.Node.Config, options.Node.ConfigBytes) = (config, File.ReadAllBytes(path));
            options.Token ??= config.Text(ConfigKeys.Token);
            bool Free(string flag) => !options.Given.Contains(flag); // the command line did not give it
            options.Broker = Free("--broker") ? config.MqttHost : options.Broker;
            options.Port = Free("--port") ? config.Int(ConfigKeys.MqttPort) : options.Port;
            options.Plaintext = Free("--plaintext") ? !config.Flag(ConfigKeys.MqttTls) : options.Plaintext;
            options.ClientId = (Free("--client-id") ? config.Text(ConfigKeys.MqttClientId) : null) ?? options.ClientId;
            options.IntervalSeconds = Free("--interval") ? config.Int(ConfigKeys.SamplingInterval) : options.IntervalSeconds;
            options.Sleep = Free("--sleep") ? config.Flag(ConfigKeys.DeepSleep) : options.Sleep;
            options.Transport ??= config.Transport;
            options.Serial ??= config.Text(ConfigKeys.TagoTipSerial);
            options.AuthHash ??= config.Text(ConfigKeys.TagoTipAuthHash);
            options.CaPem = Free("--ca") && config.CaCertificates.Length > 0 ? string.Join("\n", config.CaCertificates) + "\n" : options.CaPem;
            return TwinExitCode.Done;
        }

        // The boot path plus the CA check the device leaves to its TLS stack; null when the file cannot be read (reported).
        private static ConfigResult Load(string path, string[] supplied, bool requireWifi, TextWriter error, TextWriter issues)
        {
            if (!File.Exists(path))
            {
                error.WriteLine("error: config file '" + path + "' cannot be read: it does not exist");
                return null;
            }

            ConfigResult result = new ConfigBoot(new ConfigFolderReader(path), path, supplied, requireWifi, "twin", null).Load();
            string[] cas = result.IsValid && result.Config.Flag(ConfigKeys.MqttTls) ? result.Config.CaCertificates : Array.Empty<string>();
            for (int i = 0; i < cas.Length; i++)
            {
                CaPinnedValidator.Check(cas[i], "mqtt.ca_certificates[" + i + "]", result);
            }

            foreach (string line in result.Lines())
            {
                issues.WriteLine(line);
            }

            return result;
        }

        /// <summary>The secrets of <see cref="ConfigReference.Supplied"/> from flags or the environment, by <see cref="ConfigKey.Id"/>; without WiFi the WiFi keys stay the file's.</summary>
        private static string[] Supplied(TwinOptions options, bool requireWifi)
        {
            var supplied = new string[ConfigKeys.Rows.Length];
            foreach (var s in ConfigReference.Supplied)
            {
                string value = s.Key == ConfigKeys.Token ? options.Token
                    : s.Key == ConfigKeys.TagoTipAuthHash ? options.AuthHash // flag or TAGO_TIP_AUTH, a token already hashed
                    : s.Key == ConfigKeys.TagoTipSerial && options.Serial != null ? options.Serial
                    : !requireWifi && s.Key.Path.StartsWith("wifi.", StringComparison.Ordinal) ? null
                    : (options.Supplied.TryGetValue(s.Flag, out string given) ? given : Environment.GetEnvironmentVariable(s.Variable));
                supplied[s.Key.Id] = string.IsNullOrEmpty(value) ? null : value;
            }

            return supplied;
        }

        private static string Count(int n, string what) => n.ToString(CultureInfo.InvariantCulture) + " " + what + (n == 1 ? string.Empty : "s");
    }
}
