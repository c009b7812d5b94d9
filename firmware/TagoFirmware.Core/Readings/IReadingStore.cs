namespace TagoFirmware.Readings
{
    /// <summary>
    /// Durable storage for the reading log: one file appended to, read back at boot and replaced whole when compacted
    /// (a LittleFS file on the ESP32, a file on the host, in memory in tests).
    /// </summary>
    /// <remarks>
    /// Contract: never throw (a throw costs an allocation on the device; the queue catches anyway). <see cref="Append"/>
    /// is durable when it returns true; a power cut may leave any prefix (the per-record CRCs deal with that).
    /// <see cref="CommitReplace"/> is atomic: a later open sees the complete old or the complete new log, never a mix.
    /// One thread (the main loop); calls may block for a flash write, never on the network.
    /// </remarks>
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
