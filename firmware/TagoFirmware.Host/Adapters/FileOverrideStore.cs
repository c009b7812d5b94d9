using System;
using System.IO;
using TagoFirmware.Commands;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// <see cref="IOverrideStore"/> over one small file (<c>overrides.bin</c> in the twin's data directory), replaced
    /// atomically: the record is written to <c>overrides.bin.new</c>, flushed to disk, then renamed over the old file
    /// (<see cref="File.Move(string, string, bool)"/> with overwrite is a single rename(2) on Linux and
    /// MoveFileEx(REPLACE_EXISTING) on Windows), so a crash leaves the old or the new record, never a mix. The
    /// record's own CRC (<see cref="CommandOverrides"/>) catches anything else. Never throws.
    /// </summary>
    public sealed class FileOverrideStore : IOverrideStore
    {
        /// <summary>File name of the record inside a data directory.</summary>
        public const string FileName = "overrides.bin";

        private readonly string _path;
        private readonly string _newPath;

        /// <summary>Creates the store for <c>overrides.bin</c> in <paramref name="directory"/>.</summary>
        /// <param name="directory">The twin's data directory (created on the first write).</param>
        public FileOverrideStore(string directory)
        {
            Directory = directory;
            _path = Path.Combine(directory, FileName);
            _newPath = _path + ".new";
        }

        /// <summary>The data directory.</summary>
        public string Directory { get; }

        /// <summary>Path of the record file.</summary>
        public string FilePath => _path;

        /// <summary>Writes that failed (disk full, permissions).</summary>
        public int WriteErrors { get; private set; }

        /// <inheritdoc />
        public byte[] Read()
        {
            try
            {
                // A leftover .new file is an interrupted write: the old record is still complete and in force.
                return File.Exists(_path) ? File.ReadAllBytes(_path) : null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <inheritdoc />
        public bool Write(byte[] record)
        {
            if (record == null)
            {
                return false;
            }

            try
            {
                System.IO.Directory.CreateDirectory(Directory);
                using (var stream = new FileStream(_newPath, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    stream.Write(record, 0, record.Length);
                    stream.Flush(true);
                }

                File.Move(_newPath, _path, true);
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteErrors++;
                return false;
            }
        }
    }
}
