using System;
using System.IO;
using TagoFirmware.Boot;

namespace TagoFirmware.Esp32
{
    /// <summary>Files on the internal flash drive (<c>I:\</c>) for the boot reader and the stores; never throws.</summary>
    /// <remarks>Only System.IO members both runtimes have: the twin compiles this file too.</remarks>
    public sealed class Esp32Files : IFileReader
    {
        /// <inheritdoc/>
        public byte[] Read(string path, int maxBytes) => ReadFile(path, maxBytes);

        /// <summary>The file's bytes (<paramref name="maxBytes"/> + 1 when it is longer), or null when missing or unreadable.</summary>
        public static byte[] ReadFile(string path, int maxBytes)
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

                    return read == bytes.Length ? bytes : null; // shorter only if changed while read
                }
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>Creates or truncates <paramref name="path"/> and writes <paramref name="bytes"/>, flushed; false on failure.</summary>
        public static bool WriteFile(string path, byte[] bytes)
        {
            try
            {
                using (FileStream stream = new FileStream(path, FileMode.Create, FileAccess.Write))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush();
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>Replaces <paramref name="path"/> by <paramref name="newPath"/>: delete, then rename (<c>File.Move</c> does not overwrite).</summary>
        public static bool Commit(string newPath, string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }

                File.Move(newPath, path);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>Finishes (renames) or undoes (deletes) the new file of a <see cref="Commit"/> a power cut interrupted.</summary>
        public static void Repair(string newPath, string path)
        {
            try
            {
                if (!File.Exists(path) && File.Exists(newPath))
                {
                    File.Move(newPath, path);
                }
                else if (File.Exists(newPath))
                {
                    File.Delete(newPath);
                }
            }
            catch (Exception)
            {
                // Opening the file tells whether one is usable.
            }
        }
    }
}
