using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary><see cref="ITimeSync"/> on the host: the operating system keeps the time, so a request always succeeds.</summary>
    public sealed class HostTimeSync : ITimeSync
    {
        /// <inheritdoc />
        public bool RequestSync() => true;
    }
}
