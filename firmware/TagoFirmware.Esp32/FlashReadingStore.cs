using System;
using System.IO;
using TagoFirmware.Readings;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IReadingStore"/> over one log file, appended to, read back at boot and replaced atomically on
    /// compaction: on the ESP32's internal flash (<c>I:\</c>, LittleFS) and, the same source linked into the host twin,
    /// in its <c>--data-dir</c>, so the host tests exercise the code the device runs.
    /// </summary>
    /// <remarks>
    /// Uses only the System.IO members both runtimes have (FileStream, Seek/Read/Write/Flush/Length, File.Exists/Delete/
    /// Move; no Path or Directory). Replacement is atomic: the new log goes to <c>&lt;path&gt;.new</c>, then the old one
    /// is deleted and the new one renamed (nanoFramework's File.Move does not overwrite); at open, both present = an
    /// unfinished compaction (the .new is deleted), only .new = cut between delete and rename (it is renamed). The log
    /// stays open between appends: on LittleFS every open-for-append copies the file's last block, which would double
    /// the wear; Flush after each append commits it. Never throws: the device throws more than IOException for a
    /// missing or full drive, the host UnauthorizedAccessException for a read-only directory, and a store that could
    /// not open its log fails every call through the same catch. Main loop only.
    /// </remarks>
    public sealed class FlashReadingStore : IReadingStore, IDisposable
    {
        private readonly string _path;
        private readonly string _newPath;
        private FileStream _log;
        private FileStream _replacement;

        /// <summary>Opens (or creates) the log at <paramref name="path"/>, repairing an interrupted switch.</summary>
        /// <param name="path">Log file, e.g. <c>I:\tagofirmware.queue</c> on the ESP32 or <c>&lt;data-dir&gt;/queue.log</c>
        /// in the twin; its directory must exist.</param>
        public FlashReadingStore(string path)
        {
            _path = path;
            _newPath = path + ".new";
            RepairAndOpen();
        }

        /// <summary>True when the log file is open (false: the drive or directory is missing, full or read-only;
        /// nothing persists and <see cref="Length"/> is -1).</summary>
        public bool IsOpen => _log != null;

        /// <inheritdoc />
        public int Length
        {
            get
            {
                try
                {
                    return _log == null ? -1 : (int)_log.Length;
                }
                catch (Exception)
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
                _log.Seek(position, SeekOrigin.Begin);
                return _log.Read(buffer, offset, count);
            }
            catch (Exception)
            {
                return -1;
            }
        }

        /// <inheritdoc />
        public bool Append(byte[] buffer, int offset, int count)
        {
            try
            {
                _log.Seek(0, SeekOrigin.End);
                _log.Write(buffer, offset, count);
                _log.Flush();
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool BeginReplace()
        {
            AbortReplace();
            try
            {
                _replacement = new FileStream(_newPath, FileMode.Create, FileAccess.Write);
                return true;
            }
            catch (Exception)
            {
                _replacement = null;
                return false;
            }
        }

        /// <inheritdoc />
        public bool WriteReplacement(byte[] buffer, int offset, int count)
        {
            try
            {
                _replacement.Write(buffer, offset, count);
                return true;
            }
            catch (Exception)
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
                Close();
                File.Delete(_path);
                File.Move(_newPath, _path);
                RepairAndOpen();
                return _log != null;
            }
            catch (Exception)
            {
                // Whatever state the files are in, the open rule picks a complete log.
                RepairAndOpen();
                return false;
            }
        }

        /// <inheritdoc />
        public void AbortReplace()
        {
            Dispose(_replacement);
            _replacement = null;
            try
            {
                if (File.Exists(_newPath))
                {
                    File.Delete(_newPath);
                }
            }
            catch (Exception)
            {
                // A leftover .new file is deleted at the next open.
            }
        }

        /// <summary>Flushes and closes the files (before a reboot or deep sleep). Later calls see a closed store
        /// (<see cref="Length"/> -1, writes fail) until a new instance opens the file again.</summary>
        public void Close()
        {
            Dispose(_replacement);
            _replacement = null;
            Dispose(_log);
            _log = null;
        }

        /// <summary>Same as <see cref="Close"/>, so the twin and the tests can use <c>using</c>.</summary>
        public void Dispose()
        {
            Close();
        }

        private void RepairAndOpen()
        {
            Close();
            try
            {
                // Both files = an unfinished compaction (the old log is complete); only .new = cut before the rename.
                if (File.Exists(_path))
                {
                    AbortReplace();
                }
                else if (File.Exists(_newPath))
                {
                    File.Move(_newPath, _path);
                }
            }
            catch (Exception)
            {
                // Opening below reports whether the log is usable.
            }

            try
            {
                _log = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
            }
            catch (Exception)
            {
                _log = null;
            }
        }

        private static void Dispose(FileStream stream)
        {
            try
            {
                if (stream != null)
                {
                    stream.Dispose();
                }
            }
            catch (Exception)
            {
                // Closing a broken handle; nothing to save.
            }
        }
    }
}
