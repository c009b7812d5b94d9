using System.Collections.Generic;

namespace TagoFirmware.Host.Cli
{
    /// <summary>Parsed command line of the twin. Defaults are the device defaults.</summary>
    public sealed class TwinOptions
    {
        /// <summary>Broker host; null starts the embedded TagoIO-like broker.</summary>
        public string Broker { get; set; }

        /// <summary>Broker port; 0 means 8883 (TLS) or 1883 (--plaintext).</summary>
        public int Port { get; set; }

        /// <summary>PEM file with the CA certificate(s) the broker certificate must chain to.</summary>
        public string CaFile { get; set; }

        /// <summary>Device token (or env TAGO_DEVICE_TOKEN). Never printed.</summary>
        public string Token { get; set; }

        /// <summary>MQTT client id; null derives "twin-" + a stable machine-based suffix.</summary>
        public string ClientId { get; set; }

        /// <summary>Data topic; null gives sensors/{client_id}/data.</summary>
        public string Topic { get; set; }

        /// <summary>Seconds between sampling cycles in real time (default 12, the DHT22 pipeline minimum); in battery
        /// mode the wake interval.</summary>
        public double IntervalSeconds { get; set; } = 12;

        /// <summary>Readings per payload (default 2: one temperature and humidity pair).</summary>
        public int Batch { get; set; } = 2;

        /// <summary>QoS 0 or 1.</summary>
        public int Qos { get; set; } = 1;

        /// <summary>Exit 0 after this many acknowledged data payloads; 0 runs until stopped.</summary>
        public int Count { get; set; }

        /// <summary>Give up (exit 5) after this many seconds; 0 means never.</summary>
        public double TimeoutSeconds { get; set; }

        /// <summary>Plain TCP instead of TLS (explicit opt-in only).</summary>
        public bool Plaintext { get; set; }

        /// <summary>Node configuration file.</summary>
        public string ConfigFile { get; set; }

        /// <summary>Only validate this configuration file and exit (0 valid, 2 invalid).</summary>
        public string CheckConfigFile { get; set; }

        /// <summary>Battery-mode simulation (sample, publish, "deep sleep" between wakes).</summary>
        public bool Sleep { get; set; }

        /// <summary>Seconds between reconnects after credentials were refused (device default 300).</summary>
        public double AuthRetrySeconds { get; set; } = 300;

        /// <summary>Keep running like a device after a refusal or TLS failure instead of exiting 3/4.</summary>
        public bool Stay { get; set; }

        /// <summary>Probability 0…1 of an injected DHT22 read failure.</summary>
        public double SensorFailureRate { get; set; }

        /// <summary>Seed of the simulated sensor and the backoff jitter (--seed, for a reproducible run); null derives
        /// one per run with <see cref="DefaultSeed"/>.</summary>
        public int? Seed { get; set; }

        /// <summary>Write debug lines too.</summary>
        public bool Verbose { get; set; }

        /// <summary>CA certificates as PEM text (from --ca or the config file); null uses the OS trust store.</summary>
        public string CaPem { get; set; }

        /// <summary>Seconds a QoS 1 publish may stay unacknowledged before the link counts as dead (15).</summary>
        public double AckTimeoutSeconds { get; set; } = 15;

        /// <summary>Keepalive in seconds (60).</summary>
        public int KeepAliveSeconds { get; set; } = 60;

        /// <summary>Persistence directory for the queue log and the command overrides; null: <c>.tago-twin/&lt;client id&gt;</c>
        /// under the current directory.</summary>
        public string DataDirectory { get; set; }

        /// <summary>Keep the queue and the overrides in RAM only (nothing survives the process).</summary>
        public bool NoPersist { get; set; }

        /// <summary>Simulated seconds per real second (1 = real time). Scales sampling, batching, backoff, timeouts and
        /// deep sleep, not the network.</summary>
        public double TimeScale { get; set; } = 1;

        /// <summary>Queue capacity in readings; 0 keeps the configuration's (default 1024).</summary>
        public int QueueCapacity { get; set; }

        /// <summary>Seconds a battery-mode node sleeps between wakes; 0 keeps the configuration's (default 300).</summary>
        public int WakeIntervalSeconds { get; set; }

        /// <summary>Publish on every Nth wake in battery mode; 0 keeps the configuration's (default 6).</summary>
        public int PublishEvery { get; set; }

        /// <summary>Stop after this many wakes in battery mode; 0 runs until --count, --timeout or Ctrl+C.</summary>
        public int Wakes { get; set; }

        /// <summary>The configuration read from <see cref="ConfigFile"/> (null without --config).</summary>
        public TagoFirmware.Config.NodeConfig FileConfig { get; set; }

        /// <summary>The bytes of <see cref="ConfigFile"/>, for the command-override fingerprint.</summary>
        public byte[] FileBytes { get; set; }

        /// <summary>Config values given by flag instead of the file (<see cref="ConfigReference.Supplied"/>), by flag name.</summary>
        public Dictionary<string, string> Supplied { get; } = new Dictionary<string, string>();

        /// <summary>Options given explicitly on the command line (they win over the config file).</summary>
        public HashSet<string> Given { get; } = new HashSet<string>();

        /// <summary>Transport: <c>tagotip</c> or <c>tago-mqtt-json</c> (<c>--transport</c>, else TagoTiP credentials pick
        /// <c>tagotip</c> and a token the legacy one); null leaves it to the config file, or <c>tagotip</c> without one.</summary>
        public string Transport { get; set; }

        /// <summary>TagoTiP device serial (also the MQTT client id); null generates one for the embedded server.</summary>
        public string Serial { get; set; }

        /// <summary>TagoTiP authorization hash, 16 lowercase hex (from --auth-hash, --auth-token or TAGO_TIP_AUTH). Secret.</summary>
        public string AuthHash { get; set; }

        /// <summary>TagoTiP region, <c>us-e1</c> or <c>eu-w1</c>; null keeps the configuration's.</summary>
        public string Region { get; set; }

        /// <summary>Real seconds between TagoTiP sessions (overrides <c>tagotip.min_session_s</c>); 0 keeps the configuration's.</summary>
        public int MinSessionSeconds { get; set; }

        /// <summary>Fault the embedded TagoTiP server injects (<c>--tip-fault KIND[:P]</c>), or null.</summary>
        public TagoFirmware.Host.TagoTip.TagoTipFault TipFault { get; set; }

        /// <summary>Check the TagoTiP credentials against the endpoint with one frame, print a verdict and exit.</summary>
        public bool CheckCredentials { get; set; }

        /// <summary>Print usage and exit 0.</summary>
        public bool Help { get; set; }

        /// <summary>
        /// The seed of a run without --seed: a stable hash of the client id (FNV-1a, the same in every process) mixed
        /// with the start time. Twins started together differ by their ids, restarts of one twin by the time, so a
        /// fleet draws different backoff delays and does not reconnect in lock-step after a broker restart (the ESP32
        /// seeds from its MAC).
        /// </summary>
        /// <param name="clientId">The effective client id.</param>
        /// <param name="startTicks">The start time in ticks.</param>
        /// <returns>The seed.</returns>
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
    }
}
