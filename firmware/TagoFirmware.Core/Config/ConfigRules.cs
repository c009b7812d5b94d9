namespace TagoFirmware.Config
{
    /// <summary>Validation parameters from outside the file: the smallest sampling interval, whether WiFi is needed, and key values supplied by flags or the environment.</summary>
    public sealed class ConfigRules
    {
        /// <summary>Default minimum interval: 6 s = 3 reads (median of 3) × 2 s, the DHT22/AM2302 minimum sampling period (Aosong AM2302 datasheet §7).</summary>
        public const int DefaultMinIntervalSeconds = 6;

        /// <summary>Reason shown with <see cref="DefaultMinIntervalSeconds"/>.</summary>
        public const string DefaultMinIntervalReason =
            "a sample is a median of 3 reads 2 s apart (DHT22 minimum)";

        private readonly string[] _supplied = new string[ConfigKeys.Rows.Length];

        /// <summary>Smallest <c>sampling.interval_s</c> accepted before the sensors' own minimums.</summary>
        public int MinIntervalSeconds { get; set; } = DefaultMinIntervalSeconds;

        /// <summary>Why <see cref="MinIntervalSeconds"/> is the minimum; completes "must be ≥ N s because …".</summary>
        public string MinIntervalReason { get; set; } = DefaultMinIntervalReason;

        /// <summary>True (default): <c>wifi.ssid</c> is required and checked; the host twin, which has no WiFi, sets false.</summary>
        public bool RequireWifi { get; set; } = true;

        /// <summary>True once a value was supplied.</summary>
        internal bool AnySupplied { get; private set; }

        /// <summary>Supplies a string key's value, which replaces the file's before validation.</summary>
        public void Supply(ConfigKey key, string value)
        {
            _supplied[key.Id] = value == null || value.Length == 0 ? null : value;
            AnySupplied |= _supplied[key.Id] != null;
        }

        /// <summary>The value supplied for <paramref name="key"/>, or null.</summary>
        public string Supplied(ConfigKey key) => _supplied[key.Id];
    }
}
