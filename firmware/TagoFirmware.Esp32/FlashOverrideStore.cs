using System;
using System.IO;
using TagoFirmware.Commands;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IOverrideStore"/> over one small file: the command-overrides record (a few dozen bytes with its own
    /// CRC, see <see cref="CommandOverrides"/>), kept apart from the config file so a newly deployed config is never
    /// edited by the firmware. One source for both targets: on the ESP32 it is <c>I:\tagofirmware.overrides</c> on the
    /// internal flash (LittleFS), in the host twin <c>overrides.bin</c> in <c>--data-dir</c> (opened through
    /// TwinDataDirectory), so the host tests exercise exactly the code the device runs.
    /// </summary>
    /// <remarks>
    /// Replaced atomically with only the System.IO members both runtimes have: the record is written to
    /// <c>&lt;path&gt;.new</c>, flushed and closed; then the old file is deleted and the new one renamed
    /// (nanoFramework's <c>File.Move</c> does not overwrite). An interrupted switch is repaired at the next
    /// <see cref="Read"/> exactly like <see cref="FlashReadingStore"/>: both present = an unfinished write, the old
    /// record is still complete and in force (the <c>.new</c> is deleted); only <c>.new</c> present = cut between delete
    /// and rename (it is renamed). So a crash leaves the old or the new record, never a mix, and the record's CRC
    /// catches anything else. Writes happen only when a command changes an override, so the LittleFS wear is
    /// negligible. Never throws: every file call is guarded by <c>catch (Exception)</c>.
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
