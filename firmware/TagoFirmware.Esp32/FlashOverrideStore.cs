using System;
using System.IO;
using TagoFirmware.Commands;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IOverrideStore"/> over one small file (<c>I:\tagofirmware.overrides</c> on the ESP32, <c>overrides.bin</c>
    /// in the twin's data directory), apart from the config file so a deployed config is never edited by the firmware.
    /// </summary>
    /// <remarks>
    /// Replaced atomically like <see cref="FlashReadingStore"/>: write <c>&lt;path&gt;.new</c>, delete, rename
    /// (nanoFramework's <c>File.Move</c> does not overwrite); an interrupted switch is repaired at the next
    /// <see cref="Read"/>, and the record's CRC catches anything else. Never throws.
    /// </remarks>
    public sealed class FlashOverrideStore : IOverrideStore
    {
        /// <summary>Default location on the internal flash drive.</summary>
        public const string DefaultPath = "I:\\tagofirmware.overrides";

        /// <summary>Records larger than this are not written or read (the real record is far smaller).</summary>
        public const int MaxRecordBytes = 1024;

        private readonly string _path;
        private readonly string _newPath;

        /// <summary>Creates the store; nothing is touched until the first <see cref="Read"/> or <see cref="Write"/>.</summary>
        public FlashOverrideStore(string path)
        {
            _path = path == null ? DefaultPath : path;
            _newPath = _path + ".new";
        }

        /// <summary>Path of the record file.</summary>
        public string Path
        {
            get { return _path; }
        }

        /// <summary>Writes that failed (drive or directory missing, full or read-only).</summary>
        public int WriteErrors { get; private set; }

        /// <inheritdoc />
        public byte[] Read()
        {
            try
            {
                if (!File.Exists(_path))
                {
                    if (!File.Exists(_newPath))
                    {
                        return null;
                    }

                    File.Move(_newPath, _path);
                }
                else if (File.Exists(_newPath))
                {
                    File.Delete(_newPath);
                }

                byte[] record = File.ReadAllBytes(_path);
                return record == null || record.Length == 0 || record.Length > MaxRecordBytes ? null : record;
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <inheritdoc />
        public bool Write(byte[] record)
        {
            if (record == null || record.Length == 0 || record.Length > MaxRecordBytes)
            {
                return false;
            }

            try
            {
                if (File.Exists(_newPath))
                {
                    File.Delete(_newPath);
                }

                FileStream stream = new FileStream(_newPath, FileMode.Create, FileAccess.Write);
                try
                {
                    stream.Write(record, 0, record.Length);
                    stream.Flush();
                }
                finally
                {
                    stream.Dispose();
                }

                if (File.Exists(_path))
                {
                    File.Delete(_path);
                }

                File.Move(_newPath, _path);
                return true;
            }
            catch (Exception)
            {
                WriteErrors++;
                return false;
            }
        }
    }
}
