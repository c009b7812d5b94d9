using TagoFirmware.Commands;

namespace TagoFirmware.Tests.Commands
{
    /// <summary>A broken store that violates its contract by throwing on every call.</summary>
    public sealed class ThrowingOverrideStore : IOverrideStore
    {
        /// <inheritdoc />
        public byte[] Read()
        {
            throw new System.IO.IOException("flash gone");
        }

        /// <inheritdoc />
        public bool Write(byte[] record)
        {
            throw new System.IO.IOException("flash gone");
        }
    }
}
