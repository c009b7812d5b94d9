using System;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary><see cref="ITimeSync"/> on the host: the OS keeps time, so a request just clears a simulated offset.</summary>
    public sealed class HostTimeSync : ITimeSync
    {
        private readonly SystemClock _clock;

        /// <summary>Creates the adapter.</summary>
        /// <param name="clock">Clock whose simulated offset a sync clears.</param>
        public HostTimeSync(SystemClock clock)
        {
            _clock = clock;
        }

        /// <summary>Number of sync requests.</summary>
        public int Requests { get; private set; }

        /// <inheritdoc />
        public bool RequestSync()
        {
            Requests++;
            _clock.WallOffset = TimeSpan.Zero;
            return true;
        }
    }
}
