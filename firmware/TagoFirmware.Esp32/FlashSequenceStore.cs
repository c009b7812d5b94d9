using System;
using System.IO;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// <see cref="ISequenceStore"/> over two small files, <c>&lt;path&gt;0</c> and <c>&lt;path&gt;1</c> (one slot each;
    /// on the ESP32 <c>I:\tagofirmware.seq0</c>/<c>1</c> on LittleFS, in the twin <c>sequence0</c>/<c>1</c> in
    /// <c>--data-dir</c>; one source for both). A slot is overwritten in place: a power cut may tear only the slot being
    /// written, which <see cref="SequenceCounter"/> tolerates (it keeps the other). Never throws.
    /// </summary>
    public sealed class FlashSequenceStore : ISequenceStore
    {
        /// <summary>Default path prefix on the internal flash drive.</summary>
        public const string DefaultPath = "I:\\tagofirmware.seq";

        private readonly string _path;

        /// <summary>Creates the store; nothing is touched until the first read or write.</summary>
        /// <param name="path">Path prefix of the two slot files; null uses <see cref="DefaultPath"/>.</param>
        public FlashSequenceStore(string path)
        {
            _path = path == null ? DefaultPath : path;
        }

        /// <inheritdoc />
        public bool Read(int slot, byte[] record)
        {
            try
            {
                string file = _path + slot;
                if (!File.Exists(file))
                {
                    return false;
                }

                byte[] bytes = File.ReadAllBytes(file);
                if (bytes == null || bytes.Length != record.Length)
                {
                    return false;
                }

                Array.Copy(bytes, record, record.Length);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool Write(int slot, byte[] record)
        {
            try
            {
                FileStream stream = new FileStream(_path + slot, FileMode.Create, FileAccess.Write);
                try
                {
                    stream.Write(record, 0, record.Length);
                    stream.Flush();
                }
                finally
                {
                    stream.Dispose();
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
