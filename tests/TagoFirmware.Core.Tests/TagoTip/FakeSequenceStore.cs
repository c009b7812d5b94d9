using TagoFirmware.TagoTip;

namespace TagoFirmware.Tests.TagoTip
{
    /// <summary>
    /// Two in-memory slots that survive a simulated reboot (a new counter over the same store), can fail writes,
    /// and can cut the next write after a given number of bytes, as a power cut would: the first bytes are the new
    /// record's, the rest stay as they were.
    /// </summary>
    public sealed class FakeSequenceStore : ISequenceStore
    {
        private readonly byte[][] _slots = { null, null };

        /// <summary>When 0 or more, the next write stores only this many bytes and then "loses power".</summary>
        public int CutNextWriteAt { get; set; } = -1;

        /// <summary>When true, writes fail and change nothing.</summary>
        public bool FailWrites { get; set; }

        /// <summary>Writes that completed.</summary>
        public int Writes { get; private set; }

        /// <summary>True once a cut write happened (the device is off until the test "reboots" it).</summary>
        public bool PowerLost { get; private set; }

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
            if (FailWrites)
            {
                return false;
            }

            if (_slots[slot] == null)
            {
                // An erased flash slot reads as 0xFF.
                _slots[slot] = new byte[record.Length];
                for (int i = 0; i < record.Length; i++)
                {
                    _slots[slot][i] = 0xFF;
                }
            }

            int count = CutNextWriteAt >= 0 && CutNextWriteAt < record.Length ? CutNextWriteAt : record.Length;
            System.Array.Copy(record, _slots[slot], count);
            if (count < record.Length)
            {
                CutNextWriteAt = -1;
                PowerLost = true;
                return false;
            }

            Writes++;
            return true;
        }
    }
}
