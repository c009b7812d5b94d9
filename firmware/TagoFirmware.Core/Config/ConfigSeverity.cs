namespace TagoFirmware.Config
{
    /// <summary>How serious a <see cref="ConfigIssue"/> is.</summary>
    public enum ConfigSeverity
    {
        /// <summary>Usable, but probably not what the user meant (e.g. a strapping pin, plain TCP).</summary>
        Warning = 0,

        /// <summary>Unusable: the node stays in its safe state and flash.ps1 refuses to deploy it.</summary>
        Error = 1,
    }
}
