using System;
using System.Collections.Generic;
using System.Globalization;
using TagoFirmware.Config;
using TagoFirmware.Host.TagoTip;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Host.Cli
{
    /// <summary>The twin's command line and its parser; defaults are the device's. Errors name the flag (exit 2) and never
    /// repeat a hash or a token.</summary>
    public sealed class TwinOptions
    {
        /// <summary>Environment variable holding the device token when --token is not given.</summary>
        public const string TokenVariable = "TAGO_DEVICE_TOKEN";

        /// <summary>Environment variable holding a TagoTiP authorization hash or an <c>at…</c> token.</summary>
        public const string TipAuthVariable = "TAGO_TIP_AUTH";

        /// <summary>Usage text.</summary>
        public const string Usage =
            "usage: TagoFirmware.Host [--broker HOST] [--port N] [--ca PEM_FILE] [--token TOKEN] [--client-id ID]\n" +
            "  [--topic TOPIC] [--interval SECONDS] [--batch N] [--qos 0|1] [--count N] [--timeout SECONDS] [--plaintext]\n" +
            "  [--config FILE] [--check-config FILE] [--sleep] [--auth-retry SECONDS] [--stay] [--sensor-failure-rate P]\n" +
            "  [--seed N] [--verbose] [--data-dir DIR] [--no-persist] [--time-scale K] [--queue-capacity N]\n" +
            "  [--wake-interval SECONDS] [--publish-every N] [--wakes N] [--wifi-ssid NAME] [--wifi-password PASSWORD]\n" +
            "  [--transport tagotip|tago-mqtt-json] [--serial S] [--auth-hash H | --auth-token at...] [--region us-e1|eu-w1]\n" +
            "  [--min-session SECONDS] [--tip-fault KIND[:P]] [--check-credentials]\n" +
            "  --data-dir: queue log and command overrides (default .tago-twin/<client-id>/); --no-persist: RAM only.\n" +
            "  --sleep: battery mode, each wake a fresh node over the same data dir, deep sleep between wakes.\n" +
            "  --time-scale K: simulated time runs K times faster (sampling, batching, backoff, sleep; not the network).\n" +
            "  no --broker: an embedded TLS server on 127.0.0.1 (TagoTiP, or TagoIO-like legacy) prints what it receives.\n" +
            "  token: --token or env " + TokenVariable + ". TagoTiP hash: --auth-hash, --auth-token (hashed here, never sent\n" +
            "  or printed) or env " + TipAuthVariable + " (a hash or an at... token). Without --transport, TagoTiP credentials\n" +
            "  pick tagotip, a token tago-mqtt-json, neither tagotip. --check-config takes --token, --wifi-ssid and\n" +
            "  --wifi-password (or env " + TokenVariable + ", TAGO_WIFI_SSID, TAGO_WIFI_PASSWORD) instead of the file's values.\n" +
            "  --tip-fault (embedded server only): rate_limited, server_error, invalid_seq, invalid_payload or lost, with\n" +
            "  probability P (default 1). --min-session and the server's 10 s lifetime, 5 s idle close and rate limits are\n" +
            "  real time. --check-credentials: one frame with --serial and the hash, a verdict, exit 0 (accepted) or 3.\n" +
            "  exit codes: 0 done, 2 usage/config error, 3 credentials refused, 4 TLS/certificate failure, 5 timeout.";

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

        /// <summary>Data topic; null gives sensors/{client_id}/data.</summary>
        public string Topic { get; set; }

        /// <summary>Real seconds between sampling cycles (12, the DHT22 minimum); in battery mode the wake interval.</summary>
        public double IntervalSeconds { get; set; } = 12;

        /// <summary>Readings per payload (2: one temperature and humidity pair).</summary>
        public int Batch { get; set; } = 2;

        /// <summary>QoS 0 or 1.</summary>
        public int Qos { get; set; } = 1;

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

        /// <summary>Seconds between reconnects after refused credentials.</summary>
        public double AuthRetrySeconds { get; set; } = 300;

        /// <summary>Keep running after refused credentials or a TLS failure instead of exiting 3/4.</summary>
        public bool Stay { get; set; }

        /// <summary>Probability 0…1 of an injected DHT22 read failure.</summary>
        public double SensorFailureRate { get; set; }

        /// <summary>Seed of the simulated sensor and the backoff jitter; null derives one with <see cref="DefaultSeed"/>.</summary>
        public int? Seed { get; set; }

        /// <summary>Write debug lines too.</summary>
        public bool Verbose { get; set; }

        /// <summary>CA certificates as PEM (from --ca or the config file); null uses the OS trust store.</summary>
        public string CaPem { get; set; }

        /// <summary>Directory of the queue log and overrides; null: <c>.tago-twin/&lt;client id&gt;</c>.</summary>
        public string DataDirectory { get; set; }

        /// <summary>Keep the queue and the overrides in RAM only.</summary>
        public bool NoPersist { get; set; }

        /// <summary>Simulated seconds per real second (not the network's).</summary>
        public double TimeScale { get; set; } = 1;

        /// <summary>Queue capacity in readings; 0 keeps the configuration's.</summary>
        public int QueueCapacity { get; set; }

        /// <summary>Battery-mode seconds between wakes; 0 keeps the configuration's.</summary>
        public int WakeIntervalSeconds { get; set; }

        /// <summary>Publish on every Nth wake; 0 keeps the configuration's.</summary>
        public int PublishEvery { get; set; }

        /// <summary>Stop after this many wakes; 0 runs until --count, --timeout or Ctrl+C.</summary>
        public int Wakes { get; set; }

        /// <summary>The configuration read from <see cref="ConfigFile"/>, or null.</summary>
        public NodeConfig FileConfig { get; set; }

        /// <summary>The bytes of <see cref="ConfigFile"/>, for the command-override fingerprint.</summary>
        public byte[] FileBytes { get; set; }

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

        /// <summary>Real seconds between TagoTiP sessions; 0 keeps the configuration's.</summary>
        public int MinSessionSeconds { get; set; }

        /// <summary>Fault the embedded TagoTiP server injects, or null.</summary>
        public TagoTipFault TipFault { get; set; }

        /// <summary>Check the TagoTiP credentials with one frame and exit.</summary>
        public bool CheckCredentials { get; set; }

        /// <summary>Print usage and exit 0.</summary>
        public bool Help { get; set; }

        /// <summary>
        /// The seed of a run without --seed: the client id's FNV-1a hash mixed with the start time, so twins started
        /// together (and restarts of one) draw different backoff delays, like ESP32s seeded from their MACs.
        /// </summary>
        public static int DefaultSeed(string clientId, long startTicks)
        {
            uint hash = 2166136261;
            foreach (char c in clientId ?? string.Empty)
            {
                hash = (hash ^ c) * 16777619;
            }

            ulong mixed = (hash ^ (ulong)startTicks ^ ((ulong)startTicks >> 32)) * 0x9E3779B97F4A7C15UL;
            return (int)(mixed >> 33);
        }

        /// <summary>Parses arguments; <paramref name="environmentToken"/> and <paramref name="environmentTipAuth"/> are
        /// the values of <see cref="TokenVariable"/> and <see cref="TipAuthVariable"/> (null if unset).</summary>
        public static bool TryParse(string[] args, string environmentToken, string environmentTipAuth, out TwinOptions options, out string error)
        {
            options = new TwinOptions();
            error = null;
            for (int i = 0; i < args.Length && error == null; i++)
            {
                string name = args[i];
                if (TrySwitch(name, options))
                {
                    continue;
                }

                if (!name.StartsWith("--", StringComparison.Ordinal))
                {
                    error = "unexpected argument '" + name + "'";
                }
                else if (i + 1 >= args.Length)
                {
                    error = name + " needs a value";
                }
                else
                {
                    options.Given.Add(name);
                    Read(name, args[++i], options, ref error);
                }
            }

            if (error == null)
            {
                Resolve(options, environmentTipAuth, environmentToken, ref error);
            }

            return error == null;
        }

        private static bool TrySwitch(string name, TwinOptions o)
        {
            switch (name)
            {
                case "--plaintext": o.Plaintext = true; break;
                case "--sleep": o.Sleep = true; break;
                case "--no-persist": o.NoPersist = true; break;
                case "--check-credentials": o.CheckCredentials = true; break;
                case "--stay": o.Stay = true; return true;
                case "--verbose": o.Verbose = true; return true;
                case "-h":
                case "--help": o.Help = true; return true;
                default: return false;
            }

            o.Given.Add(name);
            return true;
        }

        private static void Read(string name, string value, TwinOptions o, ref string error)
        {
            switch (name)
            {
                case "--broker": o.Broker = NonEmpty(name, value, ref error); break;
                case "--port": o.Port = Int(name, value, 1, 65535, ref error); break;
                case "--ca": o.CaFile = NonEmpty(name, value, ref error); break;
                case "--token": o.Token = NonEmpty(name, value, ref error); break;
                case "--client-id": o.ClientId = CheckedClientId(name, value, ref error); break;
                case "--topic":
                    o.Topic = value;
                    error = string.IsNullOrEmpty(value) || value.IndexOfAny(new[] { '+', '#', '\0' }) >= 0 ? name + " must be a non-empty topic without wildcards (+, #)" : null;
                    break;
                case "--interval": o.IntervalSeconds = Number(name, value, 0.05, 86400, ref error); break;
                case "--batch": o.Batch = Int(name, value, 1, 100, ref error); break;
                case "--qos":
                    error = value == "2" ? "--qos 2 is not supported: TagoIO's MQTT broker accepts QoS 0 and 1 only" : null;
                    o.Qos = error == null ? Int(name, value, 0, 1, ref error) : 0;
                    break;
                case "--count": o.Count = Int(name, value, 1, int.MaxValue, ref error); break;
                case "--timeout": o.TimeoutSeconds = Number(name, value, 0.1, 31536000, ref error); break;
                case "--config": o.ConfigFile = NonEmpty(name, value, ref error); break;
                case "--check-config": o.CheckConfigFile = NonEmpty(name, value, ref error); break;
                case "--auth-retry": o.AuthRetrySeconds = Number(name, value, 0.1, 86400, ref error); break;
                case "--sensor-failure-rate": o.SensorFailureRate = Number(name, value, 0, 1, ref error); break;
                case "--data-dir": o.DataDirectory = NonEmpty(name, value, ref error); break;
                case "--time-scale": o.TimeScale = Number(name, value, 0.01, 10000, ref error); break;
                case "--queue-capacity": o.QueueCapacity = Int(name, value, ConfigKeys.QueueCapacity.Min, ConfigKeys.QueueCapacity.Max, ref error); break;
                case "--wake-interval": o.WakeIntervalSeconds = Int(name, value, 1, 86400, ref error); break;
                case "--publish-every": o.PublishEvery = Int(name, value, 1, 1000, ref error); break;
                case "--wakes": o.Wakes = Int(name, value, 1, int.MaxValue, ref error); break;
                case "--seed": o.Seed = Int(name, value, int.MinValue, int.MaxValue, ref error); break;
                case "--wifi-ssid":
                case "--wifi-password": o.Supplied[name] = NonEmpty(name, value, ref error); break;
                case "--transport":
                    o.Transport = value;
                    error = value != TransportNames.TagoTip && value != TransportNames.TagoMqttJson
                        ? "--transport must be " + TransportNames.TagoTip + " or " + TransportNames.TagoMqttJson + ", got '" + value + "'" : null;
                    break;
                case "--serial":
                    o.Serial = value;
                    error = TagoTipCredentials.IsValidSerial(value) ? null : "--serial must be 1 to 100 characters of A-Z a-z 0-9 _ - (the serial of the TagoTiP device), got '" + value + "'";
                    break;
                case "--auth-hash":
                    error = TagoTipCredentials.IsValidHash(value) ? null : "--auth-hash must be the 16 hexadecimal characters of the Authorization's hash (value not shown)";
                    SetHash(o, value, ref error);
                    break;
                case "--auth-token":
                    string hash = TagoTipAuthHash.FromToken(value);
                    error = hash != null ? null : "--auth-token must be an Authorization token: \"at\" and 32 hexadecimal characters (value not shown)";
                    SetHash(o, hash ?? o.AuthHash, ref error);
                    break;
                case "--region":
                    o.Region = value;
                    error = value == "us-e1" || value == "eu-w1" ? null : "--region must be us-e1 or eu-w1, got '" + value + "'";
                    break;
                case "--min-session": o.MinSessionSeconds = Int(name, value, 1, 86400, ref error); break;
                case "--tip-fault":
                    error = TagoTipFault.TryParse(value, out TagoTipFault fault) ? null
                        : "--tip-fault must be KIND or KIND:P with KIND one of " + string.Join(", ", TagoTipFault.Kinds) + " and P from 0 to 1, got '" + value + "'";
                    o.TipFault = fault;
                    break;
                default: error = "unknown option '" + name + "'"; break;
            }
        }

        /// <summary>
        /// Cross-flag rules. Without --transport, TagoTiP flags pick <c>tagotip</c> and --token the legacy transport
        /// (both: an error), then the environment: <see cref="TipAuthVariable"/> before <see cref="TokenVariable"/>;
        /// nothing at all leaves the choice to a --config file (whose rule is the same), else <c>tagotip</c>.
        /// </summary>
        private static void Resolve(TwinOptions o, string environmentTipAuth, string environmentToken, ref string error)
        {
            bool tipFlags = o.Serial != null || o.AuthHash != null;
            bool envTip = !string.IsNullOrEmpty(environmentTipAuth);
            if (o.Transport == null && tipFlags && o.Token != null)
            {
                error = "TagoTiP credentials and a device token were both given: choose with --transport " + TransportNames.TagoTip + " or " + TransportNames.TagoMqttJson;
                return;
            }

            o.Transport ??= tipFlags ? TransportNames.TagoTip : o.Token != null ? TransportNames.TagoMqttJson
                : envTip ? TransportNames.TagoTip : !string.IsNullOrEmpty(environmentToken) ? TransportNames.TagoMqttJson : null;
            if (o.AuthHash == null && envTip)
            {
                o.AuthHash = TagoTipAuthHash.FromTokenOrHash(environmentTipAuth.Trim());
                if (o.AuthHash == null)
                {
                    error = TipAuthVariable + " must hold an Authorization hash (16 hexadecimal characters) or token (\"at\" and 32 hexadecimal characters); value not shown";
                    return;
                }
            }

            if (o.Token == null && !string.IsNullOrEmpty(environmentToken))
            {
                o.Token = environmentToken;
                o.Given.Add("--token");
            }

            bool legacy = o.Transport == TransportNames.TagoMqttJson;
            error = o.CheckCredentials && (legacy || o.Serial == null || o.AuthHash == null)
                    ? "--check-credentials needs --serial and --auth-hash, --auth-token or " + TipAuthVariable + " (TagoTiP only)"
                : o.TipFault != null && o.Broker != null ? "--tip-fault works with the embedded TagoTiP server only (no --broker)"
                : o.Broker != null && o.CheckConfigFile == null && o.ConfigFile == null ? MissingCredentials(o, !legacy)
                : o.NoPersist && o.DataDirectory != null ? "--no-persist and --data-dir exclude each other"
                : o.Broker == null && o.Plaintext && o.ConfigFile == null ? "--plaintext needs --broker (the embedded broker speaks TLS only)"
                : null;
        }

        /// <summary>The error for an external broker without the credentials of its transport, or null.</summary>
        internal static string MissingCredentials(TwinOptions o, bool tip) =>
            tip && (o.Serial == null || o.AuthHash == null) ? "--broker needs --serial and --auth-hash, --auth-token or " + TipAuthVariable + " (TagoTiP), or --token (legacy)"
            : !tip && o.Token == null ? "--token (or " + TokenVariable + ") is required with --broker"
            : null;

        private static void SetHash(TwinOptions o, string hash, ref string error)
        {
            if (o.AuthHash != null && error == null)
            {
                error = "give the TagoTiP authorization once: --auth-hash or --auth-token";
            }

            o.AuthHash = hash?.ToLowerInvariant();
        }

        private static string NonEmpty(string name, string value, ref string error)
        {
            error = string.IsNullOrWhiteSpace(value) ? name + " must not be empty" : null;
            return value;
        }

        private static string CheckedClientId(string name, string value, ref string error)
        {
            // MQTT 3.1.1 §3.1.3.1: brokers must accept 1-23 chars of [0-9a-zA-Z] and may accept more; keep it printable.
            error = string.IsNullOrEmpty(value) || value.Length > 64 ? name + " must be 1 to 64 characters" : null;
            foreach (char c in error == null ? value : string.Empty)
            {
                if (c <= ' ' || c > '~' || c == '+' || c == '#' || c == '/')
                {
                    error = name + " may contain printable ASCII without spaces, '/', '+' or '#'";
                }
            }

            return value;
        }

        private static int Int(string name, string value, int min, int max, ref string error)
        {
            bool ok = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result) && result >= min && result <= max;
            error = ok ? null : name + " must be an integer from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture) + ", got '" + value + "'";
            return result;
        }

        private static double Number(string name, string value, double min, double max, ref string error)
        {
            bool ok = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result) && result >= min && result <= max;
            error = ok ? null : name + " must be a number from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture) + ", got '" + value + "'";
            return result;
        }
    }
}
