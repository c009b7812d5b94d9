using TagoFirmware.TagoTip;

namespace TagoFirmware.Node
{
    /// <summary>Sequence counter slots in RAM (no sequence store, or <c>--no-persist</c>): a server's <c>invalid_seq</c> moves <c>!N</c> ahead again.</summary>
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

            System.Array.Copy(stored, record, record.Length);
            return true;
        }

        /// <inheritdoc />
        public bool Write(int slot, byte[] record)
        {
            byte[] copy = new byte[record.Length];
            System.Array.Copy(record, copy, record.Length);
            _slots[slot] = copy;
            return true;
        }
    }
}
