namespace TagoFirmware.Config
{
    /// <summary>The <c>timeouts</c> group: deadlines and retry intervals of the connection supervisor.</summary>
    public sealed class TimeoutConfig
    {
        /// <summary>Default WiFi connect deadline: 30 s.</summary>
        public const int DefaultWifiConnectSeconds = 30;

        /// <summary>Default publish acknowledgement timeout: 15 s (a QoS 1 publish not acknowledged in time means the
        /// link is dead; otherwise a frozen broker is noticed only after about two keepalive periods).</summary>
        public const int DefaultAckSeconds = 15;

        /// <summary>Default retry interval after refused credentials: 5 minutes.</summary>
        public const int DefaultAuthRetrySeconds = 300;

        /// <summary>Default self-heal reboot: 30 minutes connected at QoS 1 without any acknowledgement.</summary>
        public const int DefaultRebootAfterSeconds = 1800;

        /// <summary><c>timeouts.wifi_connect_s</c>: deadline of one WiFi join (DHCP and SNTP included), 5…300 s. Default 30.</summary>
        public int WifiConnectSeconds { get; set; } = DefaultWifiConnectSeconds;

        /// <summary><c>timeouts.ack_s</c>: QoS 1 acknowledgement timeout, 2…120 s. Default 15.</summary>
        public int AckSeconds { get; set; } = DefaultAckSeconds;

        /// <summary><c>timeouts.auth_retry_s</c>: retry interval after the broker refused the token, 30…86400 s. Default 300.</summary>
        public int AuthRetrySeconds { get; set; } = DefaultAuthRetrySeconds;

        /// <summary><c>timeouts.reboot_after_s</c>: reboot when connected at QoS 1 but nothing was acknowledged for this
        /// long; 0 disables, otherwise 300…604800 s. Default 1800.</summary>
        public int RebootAfterSeconds { get; set; } = DefaultRebootAfterSeconds;
    }
}
