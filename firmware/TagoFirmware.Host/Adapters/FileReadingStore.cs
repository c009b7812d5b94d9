using System;
using System.IO;
using TagoFirmware.Readings;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// <see cref="IReadingStore"/> over one file, written against only the System.IO members nanoFramework's
    /// System.IO.FileSystem also has (FileStream(path, FileMode, FileAccess), Seek, Read, Write, Flush,
    /// Length; File.Exists/Delete/Move; checked against the reference surface of System.IO.FileSystem 1.1.93 and
    /// System.IO.Streams), so the ESP32 adapter can mirror it on <c>I:\queue.log</c>. The twin keeps it in its data
    /// directory (<c>--data-dir</c>, see <see cref="ForDirectory"/>).
    /// </summary>
    /// <remarks>
    /// Atomic replacement: the new log is written to <c>&lt;path&gt;.new</c>, flushed and closed; then the old log is
    /// deleted and the new one renamed (nanoFramework's File.Move does not overwrite). Opening repairs a cut
    /// switch: with both files present the old log is still complete and the <c>.new</c> file is an unfinished
    /// compaction (deleted); with only <c>.new</c> present the cut fell between delete and rename (renamed).
    /// The append stream stays open between writes: on LittleFS reopening a file to append copies its last block.
    /// </remarks>
    public sealed class FileReadingStore : IReadingStore, IDisposable
    {
        private readonly string _path;
        private readonly string _newPath;
        private FileStream _log;
        private FileStream _replacement;

        /// <summary>Opens (or creates) the log at <paramref name="path"/>, repairing an interrupted switch.</summary>
        /// <param name="path">Log file, e.g. <c>I:\queue.log</c> on the ESP32.</param>
        public FileReadingStore(string path)
        {
            _path = path;
            _newPath = path + ".new";
            try
            {
                if (File.Exists(_path))
                {
                    if (File.Exists(_newPath))
                    {
                        File.Delete(_newPath);
                    }
                }
                else if (File.Exists(_newPath))
                {
                    File.Move(_newPath, _path);
                }
            }
            catch (IOException)
            {
                // Open below reports whether the log is usable.
            }

            OpenLog();
        }

        /// <summary>File name of the log inside a data directory.</summary>
        public const string FileName = "queue.log";

        /// <summary>Opens the log <c>queue.log</c> in <paramref name="directory"/>, creating the directory if needed.</summary>
        /// <param name="directory">The twin's data directory.</param>
        /// <returns>The store (check <see cref="Length"/> ≥ 0 for a usable log).</returns>
        public static FileReadingStore ForDirectory(string directory)
        {
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (IOException)
            {
                // The open below fails and Length reports -1; the queue then runs from RAM and counts store errors.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }

            return new FileReadingStore(Path.Combine(directory, FileName));
        }

        /// <summary>Path of the log file.</summary>
        public string FilePath => _path;

        /// <inheritdoc />
        public int Length
        {
            get
            {
                try
                {
                    return _log == null ? -1 : (int)_log.Length;
                }
                catch (IOException)
                {
                    return -1;
                }
            }
        }

        /// <inheritdoc />
        public int Read(int position, byte[] buffer, int offset, int count)
        {
            try
            {
                if (_log == null)
                {
                    return -1;
                }

                _log.Seek(position, SeekOrigin.Begin);
                return _log.Read(buffer, offset, count);
            }
            catch (IOException)
            {
                return -1;
            }
        }

        /// <inheritdoc />
        public bool Append(byte[] buffer, int offset, int count)
        {
            try
            {
                if (_log == null)
                {
                    return false;
                }

                _log.Seek(0, SeekOrigin.End);
                _log.Write(buffer, offset, count);
                _log.Flush();
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool BeginReplace()
        {
            try
            {
                CloseReplacement();
                _replacement = new FileStream(_newPath, FileMode.Create, FileAccess.Write);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool WriteReplacement(byte[] buffer, int offset, int count)
        {
            try
            {
                if (_replacement == null)
                {
                    return false;
                }

                _replacement.Write(buffer, offset, count);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool CommitReplace()
        {
            if (_replacement == null)
            {
                return false;
            }

            try
            {
                _replacement.Flush();
                CloseReplacement();
                _log.Dispose();
                _log = null;
                File.Delete(_path);
                File.Move(_newPath, _path);
                OpenLog();
                return _log != null;
            }
            catch (IOException)
            {
                // Whatever state the files are in, the constructor's repair rule picks a complete log; reopen now.
                if (_log == null && !File.Exists(_path) && File.Exists(_newPath))
                {
                    TryMove();
                }

                OpenLog();
                return false;
            }
        }

        /// <inheritdoc />
        public void AbortReplace()
        {
            try
            {
                CloseReplacement();
                if (File.Exists(_newPath))
                {
                    File.Delete(_newPath);
                }
            }
            catch (IOException)
            {
                // A leftover .new file is deleted at the next open.
            }
        }

        /// <summary>Closes the files.</summary>
        public void Dispose()
        {
            CloseReplacement();
            _log?.Dispose();
            _log = null;
        }

        private void OpenLog()
        {
            try
            {
                _log?.Dispose();
                _log = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
            }
            catch (IOException)
            {
                _log = null;
            }
        }

        private void CloseReplacement()
        {
            _replacement?.Dispose();
            _replacement = null;
        }

        private void TryMove()
        {
            try
            {
                File.Move(_newPath, _path);
            }
            catch (IOException)
            {
                // Left for the next open.
            }
        }
    }
}
