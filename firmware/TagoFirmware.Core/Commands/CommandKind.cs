namespace TagoFirmware.Commands
{
    /// <summary>The downlink commands, named by the last level of the command topic.</summary>
    public enum CommandKind
    {
        /// <summary>No command recognised.</summary>
        None = 0,
        /// <summary><c>reboot</c>: restart the node.</summary>
        Reboot = 1,
        /// <summary><c>ping</c>: publish status (and diagnostics) now.</summary>
        Ping = 2,
        /// <summary><c>interval</c>: set the sampling interval in seconds.</summary>
        Interval = 3,
        /// <summary><c>batch</c>: set how many readings go into one payload.</summary>
        Batch = 4,
        /// <summary><c>diagnostics</c>: publish diagnostics now.</summary>
        Diagnostics = 5,
    }
}
