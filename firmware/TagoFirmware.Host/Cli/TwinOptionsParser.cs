using System;
using System.Globalization;

namespace TagoFirmware.Host.Cli
{
    /// <summary>Parses the twin's command line. Errors name the option, for exit code 2.</summary>
    public static class TwinOptionsParser
    {
        /// <summary>Environment variable holding the device token when --token is not given.</summary>
        public const string TokenVariable = "TAGO_DEVICE_TOKEN";

        /// <summary>Usage text.</summary>
        public const string Usage =
            "usage: TagoFirmware.Host [--broker HOST] [--port N] [--ca PEM_FILE] [--token TOKEN] [--client-id ID]\n" +
            "                         [--topic TOPIC] [--interval SECONDS] [--batch N] [--qos 0|1] [--count N]\n" +
            "                         [--timeout SECONDS] [--plaintext] [--config FILE] [--check-config FILE] [--sleep]\n" +
            "                         [--auth-retry SECONDS] [--stay] [--sensor-failure-rate P] [--seed N] [--verbose]\n" +
            "                         [--data-dir DIR] [--no-persist] [--time-scale K] [--queue-capacity N]\n" +
            "                         [--wake-interval SECONDS] [--publish-every N] [--wakes N]\n" +
            "                         [--wifi-ssid NAME] [--wifi-password PASSWORD]\n" +
            TwinTransportOptions.Usage + "\n" +
            "  --data-dir: queue log and command overrides (default .tago-twin/<client-id>/); --no-persist: RAM only.\n" +
            "  --sleep: battery mode, each wake a fresh node over the same data dir, deep sleep between wakes.\n" +
            "  --time-scale K: simulated time runs K times faster (sampling, batching, backoff, sleep; not the network).\n" +
            "  no --broker: start an embedded TLS broker on 127.0.0.1 (a TagoTiP server, or TagoIO-like legacy) and print what it receives.\n" +
            "  token: --token or env " + TokenVariable + ". --check-config takes --token, --wifi-ssid and --wifi-password (or env\n" +
            "  " + TokenVariable + ", TAGO_WIFI_SSID, TAGO_WIFI_PASSWORD) instead of the file's values.\n" +
            "  exit codes: 0 done, 2 usage/config error, 3 credentials refused, 4 TLS/certificate failure, 5 timeout.";

        /// <summary>Parses arguments.</summary>
        /// <param name="args">Command-line arguments.</param>
        /// <param name="environmentToken">Value of TAGO_DEVICE_TOKEN (null if unset).</param>
        /// <param name="options">Parsed options on success.</param>
        /// <param name="error">Message naming the offending option on failure.</param>
        /// <returns>True on success.</returns>
        public static bool TryParse(string[] args, string environmentToken, out TwinOptions options, out string error)
        {
            return TryParse(args, environmentToken, null, out options, out error);
        }

