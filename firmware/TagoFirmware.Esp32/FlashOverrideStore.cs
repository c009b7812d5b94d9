using TagoFirmware.Commands;

namespace TagoFirmware.Esp32
{
    /// <summary><see cref="IOverrideStore"/> over one small file beside, never inside, the config file; never throws.</summary>
    /// <remarks>Replaced atomically: write <c>&lt;path&gt;.new</c>, then <see cref="Esp32Files.Commit"/>; the next
    /// <see cref="Read"/> repairs an interrupted switch and the record's CRC catches anything else.</remarks>
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
            _path = path;
            _newPath = path + ".new";
        }

        /// <inheritdoc />
        public byte[] Read()
        {
            Esp32Files.Repair(_newPath, _path);
            byte[] record = Esp32Files.ReadFile(_path, MaxRecordBytes);
            return record == null || record.Length == 0 || record.Length > MaxRecordBytes ? null : record;
        }

        /// <inheritdoc />
        public bool Write(byte[] record) => record != null && record.Length > 0 && record.Length <= MaxRecordBytes
            && Esp32Files.WriteFile(_newPath, record) && Esp32Files.Commit(_newPath, _path);
    }
}
