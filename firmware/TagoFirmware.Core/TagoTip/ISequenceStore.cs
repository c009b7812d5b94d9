namespace TagoFirmware.TagoTip
{
    /// <summary>Persistence port of <see cref="SequenceCounter"/>: two slots of <see cref="SequenceCounter.RecordSize"/> bytes. Never throws.</summary>
    public interface ISequenceStore
    {
        /// <summary>Reads slot 0 or 1 into <paramref name="record"/>; false when it is missing, short or unreadable.</summary>
        bool Read(int slot, byte[] record);
        /// <summary>Writes slot 0 or 1 and returns once it is flushed (a power cut may tear it); false when the write failed.</summary>
        bool Write(int slot, byte[] record);
    }
}
