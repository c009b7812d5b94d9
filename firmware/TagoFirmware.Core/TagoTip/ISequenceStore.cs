namespace TagoFirmware.TagoTip
{
    /// <summary>
    /// Persistence port of <see cref="SequenceCounter"/>: two slots of <see cref="SequenceCounter.RecordSize"/>
    /// bytes (a small file each on LittleFS, or two flash sectors). Implementations never throw.
    /// </summary>
    public interface ISequenceStore
    {
        /// <summary>Reads a slot into <paramref name="record"/>.</summary>
        /// <param name="slot">0 or 1.</param>
        /// <param name="record">Receives the slot's bytes.</param>
        /// <returns>False when the slot is missing, short or unreadable.</returns>
        bool Read(int slot, byte[] record);

        /// <summary>Writes a slot and returns once it is durable (flushed). A power cut may tear it.</summary>
        /// <param name="slot">0 or 1.</param>
        /// <param name="record">The bytes to store.</param>
        /// <returns>False when the write failed.</returns>
        bool Write(int slot, byte[] record);
    }
}
