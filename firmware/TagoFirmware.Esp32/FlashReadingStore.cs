using System;
using System.IO;
using TagoFirmware.Readings;

namespace TagoFirmware.Esp32
{
    /// <summary><see cref="IReadingStore"/> over one log file: <c>I:\tagofirmware.queue</c> on the ESP32 (the twin links this file).</summary>
    /// <remarks>Only members both runtimes have; replacement: write <c>&lt;path&gt;.new</c>, close, <see cref="Esp32Files.Commit"/>. The log
    /// stays open between appends (LittleFS copies the last block on every open-for-append); read-only when not writable. Never throws.</remarks>
    public sealed class FlashReadingStore : IReadingStore, IDisposable
    {
        private readonly string _path;
        private readonly string _newPath;
        private FileStream _log;
        private FileStream _replacement;

        /// <summary>Opens (or creates) the log at <paramref name="path"/>, repairing an interrupted switch.</summary>
        public FlashReadingStore(string path)
        {
            _path = path;
            _newPath = path + ".new";
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
                    return (int)_log.Length;
                }
                catch (Exception)
                {
                    return -1; // also no log open
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
        public bool Append(byte[] buffer, int offset, int count) => Write(_log, buffer, offset, count, true);

        /// <inheritdoc />
        public bool BeginReplace()
        {
            Dispose(ref _replacement);
            _replacement = Open(_newPath, FileMode.Create, FileAccess.Write);
            return _replacement != null;
        }

        /// <inheritdoc />
        public bool WriteReplacement(byte[] buffer, int offset, int count) => Write(_replacement, buffer, offset, count, false);

        /// <inheritdoc />
        public bool CommitReplace()
        {
            bool ok = true;
            try
            {
                _replacement.Flush();
            }
            catch (Exception)
            {
                ok = false;
            }

            // On failure the open rule (now and at the next boot) picks a complete log.
            Close();
            ok = ok && Esp32Files.Commit(_newPath, _path);
            OpenLog();
            return ok && CanWrite;
        }

        /// <inheritdoc />
        public void AbortReplace()
        {
            // Rare (a failed compaction): reopening the log applies the open rule, which deletes the .new file.
            OpenLog();
        }

        /// <summary>Flushes and closes the files (before deep sleep); afterwards every call fails.</summary>
        public void Close()
        {
            Dispose(ref _replacement);
            Dispose(ref _log);
            CanWrite = false;
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose() => Close();

        // The open rule (Esp32Files.Repair) picks the complete log after a cut.
        private void OpenLog()
        {
            Close();
            Esp32Files.Repair(_newPath, _path);
            _log = Open(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
            CanWrite = _log != null;
            if (_log == null)
            {
                _log = Open(_path, FileMode.Open, FileAccess.Read); // null: Length reports -1
            }
        }

        private static FileStream Open(string path, FileMode mode, FileAccess access)
        {
            try
            {
                return new FileStream(path, mode, access);
            }
            catch (Exception)
            {
                return null;
            }
        }

        // An append is flushed (durable once LittleFS commits the metadata); a replacement once, when committed.
        private static bool Write(FileStream file, byte[] buffer, int offset, int count, bool append)
        {
            try
            {
                if (append)
                {
                    file.Seek(0, SeekOrigin.End);
                }

                file.Write(buffer, offset, count);
                if (append)
                {
                    file.Flush();
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private static void Dispose(ref FileStream stream)
        {
            FileStream s = stream;
            stream = null;
            try
            {
                s?.Dispose();
            }
            catch (Exception)
            {
                // Closing a broken handle; nothing to save.
            }
        }
    }
}
