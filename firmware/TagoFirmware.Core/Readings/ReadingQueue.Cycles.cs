namespace TagoFirmware.Readings
{
    /// <summary>The queue's write side: sampling cycles (one time and one write per cycle) and the time fill-in of
    /// readings taken before the clock was valid.</summary>
    public sealed partial class ReadingQueue
    {
        /// <summary>
        /// Opens a sampling cycle: every reading added until <see cref="EndCycle"/> shares this time (and so one
        /// group id). An open cycle is ended first.
        /// </summary>
        /// <param name="wallUnixMs">Wall clock now, Unix ms.</param>
        /// <param name="wallValid">Whether the wall clock is set (SNTP or RTC); times before 2020 count as not set.</param>
        /// <param name="monotonicMs">Monotonic ms since boot now.</param>
        public void BeginCycle(long wallUnixMs, bool wallValid, uint monotonicMs)
        {
            if (_inCycle)
            {
                EndCycle();
            }

            bool valid = wallValid && wallUnixMs >= ReadingRecord.MinValidUnixMs && wallUnixMs <= ReadingRecord.MaxUnixMs;
            if (valid && !_synced)
            {
                // The first valid clock of the boot is a sync point for the readings taken before it.
                OnClockSynced(wallUnixMs, monotonicMs);
            }

            _inCycle = true;
            _cycleAdded = 0;
            _cycleMono = monotonicMs;
            if (valid)
            {
                _cycleTimed = true;
                _cycleWall = wallUnixMs;
            }
            else if (_synced)
            {
                _cycleTimed = true;
                _cycleWall = _syncWall + (monotonicMs - _syncMono);
            }
            else
            {
                _cycleTimed = false;
                _cycleWall = 0;
            }
        }

        /// <summary>Adds one reading to the open cycle, scaling it to an integer with <paramref name="decimals"/> decimals.</summary>
        /// <param name="variableIndex">Index into the configured variable table, 0..255.</param>
        /// <param name="value">The value; NaN and infinities are refused.</param>
        /// <param name="decimals">Decimals to keep, 0..6 (rounded half away from zero).</param>
        /// <returns><see cref="ReadingAppendResult.Queued"/> or why nothing was queued.</returns>
        public ReadingAppendResult Add(int variableIndex, double value, int decimals)
        {
            if (decimals < 0 || decimals > ReadingRecord.MaxDecimals)
            {
                return ReadingAppendResult.BadDecimals;
            }

            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return ReadingAppendResult.NotANumber;
            }

            double scaled = value * s_pow10[decimals];
            if (scaled >= 2147483647.5 || scaled <= -2147483647.5)
            {
                return ReadingAppendResult.OutOfRange;
            }

            int rounded = scaled >= 0 ? (int)(scaled + 0.5) : -(int)(-scaled + 0.5);
            return AddScaled(variableIndex, rounded, decimals);
        }

        /// <summary>Adds one reading already scaled to an integer (value × 10^decimals) to the open cycle.</summary>
        /// <param name="variableIndex">Index into the configured variable table, 0..255.</param>
        /// <param name="scaledValue">Value × 10^decimals, -2147483647..2147483647.</param>
        /// <param name="decimals">0..6.</param>
        /// <returns><see cref="ReadingAppendResult.Queued"/> or why nothing was queued.</returns>
        public ReadingAppendResult AddScaled(int variableIndex, int scaledValue, int decimals)
        {
            if (!_inCycle)
            {
                return ReadingAppendResult.NoCycle;
            }

            if (variableIndex < 0 || variableIndex > ReadingRecord.MaxVariableIndex)
            {
                return ReadingAppendResult.BadVariableIndex;
            }

            if (decimals < 0 || decimals > ReadingRecord.MaxDecimals)
            {
                return ReadingAppendResult.BadDecimals;
            }

            if (scaledValue == int.MinValue)
            {
                return ReadingAppendResult.OutOfRange;
            }

            int pos = MakeRoom();
            if (_cycleTimed)
            {
                ReadingRecord.WriteTimed(_ring.Bytes, pos, variableIndex, scaledValue, decimals, _cycleWall);
            }
            else
            {
                ReadingRecord.WriteUntimed(_ring.Bytes, pos, variableIndex, scaledValue, decimals, _bootCounter, _cycleMono);
            }

            _ring.Commit();
            _cycleAdded++;
            return ReadingAppendResult.Queued;
        }

        /// <summary>Closes the open cycle and persists its readings in one append (up to 32 readings per write).</summary>
        /// <returns>Readings the cycle added (0 when no cycle was open).</returns>
        public int EndCycle()
        {
            if (!_inCycle)
            {
                return 0;
            }

            _inCycle = false;
            int added = _cycleAdded;
            _cycleAdded = 0;
            _log.AppendNewest(added < _ring.Count ? added : _ring.Count);
            return added;
        }

        /// <summary>
        /// The first clock sync of this boot: fills in wall time for every untimed reading of this boot and persists
        /// the sync point (one log record). Later calls in the same boot change nothing.
        /// </summary>
        /// <param name="syncUnixMs">Wall time at the sync, Unix ms (before 2020 is ignored).</param>
        /// <param name="syncMonotonicMs">Monotonic ms at the same instant.</param>
        /// <returns>Readings that got their time.</returns>
        public int OnClockSynced(long syncUnixMs, uint syncMonotonicMs)
        {
            if (_synced || syncUnixMs < ReadingRecord.MinValidUnixMs || syncUnixMs > ReadingRecord.MaxUnixMs)
            {
                return 0;
            }

            _synced = true;
            _syncWall = syncUnixMs;
            _syncMono = syncMonotonicMs;
            if (_inCycle && !_cycleTimed)
            {
                _cycleTimed = true;
                _cycleWall = syncUnixMs - (syncMonotonicMs - _cycleMono);
            }

            int filled = _ring.FillIn(_bootCounter, syncUnixMs, syncMonotonicMs);
            if (filled > 0)
            {
                _log.AppendTime(_bootCounter, syncUnixMs, syncMonotonicMs);
            }

            return filled;
        }
    }
}
