namespace TagoFirmware.Commands
{
    /// <summary>Storage for the overrides record; never throws; <see cref="Write"/> is atomic (temporary file, then rename), so a power cut leaves old or new.</summary>
    public interface IOverrideStore
    {
        /// <summary>Reads the stored record.</summary>
        byte[] Read();

        /// <summary>Replaces the stored record.</summary>
        bool Write(byte[] record);
    }
}
