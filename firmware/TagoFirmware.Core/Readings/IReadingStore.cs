namespace TagoFirmware.Readings
{
    /// <summary>Durable storage of the reading log: one file appended to, read at boot, replaced whole on compaction.</summary>
    /// <remarks>Never throws (a throw allocates on the device). <see cref="Append"/> true: durable; a power cut may leave any prefix
    /// (per-record CRCs handle it). <see cref="CommitReplace"/> is atomic. Main loop only; may block on flash, not on the network.</remarks>
    public interface IReadingStore
    {
        /// <summary>Current length of the log in bytes, or -1 when the store cannot be read.</summary>
        int Length { get; }

        /// <summary>False when the log could only be opened for reading (read-only medium or directory).</summary>
        bool CanWrite { get; }

        /// <summary>Reads up to <paramref name="count"/> bytes from <paramref name="position"/> of the log.</summary>
        int Read(int position, byte[] buffer, int offset, int count);

        /// <summary>Appends bytes to the end of the log and flushes them.</summary>
        bool Append(byte[] buffer, int offset, int count);

        /// <summary>Starts writing a replacement log; the current log stays in force until <see cref="CommitReplace"/>.</summary>
        bool BeginReplace();

        /// <summary>Appends bytes to the replacement log being written.</summary>
        bool WriteReplacement(byte[] buffer, int offset, int count);

        /// <summary>Makes the replacement the log, atomically (see the remarks of the interface).</summary>
        bool CommitReplace();

        /// <summary>Discards an unfinished replacement; the old log stays in force.</summary>
        void AbortReplace();
    }
}
