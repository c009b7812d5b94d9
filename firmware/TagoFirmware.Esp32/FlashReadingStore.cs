using System;
using System.IO;
using TagoFirmware.Readings;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IReadingStore"/> over one log file, appended to, read back at boot and replaced atomically on
    /// compaction. One source for both targets: the ESP32 app compiles it against nanoFramework System.IO.FileSystem on
    /// the internal flash (<c>I:\</c>, LittleFS on current firmware; default <c>I:\tagofirmware.queue</c>), and the
    /// host twin links the same file into TagoFirmware.Host (its <c>queue.log</c> in <c>--data-dir</c>, opened through
    /// TwinDataDirectory), so the host tests exercise exactly the code the device runs.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Only System.IO members both runtimes have: <c>FileStream(path, FileMode, FileAccess)</c>, Seek, Read,
    /// Write, Flush, Length, Dispose; <c>File.Exists/Delete/Move</c> (checked by the ESP32 device gate against the
    /// reference surface of System.IO.FileSystem and System.IO.Streams). No <c>Path</c> or <c>Directory</c>: the
    /// surface has neither, so directory handling stays in the host's TwinDataDirectory.</item>
    /// <item>Atomic replacement (the contract in <see cref="IReadingStore"/>): the new log is written to
    /// <c>&lt;path&gt;.new</c>, flushed and closed; then the old log is deleted and the new one renamed
    /// (nanoFramework's <c>File.Move</c> does not overwrite). At open, both present = an unfinished compaction (the
    /// <c>.new</c> is deleted); only <c>.new</c> present = cut between delete and rename (it is renamed).</item>
    /// <item>The log stream stays open between appends: on LittleFS every open-for-append of a file copies its last
    /// block, so reopening per append would double the wear. <c>Flush</c> after every append makes it durable on the
    /// device (LittleFS commits the file's metadata on sync); on the host it hands the bytes to the OS, which survives
    /// a killed twin process (the twin's crash model), not a host power cut.</item>
    /// <item>One write per sampling cycle and batched ack marks are the core's doing (ReadingQueue); this class writes
    /// exactly what it is given. Never throws (every file call is guarded by <c>catch (Exception)</c>: the device
    /// throws more than IOException for a missing or full drive, the host UnauthorizedAccessException for a
    /// read-only directory); all calls come from the main loop.</item>
    /// </list>
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
            catch (Exception)
            {
                // OpenLog reports whether the log is usable.
            }

            OpenLog();
        }

        /// <summary>Path of the log file, as given to the constructor.</summary>
        public string Path
        {
            get { return _path; }
        }

        /// <summary>True when the log file is open (false: the drive or directory is missing, full or read-only;
        /// nothing persists and <see cref="Length"/> is -1).</summary>
        public bool IsOpen
        {
            get { return _log != null; }
        }

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
                if (_log == null)
                {
                    return -1;
                }

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
                if (_log == null)
                {
                    return false;
                }

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
            try
            {
                CloseReplacement();
                if (File.Exists(_newPath))
                {
                    File.Delete(_newPath);
                }

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
                if (_replacement == null)
                {
                    return false;
                }

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
                CloseReplacement();
                CloseLog();
                File.Delete(_path);
                File.Move(_newPath, _path);
                OpenLog();
                return _log != null;
            }
            catch (Exception)
            {
                // Whatever state the files are in, the open rule picks a complete log.
                try
                {
                    if (!File.Exists(_path) && File.Exists(_newPath))
                    {
                        File.Move(_newPath, _path);
                    }
                }
                catch (Exception)
                {
                    // Left for the next boot's repair.
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
            catch (Exception)
            {
                // A leftover .new file is deleted at the next open.
            }
        }

        /// <summary>Flushes and closes the files (before a reboot or deep sleep). Later calls see a closed store
        /// (<see cref="Length"/> -1, writes fail) until a new instance opens the file again.</summary>
        public void Close()
        {
            CloseReplacement();
            CloseLog();
        }

        /// <summary>Same as <see cref="Close"/>, so the twin and the tests can use <c>using</c>.</summary>
        public void Dispose()
        {
            Close();
        }

        private void OpenLog()
        {
            CloseLog();
            try
            {
                _log = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
            }
            catch (Exception)
            {
                _log = null;
            }
        }

        private void CloseLog()
        {
            FileStream log = _log;
            _log = null;
            if (log != null)
            {
                try
                {
                    log.Dispose();
                }
                catch (Exception)
                {
                    // Closing a broken handle; nothing to save.
                }
            }
        }

        private void CloseReplacement()
        {
            FileStream replacement = _replacement;
            _replacement = null;
            if (replacement != null)
            {
                try
                {
                    replacement.Dispose();
                }
                catch (Exception)
                {
                    // As above.
                }
            }
        }
    }
}
