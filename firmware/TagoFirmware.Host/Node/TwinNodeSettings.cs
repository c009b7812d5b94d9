using System;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;

namespace TagoFirmware.Host.Node
{
    /// <summary>
    /// Settings of one <see cref="TwinNode"/>: the node configuration the core's <see cref="TagoFirmware.Node.SensorNode"/>
    /// runs with (exactly what the device reads from <c>I:\tagofirmware.json</c>), plus what only the twin has: the data
    /// directory standing in for the flash, the time scale, the simulated sensor's faults.
    /// </summary>
    /// <remarks>
    /// Times in <see cref="Config"/> are simulated seconds for sampling, batching, deep sleep and backoff. The timeouts
    /// that wait on the network (<c>timeouts.ack_s</c>, <c>auth_retry_s</c>, <c>wifi_connect_s</c>,
    /// <c>reboot_after_s</c>, <c>sleep.publish_deadline_s</c>) are meant in real seconds: with a time scale K the twin
    /// hands the node K times those numbers, because a TLS handshake or a PUBACK does not get faster with the
    /// simulation. The supervisor's fixed 45 s connect timeout and its 1–30 s backoff are not in the configuration and
    /// do scale (45 s simulated = 45/K s real).
    /// </remarks>
    public sealed class TwinNodeSettings
    {
        /// <summary>The node configuration (validated by <see cref="NodeConfigParser"/> or built in code).</summary>
        public NodeConfig Config { get; set; } = DefaultConfig();

        /// <summary>
        /// Bytes of the configuration file, for the command-override fingerprint (a changed file resets overrides);
        /// null: the twin fingerprints the redacted configuration summary, so changing <c>--interval</c> or
        /// <c>--batch</c> on the command line resets the overrides like deploying a new file would.
        /// </summary>
        public byte[] ConfigBytes { get; set; }

        /// <summary>Client id used when the configuration sets none (the device derives it from the MAC).</summary>
        public string MacClientId { get; set; } = "tago-000000000000";

        /// <summary>Directory standing in for the flash: <c>queue.log</c> and <c>overrides.bin</c>. Null: RAM only.</summary>
        public string DataDirectory { get; set; }

        /// <summary>Simulated milliseconds per real millisecond (1 = real time).</summary>
        public double TimeScale { get; set; } = 1;

        /// <summary>Anchor of the simulated wall clock (the same for every wake of one simulated device);
        /// <see cref="DateTime.MinValue"/> = the process start.</summary>
        public DateTime Epoch { get; set; } = DateTime.MinValue;

        /// <summary>Simulated wall time at <see cref="Epoch"/>; <see cref="DateTime.MinValue"/> = <see cref="Epoch"/>
        /// (see <see cref="TwinClockAnchor"/>).</summary>
        public DateTime SimulatedEpoch { get; set; } = DateTime.MinValue;

        /// <summary>Probability 0…1 of an injected raw-read failure of the simulated DHT22.</summary>
        public double SensorFailureRate { get; set; }

        /// <summary>Seed of the simulated sensor and of the backoff jitter.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>
        /// True (default): <c>tagotip.min_session_s</c> is stretched by <see cref="TimeScale"/> like the network timeouts,
        /// so the profile's session budget holds in real time. False runs sessions as fast as the scaled clock allows
        /// (the many-sessions test against a server without a subscription limit).
        /// </summary>
        public bool RealTimeSessionBudget { get; set; } = true;

        /// <summary>Speak MQTT 5 instead of 3.1.1.</summary>
        public bool UseMqtt5 { get; set; }

        /// <summary>How the first boot came about (a <c>--sleep</c> wake is <see cref="BootReason.TimerWake"/>).</summary>
        public BootReason BootReason { get; set; } = BootReason.PowerOnOrReset;

        /// <summary>Set by the first <see cref="TwinNode"/> built from these settings once it stretched the network
        /// timeouts of <see cref="Config"/> by <see cref="TimeScale"/>.</summary>
        internal bool NetworkTimeoutsStretched { get; set; }

        /// <summary>The device defaults with one DHT22 (data on GPIO 26/27 as in the wiring docs), sampling at the
        /// standard pipeline's minimum of 12 s, one reading pair per payload.</summary>
        /// <returns>A new configuration (no broker, no token yet).</returns>
        public static NodeConfig DefaultConfig()
        {
            var config = new NodeConfig();
            config.Sensors = new[]
            {
                new SensorConfig { Model = TagoFirmware.Sensors.SensorModel.Dht22, ModelName = "DHT22", EchoPin = 26, TriggerPin = 27, Name = "dht22" },
            };
            config.Sampling.IntervalSeconds = 12;
            config.Sampling.Batch = 2;
            return config;
        }

        /// <summary>Settings for a TLS broker with the given CA (tests and the CLI).</summary>
        /// <param name="host">Broker host.</param>
        /// <param name="port">Broker port.</param>
        /// <param name="caPem">CA certificate(s) as PEM; null = the OS trust store.</param>
        /// <param name="token">Device token.</param>
        /// <param name="clientId">Client id.</param>
        /// <returns>New settings with <see cref="DefaultConfig"/>.</returns>
        public static TwinNodeSettings ForBroker(string host, int port, string caPem, string token, string clientId)
        {
            var settings = new TwinNodeSettings();
            NodeConfig config = settings.Config;
            config.Mqtt.Host = host;
            config.Mqtt.Port = port;
            config.Mqtt.Tls = true;
            config.Mqtt.CaCertificates = caPem == null ? new string[0] : new[] { caPem };
            config.Mqtt.ClientId = clientId;
            config.Token = token;
            return settings;
        }
    }
}
