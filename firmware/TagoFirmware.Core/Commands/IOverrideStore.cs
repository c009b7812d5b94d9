namespace TagoFirmware.Commands
{
    /// <summary>
    /// Persistent storage for the command-overrides record, kept apart from the configuration file (on the ESP32 a
    /// small file such as <c>I:\overrides.bin</c> on the internal LittleFS; a file or memory on the host).
    /// </summary>
    /// <remarks>
    /// Implementations never throw. <see cref="Write"/> must replace the record atomically (write a temporary file,
    /// then delete and rename), so a power cut leaves either the old or the new record; the CRC inside the record
    /// catches anything else. The record is at most a few dozen bytes and is written only when a command is accepted,
    /// so flash wear is negligible.
    /// </remarks>
    public interface IOverrideStore
    {
        /// <summary>Reads the stored record.</summary>
        byte[] Read();

        /// <summary>Replaces the stored record.</summary>
        bool Write(byte[] record);
    }
}
