using TagoFirmware.Platform;

namespace TagoFirmware.Diagnostics
{
    /// <summary>Why the node started: nanoFramework has no reset-reason API, so wakes come from <c>Sleep.GetWakeupCause()</c>,
    /// reboots from the recorded reason (Command, ConfigChanged → CommandReboot; NoAckTimeout, MainLoopHung → WatchdogReboot).</summary>
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
