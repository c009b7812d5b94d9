using System.Collections;
using TagoFirmware.Boot;

namespace TagoFirmware.Tests.Boot
{
    /// <summary>Files in memory for the boot path: set, replace or remove a file between reads; counts reads.</summary>
    public sealed class FakeFiles : IFileReader
    {
        private readonly Hashtable _files = new Hashtable();

        /// <summary>Number of reads so far.</summary>
        public int Reads;

        /// <summary>Sets a file's content (null removes it).</summary>
        public void Set(string path, string text)
        {
            _files[path] = text == null ? null : TagoFirmware.Tests.Json.TestUtf8.Bytes(text);
        }

        /// <inheritdoc/>
        public byte[] Read(string path, int maxBytes)
        {
            Reads++;
            return (byte[])_files[path];
        }
    }
}
