namespace nanoFramework.Runtime.Native
{
    /// <summary>Reboot options.</summary>
    public enum RebootOption
    {
        /// <summary>Hard reset of the CPU.</summary>
        NormalReboot = 0,

        /// <summary>Reboot into nanoBooter.</summary>
        EnterNanoBooter = 1,

        /// <summary>Restart the CLR only.</summary>
        ClrOnly = 2,

        /// <summary>Reboot into the proprietary bootloader.</summary>
        EnterProprietaryBooter = 8,
    }
}
