namespace TagoFirmware.Config
{
    /// <summary>The <c>wifi</c> group: the access point the node joins.</summary>
    public sealed class WifiConfig
    {
        /// <summary><c>wifi.ssid</c>: network name, 1…32 bytes (IEEE 802.11 limits an SSID to 32 octets). Required on
        /// the device.</summary>
        public string Ssid { get; set; }

        /// <summary><c>wifi.password</c>: WPA2 passphrase of 8…63 characters or 64 hex digits (IEEE 802.11i), or empty
        /// for an open network. A secret: never logged.</summary>
        public string Password { get; set; } = string.Empty;
    }
}
