using System;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>Surface of Hardware.Esp32's <c>Sleep</c>. Waking from deep sleep is a reboot: Main runs from the start.</summary>
    public class Sleep
    {
        /// <summary>Wake-up condition for several pins.</summary>
        public enum WakeupMode
        {
            /// <summary>All pins low.</summary>
            AllLow = 0,

            /// <summary>Any pin high.</summary>
            AnyHigh = 1,
        }

        /// <summary>Why the chip woke up (Undefined after power-on or reset).</summary>
        public enum WakeupCause
        {
            /// <summary>Not a wake from sleep.</summary>
            Undefined = 0,

            /// <summary>External signal (RTC_IO).</summary>
            Ext0 = 2,

            /// <summary>External signal (RTC_CNTL).</summary>
            Ext1,

            /// <summary>Timer.</summary>
            Timer,

            /// <summary>Touch pad.</summary>
            TouchPad,

            /// <summary>ULP program.</summary>
            Ulp,

            /// <summary>GPIO (light sleep only).</summary>
            Gpio,

            /// <summary>UART (light sleep only).</summary>
            Uart,
        }

        /// <summary>RTC-capable GPIOs usable for wake-up.</summary>
        [Flags]
        public enum WakeupGpioPin : ulong
        {
            /// <summary>None.</summary>
            None = 0,

            /// <summary>GPIO 0.</summary>
            Pin0 = 1,

            /// <summary>GPIO 2.</summary>
            Pin2 = 1UL << 2,

            /// <summary>GPIO 4.</summary>
            Pin4 = 1UL << 4,

            /// <summary>GPIO 12.</summary>
            Pin12 = 1UL << 12,

            /// <summary>GPIO 13.</summary>
            Pin13 = 1UL << 13,

            /// <summary>GPIO 14.</summary>
            Pin14 = 1UL << 14,

            /// <summary>GPIO 15.</summary>
            Pin15 = 1UL << 15,

            /// <summary>GPIO 25.</summary>
            Pin25 = 1UL << 25,

            /// <summary>GPIO 26.</summary>
            Pin26 = 1UL << 26,

            /// <summary>GPIO 27.</summary>
            Pin27 = 1UL << 27,

            /// <summary>GPIO 32.</summary>
            Pin32 = 1UL << 32,

            /// <summary>GPIO 33.</summary>
            Pin33 = 1UL << 33,

            /// <summary>GPIO 34.</summary>
            Pin34 = 1UL << 34,

            /// <summary>GPIO 35.</summary>
            Pin35 = 1UL << 35,

            /// <summary>GPIO 36.</summary>
            Pin36 = 1UL << 36,

            /// <summary>GPIO 37.</summary>
            Pin37 = 1UL << 37,

            /// <summary>GPIO 38.</summary>
            Pin38 = 1UL << 38,

            /// <summary>GPIO 39.</summary>
            Pin39 = 1UL << 39,
        }

        /// <summary>Arms the timer wake-up.</summary>
        public static EspNativeError EnableWakeupByTimer(TimeSpan time) => throw null;

        /// <summary>Arms a pin wake-up.</summary>
        public static EspNativeError EnableWakeupByPin(WakeupGpioPin pin, int level) => throw null;

        /// <summary>Arms a multi-pin wake-up.</summary>
        public static EspNativeError EnableWakeupByMultiPins(WakeupGpioPin pins, WakeupMode mode) => throw null;

        /// <summary>Enters light sleep.</summary>
        public static EspNativeError StartLightSleep() => throw null;

        /// <summary>Enters deep sleep; never returns.</summary>
        public static void StartDeepSleep() => throw null;

        /// <summary>Why the chip woke up.</summary>
        public static WakeupCause GetWakeupCause() => throw null;

        /// <summary>Pins that caused the wake-up.</summary>
        public static WakeupGpioPin GetWakeupGpioPin() => throw null;
    }
}
