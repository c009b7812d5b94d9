using TagoFirmware.TagoTip;

namespace TagoFirmware.Node
{
    /// <summary>
    /// The sequence counter's slots in RAM, for a platform that gives no <see cref="TagoFirmware.Connection.NodePorts.Sequences"/>: the
    /// counter then restarts at 1 on every boot, and the server's <c>invalid_seq</c> answers move it ahead again
    /// (<see cref="TagoTipReceipts"/>), at the cost of a few rejected frames.
    /// </summary>
    internal sealed class MemorySequenceStore : ISequenceStore
    {
        private readonly byte[][] _slots = new byte[2][];

        /// <inheritdoc />
        public bool Read(int slot, byte[] record)
        {
            byte[] stored = _slots[slot];
            if (stored == null)
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