        /// <summary>Parses arguments, with the TagoTiP authorization from the environment.</summary>
        /// <param name="args">Command-line arguments.</param>
        /// <param name="environmentToken">Value of TAGO_DEVICE_TOKEN (null if unset).</param>
        /// <param name="environmentTipAuth">Value of TAGO_TIP_AUTH, a hash or an <c>at…</c> token (null if unset).</param>
        /// <param name="options">Parsed options on success.</param>
        /// <param name="error">Message naming the offending option on failure.</param>
        /// <returns>True on success.</returns>
        public static bool TryParse(string[] args, string environmentToken, string environmentTipAuth, out TwinOptions options, out string error)
        {
            options = new TwinOptions();
            error = null;
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                switch (name)
                {
                    case "--plaintext": options.Plaintext = true; options.Given.Add(name); continue;
                    case "--sleep": options.Sleep = true; options.Given.Add(name); continue;
                    case "--stay": options.Stay = true; continue;
                    case "--no-persist": options.NoPersist = true; options.Given.Add(name); continue;
                    case "--verbose": options.Verbose = true; continue;
                    case "--check-credentials": options.CheckCredentials = true; options.Given.Add(name); continue;
                    case "-h":
                    case "--help": options.Help = true; continue;
                }

                if (!name.StartsWith("--", StringComparison.Ordinal))
                {
                    error = "unexpected argument '" + name + "'";
                    return false;
                }

                if (i + 1 >= args.Length)
                {
                    error = name + " needs a value";
                    return false;
                }

                string value = args[++i];
                options.Given.Add(name);
                switch (name)
                {
                    case "--broker": options.Broker = NonEmpty(name, value, ref error); break;
                    case "--port": options.Port = Int(name, value, 1, 65535, ref error); break;
                    case "--ca": options.CaFile = NonEmpty(name, value, ref error); break;
                    case "--token": options.Token = NonEmpty(name, value, ref error); break;
                    case "--client-id": options.ClientId = ClientId(name, value, ref error); break;
                    case "--topic": options.Topic = Topic(name, value, ref error); break;
                    case "--interval": options.IntervalSeconds = Number(name, value, 0.05, 86400, ref error); break;
                    case "--batch": options.Batch = Int(name, value, 1, 100, ref error); break;
                    case "--qos":
                        if (value == "2")
                        {
                            error = "--qos 2 is not supported: TagoIO's MQTT broker accepts QoS 0 and 1 only";
                            return false;
                        }

                        options.Qos = Int(name, value, 0, 1, ref error);
                        break;
                    case "--count": options.Count = Int(name, value, 1, int.MaxValue, ref error); break;
                    case "--timeout": options.TimeoutSeconds = Number(name, value, 0.1, 31536000, ref error); break;
                    case "--config": options.ConfigFile = NonEmpty(name, value, ref error); break;
                    case "--check-config": options.CheckConfigFile = NonEmpty(name, value, ref error); break;
                    case "--auth-retry": options.AuthRetrySeconds = Number(name, value, 0.1, 86400, ref error); break;
                    case "--sensor-failure-rate": options.SensorFailureRate = Number(name, value, 0, 1, ref error); break;
                    case "--data-dir": options.DataDirectory = NonEmpty(name, value, ref error); break;
                    case "--time-scale": options.TimeScale = Number(name, value, 0.01, 10000, ref error); break;
                    case "--queue-capacity": options.QueueCapacity = Int(name, value, TagoFirmware.Config.ConfigKeys.QueueCapacity.Min, TagoFirmware.Config.ConfigKeys.QueueCapacity.Max, ref error); break;
                    case "--wake-interval": options.WakeIntervalSeconds = Int(name, value, 1, 86400, ref error); break;
                    case "--publish-every": options.PublishEvery = Int(name, value, 1, 1000, ref error); break;
                    case "--wakes": options.Wakes = Int(name, value, 1, int.MaxValue, ref error); break;
                    case "--seed": options.Seed = Int(name, value, int.MinValue, int.MaxValue, ref error); break;
                    case "--wifi-ssid":
                    case "--wifi-password": options.Supplied[name] = NonEmpty(name, value, ref error); break;
                    default:
                        if (!TwinTransportOptions.TryRead(name, value, options, ref error))
                        {
                            error = "unknown option '" + name + "'";
                            return false;
                        }

                        break;
                }

                if (error != null)
                {
                    return false;
                }
            }

            TwinTransportOptions.Resolve(options, environmentTipAuth, environmentToken, ref error);
            if (error != null)
            {
                return false;
            }

            if (options.Token == null && !string.IsNullOrEmpty(environmentToken))
            {
                options.Token = environmentToken;
                options.Given.Add("--token");
            }

            if (options.Broker != null && options.CheckConfigFile == null && options.ConfigFile == null)
            {
                if (options.Transport == TwinTransportOptions.TagoMqttJson && options.Token == null)
                {
                    error = "--token (or " + TokenVariable + ") is required with --broker";
                    return false;
                }

                if (options.Transport != TwinTransportOptions.TagoMqttJson && (options.Serial == null || options.AuthHash == null))
                {
                    error = "--broker needs --serial and --auth-hash, --auth-token or " + TwinTransportOptions.TipAuthVariable + " (TagoTiP), or --token (legacy)";
                    return false;
                }
            }

            if (options.NoPersist && options.DataDirectory != null)
            {
                error = "--no-persist and --data-dir exclude each other";
                return false;
            }

            if (options.Broker == null && options.Plaintext && options.ConfigFile == null)
            {
                error = "--plaintext needs --broker (the embedded broker speaks TLS only)";
                return false;
            }

            return true;
        }

        private static string NonEmpty(string name, string value, ref string error)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                error = name + " must not be empty";
            }

            return value;
        }

        private static string ClientId(string name, string value, ref string error)
        {
            // MQTT 3.1.1 §3.1.3.1: 1–23 chars of [0-9a-zA-Z] must be accepted; brokers accept longer, keep it printable.
            if (string.IsNullOrEmpty(value) || value.Length > 64)
            {
                error = name + " must be 1 to 64 characters";
                return value;
            }

            foreach (char c in value)
            {
                if (c <= ' ' || c > '~' || c == '+' || c == '#' || c == '/')
                {
                    error = name + " may contain printable ASCII without spaces, '/', '+' or '#'";
                    break;
                }
            }

            return value;
        }

        private static string Topic(string name, string value, ref string error)
        {
            if (string.IsNullOrEmpty(value) || value.IndexOf('+') >= 0 || value.IndexOf('#') >= 0 || value.IndexOf('\0') >= 0)
            {
                error = name + " must be a non-empty topic without wildcards (+, #)";
            }

            return value;
        }

        private static int Int(string name, string value, int min, int max, ref string error)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result) || result < min || result > max)
            {
                error = name + " must be an integer from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture) + ", got '" + value + "'";
            }

            return result;
        }

        private static double Number(string name, string value, double min, double max, ref string error)
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result) || double.IsNaN(result) || result < min || result > max)
            {
                error = name + " must be a number from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture) + ", got '" + value + "'";
            }

            return result;
        }
    }
}
