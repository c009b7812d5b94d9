namespace TagoFirmware.Config
{
    /// <summary>Validation parameters from outside the file: whether WiFi is needed, and key values supplied by flags or the environment.</summary>
    public sealed class ConfigRules
    {
        internal readonly string[] Supplied = new string[ConfigKeys.Rows.Length];

        /// <summary>True (default): <c>wifi.ssid</c> is required and checked; the host twin, which has no WiFi, sets false.</summary>
        public bool RequireWifi { get; set; } = true;

        /// <summary>Supplies a string key's value, which replaces the file's before validation.</summary>
        public void Supply(ConfigKey key, string value) => Supplied[key.Id] = value == null || value.Length == 0 ? null : value;
    }
}
