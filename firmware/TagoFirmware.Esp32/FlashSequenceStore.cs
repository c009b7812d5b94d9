using System;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Esp32
{
    /// <summary><see cref="ISequenceStore"/> over two files, <c>&lt;path&gt;0</c> and <c>&lt;path&gt;1</c>; never throws.</summary>
    /// <remarks>A power cut may tear only the slot being written, which <see cref="SequenceCounter"/> tolerates.</remarks>
    public sealed class FlashSequenceStore : ISequenceStore
    {
        /// <summary>Default path prefix on the internal flash drive.</summary>
        public const string DefaultPath = "I:\\tagofirmware.seq";

        private readonly string _path;

        /// <summary>Creates the store over the slot files' path prefix; touches nothing yet.</summary>
        public FlashSequenceStore(string path) => _path = path;

        /// <inheritdoc />
        public bool Read(int slot, byte[] record)
        {
            byte[] bytes = Esp32Files.ReadFile(_path + slot, record.Length);
            if (bytes == null || bytes.Length != record.Length)
            {
                return false;
            }

            Array.Copy(bytes, record, record.Length);
            return true;
        }

        /// <inheritdoc />
        public bool Write(int slot, byte[] record) => Esp32Files.WriteFile(_path + slot, record);
    }
}
