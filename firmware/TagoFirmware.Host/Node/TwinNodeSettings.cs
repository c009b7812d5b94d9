using System;
using System.Globalization;
using System.IO;
using System.Linq;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Esp32;

namespace TagoFirmware.Host.Node
{
    /// <summary>Settings of one <see cref="TwinNode"/>: its configuration and the twin's data directory, time scale and sensor.</summary>
    public sealed class TwinNodeSettings
    {
        /// <summary>File name of the reading log in the data directory.</summary>
        public const string QueueFileName = "queue.log";

        /// <summary>File name of the command overrides in the data directory.</summary>
        public const string OverridesFileName = "overrides.bin";

        private bool _networkTimeoutsStretched; // every wake reuses the settings

        /// <summary>The node configuration.</summary>
        public NodeConfig Config { get; set; } = DefaultConfig();

        /// <summary>Bytes of the config file (the overrides' fingerprint); null fingerprints the redacted summary instead.</summary>
        public byte[] ConfigBytes { get; set; }

        /// <summary>Client id used when the configuration sets none (the device derives it from the MAC).</summary>
        public string MacClientId { get; set; } = "tago-000000000000";

        /// <summary>Directory standing in for the flash (<c>queue.log</c>, <c>overrides.bin</c>); null: RAM only.</summary>
        public string DataDirectory { get; set; }

        /// <summary>Simulated milliseconds per real millisecond.</summary>
        public double TimeScale { get; set; } = 1;

        /// <summary>Real UTC anchor of the simulated wall clock (the same for every wake); MinValue: the process start.</summary>
        public DateTime Epoch { get; set; } = DateTime.MinValue;

        /// <summary>Simulated wall time at <see cref="Epoch"/>; MinValue: <see cref="Epoch"/> itself.</summary>
        public DateTime SimulatedEpoch { get; set; } = DateTime.MinValue;

        /// <summary>Probability 0…1 of a raw-read failure of the simulated DHT22.</summary>
        public double SensorFailureRate { get; set; }

        /// <summary>Seed of the simulated sensor and of the backoff jitter.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>Stretch <c>tagotip.min_session_s</c> by the time scale too, so the session budget holds in real time.</summary>
        public bool RealTimeSessionBudget { get; set; } = true;

        /// <summary>How the first boot came about (a --sleep wake is a timer wake).</summary>
        public BootReason BootReason { get; set; } = BootReason.PowerOnOrReset;

        /// <summary>The device defaults with one DHT22 on GPIO 26/27, sampling every 12 s (its pipeline's minimum), batch 2.</summary>
        public static NodeConfig DefaultConfig()
        {
            var sensor = new SensorConfig { Model = TagoFirmware.Sensors.SensorModel.Dht22, ModelName = "DHT22" };
            sensor.Set(ConfigKeys.SensorEchoPin, 26);
            sensor.Set(ConfigKeys.SensorTriggerPin, 27);
            sensor.Set(ConfigKeys.SensorName, "dht22");
            var config = new NodeConfig { Sensors = new[] { sensor } };
            config.Set(ConfigKeys.SamplingInterval, 12);
            config.Set(ConfigKeys.SamplingBatch, 2);
            return config;
        }

        /// <summary>Settings with <see cref="DefaultConfig"/> for a TLS broker; a null <paramref name="caPem"/> uses the OS trust store.</summary>
        public static TwinNodeSettings ForBroker(string host, int port, string caPem, string token, string clientId)
            => new TwinNodeSettings { Config = Connect(DefaultConfig(), host, port, true, caPem, clientId, token) };

        internal static NodeConfig Connect(NodeConfig config, string host, int port, bool tls, string caPem, string clientId, string token)
        {
            config.Set(ConfigKeys.MqttHost, host);
            config.Set(ConfigKeys.MqttPort, port);
            config.Set(ConfigKeys.MqttTls, tls);
            config.Set(ConfigKeys.MqttClientId, clientId);
            config.Set(ConfigKeys.Token, token);
            config.CaCertificates = caPem == null ? new string[0] : new[] { caPem };
            return config;
        }

        /// <summary>Multiplies the config's network-bound timeouts by the time scale, once, so they stay the same in real time.</summary>
        internal void StretchNetworkTimeouts()
        {
            if (_networkTimeoutsStretched || TimeScale == 1.0)
            {
                return;
            }

            _networkTimeoutsStretched = true;
            // The TagoTiP server's connection lifetime and (unless RealTimeSessionBudget is off) the profile's session budget are real time.
            foreach (ConfigKey key in new[] { ConfigKeys.TimeoutAck, ConfigKeys.TimeoutAuthRetry, ConfigKeys.TimeoutWifiConnect, ConfigKeys.TimeoutRebootAfter,
                ConfigKeys.SleepPublishDeadline, ConfigKeys.TagoTipTtl, RealTimeSessionBudget ? ConfigKeys.TagoTipMinSession : null }.Where(k => k != null))
            {
                Config.Set(key, (int)Math.Min(int.MaxValue / 1000, Math.Ceiling(Config.Int(key) * TimeScale)));
            }
        }

        /// <summary>The path of file <paramref name="name"/> in <paramref name="directory"/>, created when needed (if that fails, the stores' file calls report it).</summary>
        public static string PathIn(string directory, string name)
        {
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }

            return Path.Combine(directory, name);
        }

        /// <summary>Sets the epochs so a scaled clock continues across runs on one data directory (new readings never predate old).</summary>
        public void AnchorClock()
        {
            DateTime now = DateTime.UtcNow;
            Epoch = SimulatedEpoch = now;
            if (DataDirectory == null || TimeScale == 1.0)
            {
                return;
            }

            string path = PathIn(DataDirectory, "clock.anchor");
            try
            {
                string[] parts = File.Exists(path) ? File.ReadAllText(path).Trim().Split(' ') : new string[0];
                if (parts.Length == 3
                    && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long real)
                    && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long simulated)
                    && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double oldScale)
                    && real > 0 && simulated > 0 && real <= now.Ticks)
                {
                    // The old clock's simulated now, at its own scale: the new scale runs on from there.
                    SimulatedEpoch = new DateTime(simulated, DateTimeKind.Utc) + TimeSpan.FromTicks((long)((now.Ticks - real) * oldScale));
                }

                File.WriteAllText(path, string.Join(" ", Epoch.Ticks.ToString(CultureInfo.InvariantCulture), SimulatedEpoch.Ticks.ToString(CultureInfo.InvariantCulture),
                    TimeScale.ToString("R", CultureInfo.InvariantCulture)) + "\n");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // No anchor: this run's simulated time starts at the real now.
            }
        }
    }
}
