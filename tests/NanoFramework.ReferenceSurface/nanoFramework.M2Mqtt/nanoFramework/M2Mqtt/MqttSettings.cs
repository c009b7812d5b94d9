namespace nanoFramework.M2Mqtt
{
    /// <summary>Process-wide M2Mqtt settings (one instance shared by every client).</summary>
    public class MqttSettings
    {
        private MqttSettings()
        {
        }

        /// <summary>Default MQTT port.</summary>
        public const int BrokerDefaultPort = 1883;

        /// <summary>Default MQTT over TLS port.</summary>
        public const int BrokerDefaultSslPort = 8883;

        /// <summary>Default receive timeout, ms.</summary>
        public const int DefaultTimeout = 30_000;

        /// <summary>Publish/subscribe retries for QoS 1/2.</summary>
        public const int MaximumAttemptsRetry = 3;

        /// <summary>Delay between retries, ms.</summary>
        public const int DefaultDelayRetry = 1_000;

        /// <summary>Connect timeout, ms.</summary>
        public const int ConnectTimeout = 30_000;

        /// <summary>Default inflight queue size (unbounded).</summary>
        public const int DefaultInflightQueueSize = int.MaxValue;

        /// <summary>The singleton.</summary>
        public static MqttSettings Instance => throw null;

        /// <summary>Port.</summary>
        public int Port { get => throw null; internal set => throw null; }

        /// <summary>TLS port.</summary>
        public int SslPort { get => throw null; internal set => throw null; }

        /// <summary>Timeout before CONNECT, ms.</summary>
        public int TimeoutOnConnection { get => throw null; internal set => throw null; }

        /// <summary>Receive timeout, ms.</summary>
        public int TimeoutOnReceiving { get => throw null; internal set => throw null; }

        /// <summary>Retries.</summary>
        public int AttemptsOnRetry { get => throw null; internal set => throw null; }

        /// <summary>Retry delay.</summary>
        public int DelayOnRetry { get => throw null; internal set => throw null; }

        /// <summary>Maximum queued outgoing messages; a full queue makes Publish throw.</summary>
        public int InflightQueueSize { get => throw null; set => throw null; }

        /// <summary>Validate the broker certificate (default true; never set false).</summary>
        public bool ValidateServerCertificate { get => throw null; set => throw null; }
    }
}
