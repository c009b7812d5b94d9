namespace TagoFirmware.Boot
{
    /// <summary>The file system as the boot path needs it: whole small files (the config, CA certificates).</summary>
    public interface IFileReader
    {
        /// <summary>Reads at most <paramref name="maxBytes"/> + 1 bytes of a file (one more, so the caller can say "too large" without loading a huge file); null when unreadable.</summary>
        byte[] Read(string path, int maxBytes);
    }
}
