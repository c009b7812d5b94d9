namespace TagoFirmware.Platform
{
    /// <summary>Why the node reboots on purpose (reported before the reboot and, if persisted, after it).</summary>
    public enum RebootReason
    {
        /// <summary>Not a reboot.</summary>
        None = 0,

        /// <summary>Self-heal: believed connected at QoS 1, but nothing acknowledged for the configured time.</summary>
        NoAckTimeout = 1,

        /// <summary>The watchdog saw the main loop hang.</summary>
        MainLoopHung = 2,

        /// <summary>A downlink command asked for it.</summary>
        Command = 3,

        /// <summary>A new configuration needs a restart.</summary>
        ConfigChanged = 4,
    }
}
