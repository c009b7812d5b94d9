using System;

namespace nanoFramework.Runtime.Native
{
    /// <summary>Surface of Runtime.Native's <c>SystemInfo</c>.</summary>
    public static class SystemInfo
    {
        /// <summary>Firmware (nanoCLR) version.</summary>
        public static Version Version => throw null;

        /// <summary>OEM information string.</summary>
        public static string OEMString => throw null;

        /// <summary>OEM id.</summary>
        public static byte OEM => throw null;

        /// <summary>Product model.</summary>
        public static byte Model => throw null;

        /// <summary>Product SKU.</summary>
        public static ushort SKU => throw null;

        /// <summary>Firmware target name, e.g. ESP32_REV3.</summary>
        public static string TargetName => throw null;

        /// <summary>Platform name, e.g. ESP32.</summary>
        public static string Platform => throw null;

        /// <summary>Floating point support of the target.</summary>
        public static FloatingPoint FloatingPointSupport => throw null;

        /// <summary>Floating point support options.</summary>
        public enum FloatingPoint
        {
            /// <summary>None.</summary>
            None = 0,

            /// <summary>Single precision, software.</summary>
            SinglePrecisionSoftware = 1,

            /// <summary>Single precision, hardware.</summary>
            SinglePrecisionHardware = 2,

            /// <summary>Double precision, software.</summary>
            DoublePrecisionSoftware = 3,

            /// <summary>Double precision, hardware.</summary>
            DoublePrecisionHardware = 4,
        }
    }
}
