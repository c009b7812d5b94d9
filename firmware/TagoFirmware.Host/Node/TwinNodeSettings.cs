using TagoFirmware.Host.Adapters;

namespace TagoFirmware.Host.Node
{
    /// <summary>Settings of one <see cref="TwinNode"/>.</summary>
    public sealed class TwinNodeSettings
    {
        /// <summary>MQTT connection settings.</summary>
        public MqttLinkSettings Link { get; set; } = new MqttLinkSettings();

        /// <summary>Data topic (default sensors/{client_id}/data).</summary>
        public string DataTopic { get; set; }

        /// <summary>Status topic for the will and the "online" message (device/status/{client_id}).</summary>
        public string StatusTopic { get; set; }

        /// <summary>QoS of data publishes (0 or 1).</summary>
        public int Qos { get; set; } = 1;

        /// <summary>Milliseconds between samples.</summary>
        public int SampleIntervalMs { get; set; } = 2000;

        /// <summary>Samples per payload.</summary>
        public int Batch { get; set; } = 1;

        /// <summary>Milliseconds between connects after a refusal (issue 3 §1: 5 minutes by default).</summary>
        public int AuthRetryMs { get; set; } = 300000;

        /// <summary>A QoS 1 publish not acknowledged within this time means the link is dead (15 s).</summary>
        public int PublishAckTimeoutMs { get; set; } = 15000;

        /// <summary>Backoff base (1 s).</summary>
        public int BackoffBaseMs { get; set; } = 1000;

        /// <summary>Backoff cap (30 s).</summary>
        public int BackoffCapMs { get; set; } = 30000;

        /// <summary>The attempt counter resets only after a connection stayed up this long (60 s).</summary>
        public int StableConnectionMs { get; set; } = 60000;

        /// <summary>Most samples kept while offline (oldest dropped first).</summary>
        public int MaxQueuedSamples { get; set; } = 2000;

        /// <summary>Seed of the backoff jitter.</summary>
        public int Seed { get; set; } = 1;
    }
}
