using TagoFirmware.Commands;

namespace TagoFirmware.Tests.Commands
{
    /// <summary>An in-memory override store that can be told to fail writes; counts writes.</summary>
    public sealed class FakeOverrideStore : IOverrideStore
    {
        /// <summary>The stored record (null: none).</summary>
        public byte[] Record;

        /// <summary>When true, writes fail and leave <see cref="Record"/> unchanged.</summary>
        public bool FailWrites;

        /// <summary>Successful writes.</summary>
        public int Writes;

        /// <inheritdoc />
        public byte[] Read()
        {
            return Record;
        }

        /// <inheritdoc />
        public bool Write(byte[] record)
        {
            if (FailWrites)
            {
                return false;
            }

            Record = record;
            Writes++;
            return true;
        }
    }
}
