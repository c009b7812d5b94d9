namespace TagoFirmware.Readings
{
    /// <summary>
    /// Durable byte storage for the reading log (<see cref="ReadingLogFormat"/>): one logical file that is appended
    /// to, read back at boot, and replaced as a whole when it is compacted. On the ESP32 a file on the internal
    /// flash drive (<c>I:\</c>, LittleFS) through System.IO.FileSystem; on the host twin a file in a directory;
    /// in tests an in-memory fake.
    /// </summary>
    /// <remarks>
    /// Contract for implementations:
    /// <list type="bullet">
    /// <item>Never throw: report failure through the return value. The queue also catches, but a throwing store
    /// costs an allocation per failure on the device.</item>
    /// <item><see cref="Append"/> is durable when it returns true (flushed to the medium). A power cut during an
    /// append may leave any prefix of the appended bytes; the log's per-record CRC deals with that.</item>
    /// <item>Replacement is atomic: after <see cref="CommitReplace"/> returns true the log is exactly the bytes
    /// written since <see cref="BeginReplace"/>; if it returns false, or power is lost at any point before it
    /// returns, a later open sees either the complete old log or the complete new one, never a mixture. The file
    /// implementation writes <c>queue.log.new</c>, flushes and closes it, deletes <c>queue.log</c> and renames
    /// the new file (nanoFramework's <c>File.Move</c> does not overwrite). At open, if <c>queue.log</c> exists any
    /// <c>queue.log.new</c> is an unfinished compaction and is deleted; if only <c>queue.log.new</c> exists the
    /// switch was cut between delete and rename, so it is renamed to <c>queue.log</c>.</item>
    /// <item>Calls come from one thread (the main loop); an implementation needs no locking. Each call may block
    /// for the flash write (milliseconds), never on the network.</item>
    /// </list>
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
