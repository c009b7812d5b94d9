namespace TagoFirmware.Commands
{
    /// <summary>Storage for the command-overrides record (ESP32: a small LittleFS file). Never throws; <see cref="Write"/>
    /// replaces it atomically (temporary file, then rename) so a power cut leaves the old or the new record.</summary>
    public interface IOverrideStore
    {
        /// <summary>Reads the stored record.</summary>
        byte[] Read();

        /// <summary>Replaces the stored record.</summary>
        bool Write(byte[] record);
    }
}
