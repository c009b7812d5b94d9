namespace TagoFirmware.Session
{
    /// <summary>
    /// The platform ports a <see cref="NodeSupervisor"/> runs on. <see cref="Clock"/>, <see cref="Network"/>,
    /// <see cref="Mqtt"/> and <see cref="Random"/> are required; the others may be null (nothing is then reported
    /// there; without <see cref="Device"/> self-heal only logs).
    /// </summary>
    public sealed class SessionPorts
    {
        /// <summary>Monotonic and wall time (required).</summary>
        public IClock Clock { get; set; }

        /// <summary>The IP link (required).</summary>
        public INetworkLink Network { get; set; }

        /// <summary>SNTP control; null = the clock gets set by other means.</summary>
        public ITimeSync TimeSync { get; set; }

        /// <summary>The MQTT client link (required).</summary>
        public IMqttLink Mqtt { get; set; }

        /// <summary>The application layer; null = nobody listens.</summary>
        public ISessionListener Listener { get; set; }

        /// <summary>Log sink; null = no logging.</summary>
        public ILog Log { get; set; }

        /// <summary>Status LED; null = none.</summary>
        public IStatusIndicator Status { get; set; }

        /// <summary>Reboot control; null = self-heal logs but cannot reboot.</summary>
        public IDeviceControl Device { get; set; }

        /// <summary>Jitter source (required).</summary>
        public IRandomSource Random { get; set; }
    }
}
