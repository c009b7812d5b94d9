namespace TagoFirmware.Config
{
    /// <summary>The <c>sleep</c> group: battery mode.</summary>
    public sealed class SleepConfig
    {
        private readonly ConfigValues _v;

        internal SleepConfig(ConfigValues values) => _v = values;

        /// <summary><c>sleep.mode</c> is <c>deep</c>: battery mode; wake on a timer, sample, publish every Nth wake, deep sleep.</summary>
        public bool Deep { get => _v.Number(ConfigKeys.SleepModeKey) != 0; set => _v.SetNumber(ConfigKeys.SleepModeKey, value ? 1 : 0); }

        /// <summary><c>sleep.wake_interval_s</c>: seconds of deep sleep between wakes.</summary>
        public int WakeIntervalSeconds { get => _v.Number(ConfigKeys.SleepWakeInterval); set => _v.SetNumber(ConfigKeys.SleepWakeInterval, value); }

        /// <summary><c>sleep.publish_every</c>: connect and publish on every Nth wake.</summary>
        public int PublishEvery { get => _v.Number(ConfigKeys.SleepPublishEvery); set => _v.SetNumber(ConfigKeys.SleepPublishEvery, value); }

        /// <summary><c>sleep.backlog_threshold</c>: also publish when this many readings are unsent.</summary>
        public int BacklogThreshold { get => _v.Number(ConfigKeys.SleepBacklogThreshold); set => _v.SetNumber(ConfigKeys.SleepBacklogThreshold, value); }

        /// <summary><c>sleep.publish_deadline_s</c>: stop waiting for acknowledgements and sleep after this long.</summary>
        public int PublishDeadlineSeconds { get => _v.Number(ConfigKeys.SleepPublishDeadline); set => _v.SetNumber(ConfigKeys.SleepPublishDeadline, value); }
    }
}
