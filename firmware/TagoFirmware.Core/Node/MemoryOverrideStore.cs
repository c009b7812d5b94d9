using TagoFirmware.Commands;

namespace TagoFirmware.Node
{
    /// <summary>
    /// The override store used when the platform gives none: overrides hold in RAM until the next reboot.
    /// </summary>
    internal sealed class MemoryOverrideStore : IOverrideStore
    {
        private byte[] _record;

        /// <inheritdoc />
        public byte[] Read()
        {
            return _record;
        }

        /// <inheritdoc />
        public bool Write(byte[] record)
        {
            _record = record;
            return true;
        }
    }
}
