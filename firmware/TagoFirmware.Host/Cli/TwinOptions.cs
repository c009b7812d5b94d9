using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TagoFirmware.Config;
using TagoFirmware.Host.Node;
using TagoFirmware.Host.TagoTip;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Host.Cli
{
    /// <summary>The twin's command line and its parser; errors name the flag and never repeat a hash or a token.</summary>
    public sealed class TwinOptions
    {
        /// <summary>Environment variable holding the device token when --token is not given.</summary>
        public const string TokenVariable = "TAGO_DEVICE_TOKEN";

        /// <summary>Environment variable holding a TagoTiP authorization hash or an <c>at…</c> token.</summary>
        public const string TipAuthVariable = "TAGO_TIP_AUTH";

        /// <summary>Usage text: every flag of the parser's tables, wrapped, then the notes.</summary>
        public static string Usage => Regex.Replace("usage: TagoFirmware.Host " + string.Join(" ", s_values.Select(f => "[" + f.Key + " " + f.Value.Arg + "]")
            .Concat(s_switches.Where(f => f is not ("--help" or "-h")).Select(f => "[" + f + "]"))), @"(.{1,110}\])(?: |$)", "$1\n  ") +
            "no --broker: an embedded TLS server on 127.0.0.1 (TagoTiP, or TagoIO-like legacy) prints what it receives.\n" +
            "  token: --token or env " + TokenVariable + "; TagoTiP hash: --auth-hash, --auth-token or env " + TipAuthVariable + " (a hash\n" +
            "  or an at... token), never printed. --check-config: --token, --wifi-ssid, --wifi-password (or env " + TokenVariable + ",\n" +
            "  TAGO_WIFI_SSID, TAGO_WIFI_PASSWORD) win over the file's values. every option: docs/twin.md. exit codes: 0 done,\n" +
            "  2 usage/config error, 3 credentials refused, 4 TLS/certificate failure, 5 timeout.";

        /// <summary>Broker host; null starts the embedded broker or TagoTiP server.</summary>
        public string Broker { get; set; }

        /// <summary>Broker port; 0 means 8883 (TLS) or 1883 (--plaintext).</summary>
        public int Port { get; set; }

        /// <summary>PEM file of the CA certificate(s) the broker's certificate must chain to.</summary>
        public string CaFile { get; set; }

        /// <summary>Device token (or TAGO_DEVICE_TOKEN). Secret.</summary>
        public string Token { get; set; }

        /// <summary>MQTT client id; null derives "twin-" + a stable machine-based suffix.</summary>
        public string ClientId { get; set; }

        /// <summary>Real seconds between sampling cycles (12, the DHT22 minimum); in battery mode the wake interval.</summary>
        public double IntervalSeconds { get; set; } = 12;

        /// <summary>Exit 0 after this many acknowledged data payloads; 0 runs until stopped.</summary>
        public int Count { get; set; }

        /// <summary>Exit 5 after this many seconds; 0 means never.</summary>
        public double TimeoutSeconds { get; set; }

        /// <summary>Plain TCP instead of TLS.</summary>
        public bool Plaintext { get; set; }

        /// <summary>Node configuration file (--config).</summary>
        public string ConfigFile { get; set; }

        /// <summary>Only validate this configuration file and exit 0 or 2 (--check-config).</summary>
        public string CheckConfigFile { get; set; }

        /// <summary>Battery mode: sample, publish, "deep sleep" between wakes.</summary>
        public bool Sleep { get; set; }

        /// <summary>Keep running after refused credentials or a TLS failure instead of exiting 3/4.</summary>
        public bool Stay => Given.Contains("--stay");

        /// <summary>Seed of the simulated sensor and the backoff jitter; null derives one with <see cref="DefaultSeed"/>.</summary>
        public int? Seed { get; set; }

        /// <summary>Write debug lines too.</summary>
        public bool Verbose => Given.Contains("--verbose");

        /// <summary>CA certificates as PEM (from --ca or the config file); null uses the OS trust store.</summary>
        public string CaPem { get; set; }

        /// <summary>Keep the queue and the overrides in RAM only.</summary>
        public bool NoPersist => Given.Contains("--no-persist");

        /// <summary>The node's settings: --sensor-failure-rate, --time-scale, --data-dir and the --config file's configuration.</summary>
        public TwinNodeSettings Node { get; } = new TwinNodeSettings();

        /// <summary>Flags that only set a configuration value (--topic, --qos, --batch, ...), applied over the file's or the default configuration.</summary>
        public List<Action<NodeConfig>> Overlay { get; } = new List<Action<NodeConfig>>();

        /// <summary>Stop after this many wakes; 0 runs until --count, --timeout or Ctrl+C.</summary>
        public int Wakes { get; set; }

        /// <summary>Config values given by flag instead of the file (<see cref="ConfigReference.Supplied"/>), by flag.</summary>
        public Dictionary<string, string> Supplied { get; } = new Dictionary<string, string>();

        /// <summary>Flags given on the command line (they win over the config file).</summary>
        public HashSet<string> Given { get; } = new HashSet<string>();

        /// <summary><c>tagotip</c> or <c>tago-mqtt-json</c>; null leaves it to the config file, else <c>tagotip</c>.</summary>
        public string Transport { get; set; }

        /// <summary>TagoTiP device serial (also the client id); null generates one for the embedded server.</summary>
        public string Serial { get; set; }

        /// <summary>TagoTiP authorization hash, 16 lowercase hex. Secret.</summary>
        public string AuthHash { get; set; }

        /// <summary>TagoTiP region, <c>us-e1</c> or <c>eu-w1</c>; null keeps the configuration's.</summary>
        public string Region { get; set; }

        /// <summary>Fault the embedded TagoTiP server injects, or null.</summary>
        public (string Kind, double Probability)? TipFault { get; set; }

        /// <summary>Check the TagoTiP credentials with one frame and exit.</summary>
        public bool CheckCredentials => Given.Contains("--check-credentials");

        /// <summary>Print usage and exit 0.</summary>
        public bool Help => Given.Contains("--help") || Given.Contains("-h");

        /// <summary>The seed without --seed: the client id and the start time mixed, so twins draw different backoffs.</summary>
        public static int DefaultSeed(string clientId, long startTicks) => HashCode.Combine(clientId, startTicks);

        /// <summary>The TagoTiP authorization hash of an <c>at</c> + 32 hex token, or null: derived here, so the token never goes on a device.</summary>
        /// <remarks>First 8 bytes of SHA-256 of the token without <c>at</c>, lowercase hex (TagoTiP 1.0 §2, https://github.com/tago-io/tagotip).</remarks>
        public static string HashOfToken(string token)
            => token != null && token.Length == 34 && token.StartsWith("at", StringComparison.Ordinal) && token.Skip(2).All(Uri.IsHexDigit) ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Substring(2))), 0, 8).ToLowerInvariant() : null;

        /// <summary>Parses arguments, with the values of <see cref="TokenVariable"/> and <see cref="TipAuthVariable"/> (null if unset).</summary>
        public static bool TryParse(string[] args, string environmentToken, string environmentTipAuth, out TwinOptions options, out string error)
        {
            options = new TwinOptions();
            error = null;
            for (int i = 0; i < args.Length && error == null; i++)
            {
                string name = args[i];
                options.Given.Add(name); // only read after a clean parse
                error = s_switches.Contains(name) ? null
                    : !s_values.TryGetValue(name, out var flag)
                        ? (name.StartsWith("--", StringComparison.Ordinal) ? "unknown option '" : "unexpected argument '") + name + "'"
                    : i + 1 >= args.Length ? name + " needs a value"
                    : (name is "--auth-hash" or "--auth-token") && options.AuthHash != null ? "give the TagoTiP authorization once: --auth-hash or --auth-token"
                    : flag.Read(options, args[++i]) is string problem ? name + " " + problem : null;
            }

            (options.Plaintext, options.Sleep) = (options.Given.Contains("--plaintext"), options.Given.Contains("--sleep"));
            error ??= Resolve(options, environmentTipAuth, environmentToken);
            return error == null;
        }

        // Flags without a value: read back from Given.
        private static readonly string[] s_switches = { "--plaintext", "--sleep", "--no-persist", "--check-credentials", "--stay", "--verbose", "--help", "-h" };

        // Flags with a value, with its name in the usage: each sets its option and returns what is wrong with the value (after the flag's name), or null.
        private static readonly Dictionary<string, (string Arg, Func<TwinOptions, string, string> Read)> s_values = new Dictionary<string, (string, Func<TwinOptions, string, string>)>
        {
            ["--broker"] = ("HOST", (o, v) => NonEmpty(o.Broker = v)),
            ["--port"] = ("N", (o, v) => Range(v, 1, 65535, x => o.Port = x)),
            ["--ca"] = ("PEM_FILE", (o, v) => NonEmpty(o.CaFile = v)),
            ["--token"] = ("TOKEN", (o, v) => NonEmpty(o.Token = v)),
            ["--client-id"] = ("ID", (o, v) => ClientIdProblem(o.ClientId = v)),
            ["--topic"] = ("TOPIC", (o, v) => { o.Overlay.Add(c => c.Set(ConfigKeys.MqttDataTopic, v)); return ConfigText.TopicProblem(v, false); }), // the rule of mqtt.data_topic
            ["--interval"] = ("SECONDS", (o, v) => Range(v, 0.05, 86400, x => o.IntervalSeconds = x)),
            ["--batch"] = ("N", (o, v) => Range(v, 1, 100, x => o.Overlay.Add(c => c.Set(ConfigKeys.SamplingBatch, x)))),
            ["--qos"] = ("0|1", (o, v) => v == "2" ? "2 is not supported: TagoIO's MQTT broker accepts QoS 0 and 1 only" : Range(v, 0, 1, x => o.Overlay.Add(c => c.Set(ConfigKeys.MqttQos, x)))),
            ["--count"] = ("N", (o, v) => Range(v, 1, int.MaxValue, x => o.Count = x)),
            ["--timeout"] = ("SECONDS", (o, v) => Range(v, 0.1, 31536000, x => o.TimeoutSeconds = x)),
            ["--config"] = ("FILE", (o, v) => NonEmpty(o.ConfigFile = v)),
            ["--check-config"] = ("FILE", (o, v) => NonEmpty(o.CheckConfigFile = v)),
            ["--auth-retry"] = ("SECONDS", (o, v) => Range(v, 0.1, 86400, x => o.Overlay.Add(c => c.Set(ConfigKeys.TimeoutAuthRetry, Math.Max(1, (int)Math.Ceiling(x)))))),
            ["--sensor-failure-rate"] = ("P", (o, v) => Range(v, 0.0, 1.0, x => o.Node.SensorFailureRate = x)),
            ["--data-dir"] = ("DIR", (o, v) => NonEmpty(o.Node.DataDirectory = v)),
            ["--time-scale"] = ("K", (o, v) => Range(v, 0.01, 10000, x => o.Node.TimeScale = x)),
            ["--queue-capacity"] = ("N", (o, v) => Range(v, ConfigKeys.QueueCapacity.Min, ConfigKeys.QueueCapacity.Max, x => o.Overlay.Add(c => c.Set(ConfigKeys.QueueCapacity, x)))),
            ["--wake-interval"] = ("SECONDS", (o, v) => Range(v, 1, 86400, x => o.Overlay.Add(c => c.Set(ConfigKeys.SleepWakeInterval, x)))),
            ["--publish-every"] = ("N", (o, v) => Range(v, 1, 1000, x => o.Overlay.Add(c => c.Set(ConfigKeys.SleepPublishEvery, x)))),
            ["--wakes"] = ("N", (o, v) => Range(v, 1, int.MaxValue, x => o.Wakes = x)),
            ["--seed"] = ("N", (o, v) => Range(v, int.MinValue, int.MaxValue, x => o.Seed = x)),
            ["--wifi-ssid"] = ("NAME", (o, v) => NonEmpty(o.Supplied["--wifi-ssid"] = v)),
            ["--wifi-password"] = ("PASSWORD", (o, v) => NonEmpty(o.Supplied["--wifi-password"] = v)),
            ["--transport"] = ("tagotip|tago-mqtt-json", (o, v) => Unless((o.Transport = v) is NodeConfig.TransportTagoTip or NodeConfig.TransportMqttJson,
                "must be " + NodeConfig.TransportTagoTip + " or " + NodeConfig.TransportMqttJson + ", got '" + v + "'")),
            ["--serial"] = ("S", (o, v) => Unless(TagoTipCredentials.IsValidSerial(o.Serial = v), "must be 1 to 100 characters of A-Z a-z 0-9 _ - (the serial of the TagoTiP device), got '" + v + "'")),
            ["--auth-hash"] = ("H", (o, v) => Unless(TagoTipCredentials.IsValidHash(o.AuthHash = v?.ToLowerInvariant()), "must be the 16 hexadecimal characters of the Authorization's hash (value not shown)")),
            ["--auth-token"] = ("at...", (o, v) => Unless((o.AuthHash = HashOfToken(v)) != null, "must be an Authorization token: \"at\" and 32 hexadecimal characters (value not shown)")),
            ["--region"] = ("us-e1|eu-w1", (o, v) => Unless((o.Region = v) is "us-e1" or "eu-w1", "must be us-e1 or eu-w1, got '" + v + "'")),
            ["--min-session"] = ("SECONDS", (o, v) => Range(v, 1, 86400, x => o.Overlay.Add(c => c.Set(ConfigKeys.TagoTipMinSession, x)))),
            ["--tip-fault"] = ("KIND[:P]", (o, v) => Unless(TagoTipFrameJudge.TryParseFault(v, out var fault) && (o.TipFault = fault) != null,
                "must be KIND or KIND:P with KIND one of " + string.Join(", ", TagoTipFrameJudge.FaultKinds) + " and P from 0 to 1, got '" + v + "'")),
        };

        // Without --transport: TagoTiP flags pick tagotip, --token the legacy one (both: an error), then TAGO_TIP_AUTH before
        // TAGO_DEVICE_TOKEN; nothing leaves it to a --config file, else tagotip. Returns the error, or null.
        private static string Resolve(TwinOptions o, string environmentTipAuth, string environmentToken)
        {
            bool tipFlags = o.Serial != null || o.AuthHash != null;
            bool envTip = !string.IsNullOrEmpty(environmentTipAuth);
            if (o.Transport == null && tipFlags && o.Token != null)
            {
                return "TagoTiP credentials and a device token were both given: choose with --transport " + NodeConfig.TransportTagoTip + " or " + NodeConfig.TransportMqttJson;
            }

            o.Transport ??= tipFlags ? NodeConfig.TransportTagoTip : o.Token != null ? NodeConfig.TransportMqttJson
                : envTip ? NodeConfig.TransportTagoTip : !string.IsNullOrEmpty(environmentToken) ? NodeConfig.TransportMqttJson : null;
            if (o.AuthHash == null && envTip)
            {
                string value = environmentTipAuth.Trim(); // a token (hashed here) or a hash
                o.AuthHash = HashOfToken(value) ?? (TagoTipCredentials.IsValidHash(value) ? value.ToLowerInvariant() : null);
                if (o.AuthHash == null)
                {
                    return TipAuthVariable + " must hold an Authorization hash (16 hexadecimal characters) or token (\"at\" and 32 hexadecimal characters); value not shown";
                }
            }

            o.Token ??= string.IsNullOrEmpty(environmentToken) ? null : environmentToken;

            bool legacy = o.Transport == NodeConfig.TransportMqttJson;
            return o.CheckCredentials && (legacy || o.Serial == null || o.AuthHash == null)
                    ? "--check-credentials needs --serial and --auth-hash, --auth-token or " + TipAuthVariable + " (TagoTiP only)"
                : o.TipFault != null && o.Broker != null ? "--tip-fault works with the embedded TagoTiP server only (no --broker)"
                : o.Broker != null && o.CheckConfigFile == null && o.ConfigFile == null ? MissingCredentials(o, !legacy)
                : o.NoPersist && o.Node.DataDirectory != null ? "--no-persist and --data-dir exclude each other"
                : o.Broker == null && o.Plaintext && o.ConfigFile == null ? "--plaintext needs --broker (the embedded broker speaks TLS only)"
                : null;
        }

        /// <summary>The error for an external broker without the credentials of its transport, or null.</summary>
        internal static string MissingCredentials(TwinOptions o, bool tip) =>
            tip && (o.Serial == null || o.AuthHash == null) ? "--broker needs --serial and --auth-hash, --auth-token or " + TipAuthVariable + " (TagoTiP), or --token (legacy)"
            : !tip && o.Token == null ? "--token (or " + TokenVariable + ") is required with --broker"
            : null;


        private static string Unless(bool valid, string problem) => valid ? null : problem;

        private static string NonEmpty(string value) => Unless(!string.IsNullOrWhiteSpace(value), "must not be empty");

        // MQTT 3.1.1 §3.1.3.1: brokers must accept 1-23 chars of [0-9a-zA-Z] and may accept more; keep it printable.
        private static string ClientIdProblem(string value) => string.IsNullOrEmpty(value) || value.Length > 64 ? "must be 1 to 64 characters"
            : Unless(value.All(c => c > ' ' && c <= '~' && c != '+' && c != '#' && c != '/'), "may contain printable ASCII without spaces, '/', '+' or '#'");

        private static string Range<T>(string value, T min, T max, Action<T> set) where T : INumber<T>
        {
            bool integer = typeof(T) == typeof(int);
            bool ok = T.TryParse(value, integer ? NumberStyles.Integer : NumberStyles.Float, CultureInfo.InvariantCulture, out T result) && result >= min && result <= max;
            set(result);
            return Unless(ok, "must be " + (integer ? "an integer" : "a number") + " from " + min.ToString(null, CultureInfo.InvariantCulture) + " to " + max.ToString(null, CultureInfo.InvariantCulture) + ", got '" + value + "'");
        }
    }
}
