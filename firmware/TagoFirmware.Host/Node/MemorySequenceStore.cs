using System;
using TagoFirmware.TagoTip;

namespace TagoFirmware.Host.Node
{
    /// <summary>
    /// The TagoTiP sequence counter's slots in RAM, for <c>--no-persist</c>: <c>!N</c> rises within the process and
    /// starts again with the next one (the embedded server starts fresh with it; a real server answers <c>invalid_seq</c>,
    /// from which the node recovers by its jumps).
    /// </summary>
    public sealed class MemorySequenceStore : ISequenceStore
    {
        private readonly byte[][] _slots = new byte[2][];

        /// <inheritdoc />
        public bool Read(int slot, byte[] record)
        {
            byte[] stored = _slots[slot];
            if (stored == null || stored.Length != record.Length)
            {
                return false;
            }

            Array.Copy(stored, record, record.Length);
            return true;
        }

        /// <inheritdoc />
        public bool Write(int slot, byte[] record)
        {
            _slots[slot] = (byte[])record.Clone();
            return true;
        }
    }
}
