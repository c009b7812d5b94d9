namespace TagoFirmware.Payload
{
    /// <summary>
    /// The item-by-item writing both uplink formats share (TagoIO JSON: <see cref="TagoJsonWriter"/>; TagoTiP:
    /// <c>TagoTipItemWriter</c>), so the diagnostics payload and the queue counters are written once for both. Each call
    /// follows the rules of <see cref="TagoJsonWriter"/>: a refused field rolls its item back.
    /// </summary>
    public interface IItemWriter
    {
        /// <summary>Complete items written since <see cref="Reset"/>.</summary>
        int ItemCount { get; }

        /// <summary>Starts a new, empty payload.</summary>
        void Reset();

        /// <summary>Opens an item.</summary>
        TagoWriteResult BeginItem(byte[] name);

        /// <summary>An integer value.</summary>
        TagoWriteResult Value(long value);

        /// <summary>A string value.</summary>
        TagoWriteResult Value(byte[] utf8);

        /// <summary>The unit.</summary>
        TagoWriteResult Unit(byte[] utf8);

        /// <summary>The time in Unix milliseconds.</summary>
        TagoWriteResult TimeUnixMs(long unixMs);

        /// <summary>Closes the item; returns its first error (then it was rolled back).</summary>
        TagoWriteResult EndItem();

        /// <summary>Finishes the payload and returns its length (0: nothing to send).</summary>
        int Close();

        /// <summary>Finishes the payload and returns it as a new exact-length array (the one allocation per publish).</summary>
        byte[] CopyPayload();
    }
}
