namespace TagoFirmware.Connection
{
    /// <summary>What the status LED shows: the lowest layer that is not working yet.</summary>
    public enum NodeStatus
    {
        /// <summary>Just booted; nothing attempted yet.</summary>
        Starting = 0,

        /// <summary>WiFi is down or coming up.</summary>
        NoWifi = 1,

        /// <summary>WiFi is up, waiting for SNTP to set a valid wall clock.</summary>
        NoClock = 2,

        /// <summary>Connecting to, or backing off from, the broker.</summary>
        NoBroker = 3,

        /// <summary>The broker refused the device token (CONNACK 4/5, MQTT 5 0x86/0x87).</summary>
        CredentialsRefused = 4,

        /// <summary>Connected, announced online, commands subscribed.</summary>
        Online = 5,

        /// <summary>The configuration is invalid; the node will not connect until it is fixed.</summary>
        ConfigInvalid = 6,
    }
}
