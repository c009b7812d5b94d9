namespace TagoFirmware.Commands
{
    /// <summary>
    /// Storage for the command-overrides record, apart from the configuration file (ESP32: a small file on the internal
    /// LittleFS). Never throws; <see cref="Write"/> replaces the record atomically (temporary file, then rename), so a
    /// power cut leaves the old or the new record. Written only when a command is accepted: negligible flash wear.
    /// </summary>
    public interface IOverrideStore
    {
        /// <summary>Reads the stored record.</summary>
        byte[] Read();

        /// <summary>Replaces the stored record.</summary>
        bool Write(byte[] record);
    }
}
