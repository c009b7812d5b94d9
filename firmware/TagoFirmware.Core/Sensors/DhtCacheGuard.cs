namespace TagoFirmware.Sensors
{
    /// <summary>Stops the Dhtxx binding re-serving a cached frame (<c>DhtBase.ReadData</c>: 1 s of <c>DateTime.UtcNow</c>) after an SNTP step back.</summary>
    public sealed class DhtCacheGuard
    {
        /// <summary>The binding re-serves its frame within this many ms of wall time after the last good one.</summary>
        public const int BindingCacheMs = 1000;

        /// <summary><see cref="Check"/>: read the sensor.</summary>
        public const int Read = 0;

        /// <summary><see cref="Check"/>: too early by the wall clock; report a failed read, the next paced read is fresh.</summary>
        public const int TooEarly = 1;

        /// <summary><see cref="Check"/>: the wall clock stepped back; recreate the binding (its cache is per instance) and report a failed read.</summary>
        public const int ClockStepped = 2;

        private bool _hasGood;
        private long _goodMonotonicMs;
        private long _goodWallMs;

        /// <summary>Decides whether a read now would get a fresh frame.</summary>
        public int Check(long monotonicMs, long wallMs)
        {
            long wallGap = wallMs - _goodWallMs;
            if (!_hasGood || wallGap >= BindingCacheMs)
            {
                return Read;
            }

            // Waiting does not help while the wall clock lags the monotonic one by a second or more.
            return monotonicMs - _goodMonotonicMs - wallGap >= BindingCacheMs ? ClockStepped : TooEarly;
        }

        /// <summary>Records a good frame read now.</summary>
        public void Good(long monotonicMs, long wallMs)
        {
            _hasGood = true;
            _goodMonotonicMs = monotonicMs;
            _goodWallMs = wallMs;
        }

        /// <summary>Forgets the last good frame (the binding was recreated, so it has no cache).</summary>
        public void Forget() => _hasGood = false;
    }
}
