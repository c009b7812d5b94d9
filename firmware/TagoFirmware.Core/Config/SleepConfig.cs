namespace TagoFirmware.Config
{
    /// <summary>The <c>sleep</c> group: battery mode.</summary>
    public sealed class SleepConfig
    {
        /// <summary>Default wake interval: 5 minutes.</summary>
        public const int DefaultWakeIntervalSeconds = 300;

        /// <summary>Default: connect and publish on every 6th wake (every 30 minutes at the default wake interval).</summary>
        public const int DefaultPublishEvery = 6;

        /// <summary>Default backlog that forces a publish on a wake that would not publish: 60 readings.</summary>
        public const int DefaultBacklogThreshold = 60;

        /// <summary>Default time a publishing wake may stay awake waiting for acknowledgements: 30 s.</summary>
        public const int DefaultPublishDeadlineSeconds = 30;

        /// <summary><c>sleep.mode</c>: <c>"off"</c> (default) or <c>"deep"</c>.</summary>
        public SleepMode Mode { get; set; } = SleepMode.Off;

        /// <summary><c>sleep.wake_interval_s</c>: seconds of deep sleep between wakes, 10…86400. Default 300.</summary>
        public int WakeIntervalSeconds { get; set; } = DefaultWakeIntervalSeconds;

        /// <summary><c>sleep.publish_every</c>: connect and publish on every Nth wake, 1…1000. Default 6.</summary>
        public int PublishEvery { get; set; } = DefaultPublishEvery;

        /// <summary><c>sleep.backlog_threshold</c>: also publish when this many readings are unsent, 1…queue capacity.
        /// Default 60.</summary>
        public int BacklogThreshold { get; set; } = DefaultBacklogThreshold;

        /// <summary><c>sleep.publish_deadline_s</c>: give up waiting for acknowledgements and sleep after this long,
        /// 5…300 s; unsent readings stay in the persisted queue. Default 30.</summary>
        public int PublishDeadlineSeconds { get; set; } = DefaultPublishDeadlineSeconds;
    }
}
