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
                    byte[] bytes = new byte[stream.Length > maxBytes ? maxBytes + 1 : (int)stream.Length];
                    int read = 0;
                    for (int n = 1; read < bytes.Length && n > 0; read += n)
                    {
                        n = stream.Read(bytes, read, bytes.Length - read);
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
