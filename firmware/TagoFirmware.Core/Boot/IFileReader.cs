namespace TagoFirmware.Boot
{
    /// <summary>The file system as the boot path needs it: whole small files (the config, CA certificates).</summary>
    public interface IFileReader
    {
        /// <summary>
        /// Reads at most <paramref name="maxBytes"/> + 1 bytes of a file (one more than allowed, so the caller can say
        /// "too large" without loading a huge file into RAM).
        /// </summary>
        byte[] Read(string path, int maxBytes);
    }
}
