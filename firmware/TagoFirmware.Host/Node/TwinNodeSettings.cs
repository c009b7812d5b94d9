using TagoFirmware.Session;

namespace TagoFirmware.Host.Node
{
    /// <summary>Settings of one <see cref="TwinNode"/>: the core's session options plus the twin's sampling.</summary>
    public sealed class TwinNodeSettings
    {
        /// <summary>Session options handed to the core's <see cref="NodeSupervisor"/> (broker, token, QoS, backoff, auth retry...).</summary>
        public SessionOptions Session { get; set; } = new SessionOptions();

        /// <summary>Milliseconds between sensor samples.</summary>
        public int SampleIntervalMs { get; set; } = 2000;

        /// <summary>Samples per payload.</summary>
        public int Batch { get; set; } = 1;

        /// <summary>Most samples kept while offline (oldest dropped first).</summary>
        public int MaxQueuedSamples { get; set; } = 2000;

        /// <summary>Seed of the backoff jitter.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>Speak MQTT 5 instead of 3.1.1.</summary>
        public bool UseMqtt5 { get; set; }
    }
}
