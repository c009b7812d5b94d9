using TagoFirmware.Platform;

namespace TagoFirmware.Diagnostics
{
    /// <summary>
    /// Why the node started, as far as nanoFramework can tell. There is no managed reset-reason API
    /// (nanoFramework.Hardware.Esp32 offers none): <c>Sleep.GetWakeupCause()</c> distinguishes deep-sleep wakes, and the firmware itself
    /// knows when it rebooted on purpose if it records that before rebooting. Everything else (power-on, reset
    /// button, brown-out, crash) is <see cref="PowerOnOrReset"/>.
    /// </summary>
    /// <remarks>
    /// Mapping from the recorded <c>TagoFirmware.Platform.RebootReason</c> (the ESP32 app's <c>Esp32PlatformInfo.DetermineBootReason</c>):
    /// <c>Command</c> → <see cref="CommandReboot"/>; <c>NoAckTimeout</c> (self-heal b) and <c>MainLoopHung</c> (the
    /// watchdog thread, self-heal a) → <see cref="WatchdogReboot"/>; <c>ConfigChanged</c> → <see cref="CommandReboot"/>
    /// (a deliberate restart asked from outside the node; the current firmware never issues it: a corrected config file
    /// is picked up by the safe state without a reboot, and a changed file only resets the command overrides). A
    /// deep-sleep wake cause wins over a recorded reason. No separate value exists for a config change because nothing
    /// reboots for one; add it (and its <c>boot_reason</c> text) only together with a reboot that needs telling apart.
    /// </remarks>
    public enum BootReason
    {
        /// <summary>Not determined yet.</summary>
        Unknown = 0,

        /// <summary>Power-on, reset button, brown-out or crash: indistinguishable on nanoFramework.</summary>
        PowerOnOrReset = 1,

        /// <summary>Woken from deep sleep by the timer (WakeupCause.Timer).</summary>
        TimerWake = 2,

        /// <summary>Woken from deep sleep by a GPIO or touch pad (WakeupCause.Ext0/Ext1/Gpio/TouchPad).</summary>
        PinWake = 3,

        /// <summary>Woken from deep sleep by another source (UART, ULP, …).</summary>
        OtherWake = 4,

        /// <summary>Rebooted by a <c>reboot</c> downlink command.</summary>
        CommandReboot = 5,

        /// <summary>Rebooted by the firmware's own watchdog or outage policy.</summary>
        WatchdogReboot = 6,
    }
}
