namespace TagoFirmware.Config
{
    /// <summary>
    /// Parameters of validation that come from outside the config file: the smallest sampling interval the sensor read
    /// pipeline allows (derived by the sensor layer), and which fields a caller may supply elsewhere (the host twin
    /// takes the token from <c>--token</c> or TAGO_DEVICE_TOKEN).
    /// </summary>
    public sealed class ConfigRules
    {
        /// <summary>Default minimum interval: 6 s = 3 reads (median of 3) × 2 s, the DHT22/AM2302 minimum sampling
        /// period (Aosong AM2302 datasheet §7) — the most demanding supported model.</summary>
        public const int DefaultMinIntervalSeconds = 6;

        /// <summary>Reason shown with <see cref="DefaultMinIntervalSeconds"/>.</summary>
        public const string DefaultMinIntervalReason =
            "a sample is the median of 3 reads taken at least 2 s apart (DHT22/AM2302 minimum sampling period)";

        /// <summary>Smallest <c>sampling.interval_s</c> accepted.</summary>
        public int MinIntervalSeconds { get; set; } = DefaultMinIntervalSeconds;

        /// <summary>Why <see cref="MinIntervalSeconds"/> is the minimum; completes "interval must be ≥ N s because …".</summary>
        public string MinIntervalReason { get; set; } = DefaultMinIntervalReason;

        /// <summary>Smallest <c>sleep.wake_interval_s</c> accepted: 10 s (a wake with the light pipeline — one read and
        /// one retry 2 s apart — plus boot and sensor power-up must fit comfortably). Default 10.</summary>
        public int MinWakeIntervalSeconds { get; set; } = 10;

        /// <summary>True (default): a missing or implausible <c>token</c> is an error. The host twin sets false when the
        /// token comes from the command line or the environment.</summary>
        public bool RequireToken { get; set; } = true;

        /// <summary>True (default): a missing <c>wifi.ssid</c> is an error. The host twin, which has no WiFi, sets false.</summary>
        public bool RequireWifi { get; set; } = true;
    }
}
