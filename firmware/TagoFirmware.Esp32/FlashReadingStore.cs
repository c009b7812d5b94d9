using System;
using System.IO;
using TagoFirmware.Readings;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IReadingStore"/> over one log file. One source for both targets: the ESP32 app compiles it against
    /// nanoFramework System.IO.FileSystem (<c>I:\tagofirmware.queue</c> on the internal flash), the host twin links it
    /// (<c>queue.log</c> in its data directory), so the host tests run the code the device runs.
    /// </summary>
    /// <remarks>
    /// Only members both runtimes have (FileStream, <c>File.Exists/Delete/Move</c>). Atomic replacement: write
    /// <c>&lt;path&gt;.new</c>, close it, delete the log, rename (nanoFramework's <c>File.Move</c> does not overwrite);
    /// at open, both files present = an unfinished compaction (drop <c>.new</c>), only <c>.new</c> = cut before the
    /// rename (rename it). The log stays open between appends because on LittleFS every open-for-append copies the
    /// file's last block. A log that cannot be opened for writing is opened read-only (<see cref="CanWrite"/> false),
    /// so a read-only directory still gives up its readings. Never throws: the device throws more than IOException
    /// for a missing or full drive.
    /// </remarks>
    public sealed class FlashReadingStore : IReadingStore, IDisposable
    {
        private readonly string _path;
        private readonly string _newPath;
        private FileStream _log;
        private FileStream _replacement;

        /// <summary>Opens (or creates) the log at <paramref name="path"/>, repairing an interrupted switch.</summary>
        /// <param name="path">Log file; its directory must exist.</param>
        public FlashReadingStore(string path)
        {
            _path = path;
            _newPath = path + ".new";
            try
            {
                if (File.Exists(_path) && File.Exists(_newPath))
                {
                    File.Delete(_newPath);
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

        /// <summary>True when the log is open, for writing or at least for reading.</summary>
        public bool IsOpen => _log != null;

        /// <inheritdoc />
        public bool CanWrite { get; private set; }

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
            try
            {
                _replacement.Flush();
                Close();
                File.Delete(_path);
                File.Move(_newPath, _path);
            }
            catch (Exception)
            {
                // The open rule below and at the next boot picks a complete log.
                Close();
                OpenLog();
                return false;
            }

            OpenLog();
            return CanWrite;
        }

        /// <inheritdoc />
        public void AbortReplace()
        {
            Dispose(ref _replacement);
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

        /// <summary>Flushes and closes the files (before deep sleep); afterwards every call fails.</summary>
        public void Close()
        {
            Dispose(ref _replacement);
            Dispose(ref _log);
            CanWrite = false;
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        private void OpenLog()
        {
            Dispose(ref _log);
            try
            {
                if (!File.Exists(_path) && File.Exists(_newPath))
                {
                    File.Move(_newPath, _path);
                }

                _log = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
                CanWrite = true;
                return;
            }
            catch (Exception)
            {
                CanWrite = false;
            }

            try
            {
                _log = new FileStream(_path, FileMode.Open, FileAccess.Read);
            }
            catch (Exception)
            {
                _log = null;
            }
        }

        private static void Dispose(ref FileStream stream)
        {
            FileStream s = stream;
            stream = null;
            try
            {
                if (s != null)
                {
                    s.Dispose();
                }
            }
            catch (Exception)
            {
                // Closing a broken handle; nothing to save.
            }
        }
    }
}
