namespace TagoFirmware.Readings
{
    /// <summary>Outcome of <see cref="ReadingQueue.Load"/>.</summary>
    public enum ReadingLoadResult
    {
        /// <summary>No store was given: the queue lives in RAM only and starts empty.</summary>
        NotPersisted = 0,

        /// <summary>There was no log (first boot or erased flash); a new one was written.</summary>
        Created,

        /// <summary>The log was read; every intact unacknowledged reading is queued again.</summary>
        Restored,

        /// <summary>The log was read but had torn or corrupted records, which were skipped; the log was rewritten.</summary>
        RestoredWithDamage,

        /// <summary>The log has another format version; it was not replayed and was replaced by a new log.</summary>
        Incompatible,

        /// <summary>Read-only store: the readings found are sent from RAM, nothing is written, acks do not survive a restart.</summary>
        ReadOnly,

        /// <summary>The store could not be read; the queue runs in RAM for this boot and does not touch the log.</summary>
        StoreUnavailable,
    }
}
