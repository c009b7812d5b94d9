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
        /// <param name="name">Its variable name as UTF-8.</param>
        /// <returns>The result.</returns>
        TagoWriteResult BeginItem(byte[] name);

        /// <summary>An integer value.</summary>
        /// <param name="value">The value.</param>
        /// <returns>The result.</returns>
        TagoWriteResult Value(long value);

        /// <summary>A string value.</summary>
        /// <param name="utf8">The value as UTF-8.</param>
        /// <returns>The result.</returns>
        TagoWriteResult Value(byte[] utf8);

        /// <summary>The unit.</summary>
        /// <param name="utf8">The unit as UTF-8.</param>
        /// <returns>The result.</returns>
        TagoWriteResult Unit(byte[] utf8);

        /// <summary>The time in Unix milliseconds.</summary>
        /// <param name="unixMs">The time.</param>
        /// <returns>The result.</returns>
        TagoWriteResult TimeUnixMs(long unixMs);

        /// <summary>Closes the item; returns its first error (then it was rolled back).</summary>
        /// <returns>The result.</returns>
        TagoWriteResult EndItem();

        /// <summary>Finishes the payload and returns its length (0: nothing to send).</summary>
        /// <returns>The length.</returns>
        int Close();

        /// <summary>Finishes the payload and returns it as a new exact-length array (the one allocation per publish).</summary>
        /// <returns>The payload.</returns>
        byte[] CopyPayload();
    }
}
