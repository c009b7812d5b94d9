namespace TagoFirmware.Config
{
    /// <summary>The <c>timeouts</c> group: deadlines and retry intervals of the connection.</summary>
    public sealed class TimeoutConfig
    {
        private readonly ConfigValues _v;

        internal TimeoutConfig(ConfigValues values) => _v = values;

        /// <summary><c>timeouts.wifi_connect_s</c>: deadline of one WiFi join.</summary>
        public int WifiConnectSeconds { get => _v.Number(ConfigKeys.TimeoutWifiConnect); set => _v.SetNumber(ConfigKeys.TimeoutWifiConnect, value); }

        /// <summary><c>timeouts.ack_s</c>: QoS 1 acknowledgement timeout.</summary>
        public int AckSeconds { get => _v.Number(ConfigKeys.TimeoutAck); set => _v.SetNumber(ConfigKeys.TimeoutAck, value); }

        /// <summary><c>timeouts.auth_retry_s</c>: retry interval after the broker refused the credentials.</summary>
        public int AuthRetrySeconds { get => _v.Number(ConfigKeys.TimeoutAuthRetry); set => _v.SetNumber(ConfigKeys.TimeoutAuthRetry, value); }

        /// <summary><c>timeouts.reboot_after_s</c>: self-heal reboot after this long without acknowledgements; 0 = off.</summary>
        public int RebootAfterSeconds { get => _v.Number(ConfigKeys.TimeoutRebootAfter); set => _v.SetNumber(ConfigKeys.TimeoutRebootAfter, value); }
    }
}
