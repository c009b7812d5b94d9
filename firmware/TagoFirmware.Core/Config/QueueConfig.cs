namespace TagoFirmware.Config
{
    /// <summary>The <c>queue</c> group: the store-and-forward reading queue.</summary>
    public sealed class QueueConfig
    {
        private readonly ConfigValues _v;

        internal QueueConfig(ConfigValues values) => _v = values;

        /// <summary><c>queue.capacity</c>: readings held before the oldest are dropped.</summary>
        public int Capacity { get => _v.Number(ConfigKeys.QueueCapacity); set => _v.SetNumber(ConfigKeys.QueueCapacity, value); }

        /// <summary><c>queue.persist</c>: keep the queue in a flash file.</summary>
        public bool Persist { get => _v.Number(ConfigKeys.QueuePersist) != 0; set => _v.SetNumber(ConfigKeys.QueuePersist, value ? 1 : 0); }

        /// <summary><c>queue.path</c>: the file of the persisted queue.</summary>
        public string Path => _v.Text(ConfigKeys.QueuePath);
    }
}
