namespace TagoFirmware.Readings
{
    /// <summary>Outcome of adding a reading to the queue. Anything but <see cref="Queued"/> means nothing was queued.</summary>
    public enum ReadingAppendResult
    {
        /// <summary>The reading is queued (the oldest reading may have been dropped to make room).</summary>
        Queued = 0,

        /// <summary>No sampling cycle is open: call <see cref="ReadingQueue.BeginCycle"/> first.</summary>
        NoCycle,

        /// <summary>The variable index is outside 0..255.</summary>
        BadVariableIndex,

        /// <summary>The number of decimals is outside 0..6.</summary>
        BadDecimals,

        /// <summary>The value is NaN or infinite; a sensor failure must not become a reading.</summary>
        NotANumber,

        /// <summary>The value times 10^decimals does not fit in a signed 32-bit integer.</summary>
        OutOfRange,
    }
}
