namespace TagoFirmware.Config
{
    /// <summary>The <c>queue</c> group: the store-and-forward reading queue.</summary>
    public sealed class QueueConfig
    {
        /// <summary>Default capacity: 1024 readings (12 KB of RAM at 12 bytes a reading).</summary>
        public const int DefaultCapacity = 1024;

        /// <summary>Smallest capacity: one full batch of the largest size plus a cycle's worth of readings.</summary>
        public const int MinCapacity = 16;

        /// <summary>Largest capacity: 8192 readings = 96 KB of RAM, already more than an ESP32 without PSRAM can spare.</summary>
        public const int MaxCapacity = 8192;

        /// <summary>Default file of the persisted queue on the internal flash.</summary>
        public const string DefaultPath = "I:\\tagofirmware.queue";

        /// <summary><c>queue.capacity</c>: readings held before the oldest are dropped, 16…8192. Default 1024.</summary>
        public int Capacity { get; set; } = DefaultCapacity;

        /// <summary><c>queue.persist</c>: keep the queue in a flash file so reboots, power loss and deep sleep lose
        /// nothing. Default true.</summary>
        public bool Persist { get; set; } = true;

        /// <summary><c>queue.path</c>: the file of the persisted queue. Default <c>I:\tagofirmware.queue</c>.</summary>
        public string Path { get; set; } = DefaultPath;
    }
}
