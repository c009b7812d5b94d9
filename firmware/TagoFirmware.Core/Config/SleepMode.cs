namespace TagoFirmware.Config
{
    /// <summary>Power mode, <c>sleep.mode</c> in the config.</summary>
    public enum SleepMode
    {
        /// <summary><c>"off"</c>: always on, connected, sampling every <c>sampling.interval_s</c>.</summary>
        Off = 0,

        /// <summary><c>"deep"</c>: battery mode; wake on a timer, sample, publish every Nth wake, deep sleep.</summary>
        Deep = 1,
    }
}
