namespace TagoFirmware.Payload
{
    /// <summary>Item-by-item writing shared by TagoIO JSON (<see cref="TagoJsonWriter"/>) and TagoTiP, with the JSON writer's
    /// rules (a refused field rolls its item back).</summary>
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

        /// <summary>The group of a sampling cycle's time (Unix ms), checked and formatted once per cycle.</summary>
        TagoWriteResult GroupOfTime(long unixMs);

        /// <summary>Closes the item; returns its first error (then it was rolled back).</summary>
        TagoWriteResult EndItem();

        /// <summary>Finishes the payload and returns its length (0: nothing to send).</summary>
        int Close();

        /// <summary>Finishes the payload and returns it as a new exact-length array (the one allocation per publish).</summary>
        byte[] CopyPayload();
    }
}
