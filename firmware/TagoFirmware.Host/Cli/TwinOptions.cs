using System.Collections.Generic;
using TagoFirmware.Config;
using TagoFirmware.Host.TagoTip;

namespace TagoFirmware.Host.Cli
{
    /// <summary>The twin's parsed command line (<see cref="TwinOptionsParser"/>); defaults are the device's.</summary>
    public sealed class TwinOptions
    {
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

        /// <summary>Seconds a QoS 1 publish may wait for its ack before the link counts as dead.</summary>
        public double AckTimeoutSeconds { get; set; } = 15;

        /// <summary>Keepalive in seconds.</summary>
        public int KeepAliveSeconds { get; set; } = 60;

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
    }
}
