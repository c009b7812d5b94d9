using System;
using System.IO;
using TagoFirmware.Commands;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="IOverrideStore"/> on internal flash: the command-overrides record (a few dozen bytes with its own CRC)
    /// in <c>I:\tagofirmware.overrides</c>, apart from the config file, so a newly deployed config is never edited by
    /// the firmware. Replaced atomically: write <c>.new</c>, delete the old file, rename (File.Move does not
    /// overwrite); an interrupted switch is repaired at the next read exactly like <see cref="FlashReadingStore"/>.
    /// </summary>
    public sealed class FlashOverrideStore : IOverrideStore
    {
        /// <summary>Default location on the internal flash drive.</summary>
        public const string DefaultPath = "I:\\tagofirmware.overrides";

        /// <summary>Records larger than this are not written or read (the real record is far smaller).</summary>
        public const int MaxRecordBytes = 1024;

        private readonly string _path;
        private readonly string _newPath;

        /// <summary>Creates the store.</summary>
        /// <param name="path">File path; null uses <see cref="DefaultPath"/>.</param>
        public FlashOverrideStore(string path)
        {
            _path = path == null ? DefaultPath : path;
            _newPath = _path + ".new";
        }

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
                return false;
            }
        }
    }
}
