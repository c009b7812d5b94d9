namespace TagoFirmware.Config
{
    /// <summary>The <c>wifi</c> group of a <see cref="NodeConfig"/>.</summary>
    public sealed class WifiConfig
    {
        private readonly ConfigValues _v;

        internal WifiConfig(ConfigValues values) => _v = values;

        /// <summary><c>wifi.ssid</c>: the network name.</summary>
        public string Ssid { get => _v.Text(ConfigKeys.WifiSsid); set => _v.SetValue(ConfigKeys.WifiSsid, value); }

        /// <summary><c>wifi.password</c>: empty for an open network. A secret.</summary>
        public string Password { get => _v.Text(ConfigKeys.WifiPassword); set => _v.SetValue(ConfigKeys.WifiPassword, value); }
    }
}
