namespace TagoFirmware.Commands
{
    /// <summary>What the integrator must do after <see cref="CommandProcessor.Process(string, byte[], int, int)"/>.</summary>
    public enum CommandOutcome
    {
        /// <summary>The command was refused: nothing changed, log <see cref="CommandProcessor.LastLogLine"/>.</summary>
        Refused = 0,

        /// <summary>Reboot the node (after logging and, ideally, flushing what is pending).</summary>
        Reboot = 1,

        /// <summary>Publish a status payload now (diagnostics were requested from the policy as well).</summary>
        Ping = 2,

        /// <summary>Publish diagnostics now (already requested from the policy).</summary>
        Diagnostics = 3,

        /// <summary>Interval and/or batch changed; read the new values from <see cref="CommandOverrides"/>.</summary>
        SettingsApplied = 4,
    }
}
