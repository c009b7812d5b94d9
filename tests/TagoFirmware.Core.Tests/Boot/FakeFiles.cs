using System.Collections;
using TagoFirmware.Boot;

namespace TagoFirmware.Tests.Boot
{
    /// <summary>Files in memory for the boot path: set, replace or remove a file between reads; counts reads.</summary>
    public sealed class FakeFiles : IFileReader
    {
        private readonly ArrayList _paths = new ArrayList();
        private readonly ArrayList _contents = new ArrayList();

        /// <summary>Number of reads so far.</summary>
        public int Reads;

        /// <summary>Sets a file's content (null removes it).</summary>
        public void Set(string path, string text)
        {
            int i = _paths.IndexOf(path);
            if (i < 0)
            {
                _paths.Add(path);
                _contents.Add(null);
                i = _paths.Count - 1;
            }

            _contents[i] = text == null ? null : TagoFirmware.Tests.Json.TestUtf8.Bytes(text);
        }

        /// <inheritdoc/>
        public byte[] Read(string path, int maxBytes)
        {
            Reads++;
            int i = _paths.IndexOf(path);
            return i < 0 ? null : (byte[])_contents[i];
        }
    }
}
