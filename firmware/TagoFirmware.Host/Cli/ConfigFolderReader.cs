using System;
using System.IO;
using TagoFirmware.Boot;

namespace TagoFirmware.Host.Cli
{
    /// <summary>The boot path's files on the host: the config file, and the files it names relative to its folder.</summary>
    public sealed class ConfigFolderReader : IFileReader
    {
        private readonly string _configPath;
        private readonly string _folder;

        /// <summary>Creates a reader for <paramref name="configPath"/> and the files it names.</summary>
        public ConfigFolderReader(string configPath)
        {
            _configPath = configPath;
            _folder = Path.GetDirectoryName(Path.GetFullPath(configPath));
        }

        /// <inheritdoc/>
        public byte[] Read(string path, int maxBytes)
        {
            try
            {
                using FileStream stream = File.OpenRead(path == _configPath || Path.IsPathRooted(path) ? path : Path.Combine(_folder, path));
                var bytes = new byte[Math.Min(stream.Length, maxBytes + 1L)];
                int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                return read == bytes.Length ? bytes : bytes[..read];
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return null;
            }
        }
    }
}
