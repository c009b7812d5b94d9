using System;
using System.IO;
using TagoFirmware.Boot;

namespace TagoFirmware.Esp32
{
    /// <summary>The boot path's files on the internal flash drive (<c>I:\</c>).</summary>
    public sealed class Esp32Files : IFileReader
    {
        /// <inheritdoc/>
        public byte[] Read(string path, int maxBytes)
        {
            try
            {
                if (!File.Exists(path))
                {
                    return null;
                }

                using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    long length = stream.Length;
                    byte[] bytes = new byte[length > maxBytes ? maxBytes + 1 : (int)length];
                    int read = 0;
                    int n = 1;
                    while (read < bytes.Length && n > 0)
                    {
                        n = stream.Read(bytes, read, bytes.Length - read);
                        read += n > 0 ? n : 0;
                    }

                    if (read == bytes.Length)
                    {
                        return bytes;
                    }

                    byte[] shorter = new byte[read];
                    Array.Copy(bytes, shorter, read);
                    return shorter;
                }
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
