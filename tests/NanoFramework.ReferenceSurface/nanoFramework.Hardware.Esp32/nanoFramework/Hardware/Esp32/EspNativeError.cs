namespace nanoFramework.Hardware.Esp32
{
    /// <summary>ESP-IDF error codes.</summary>
    public enum EspNativeError : int
    {
        /// <summary>No error.</summary>
        OK = 0,

        /// <summary>Failure.</summary>
        FAIL = -1,

        /// <summary>Out of memory.</summary>
        NO_MEM = 0x101,

        /// <summary>Invalid argument.</summary>
        INVALID_ARG = 0x102,

        /// <summary>Invalid state (e.g. Wi-Fi not stopped before light sleep).</summary>
        INVALID_STATE = 0x103,

        /// <summary>Invalid size.</summary>
        INVALID_SIZE = 0x104,

        /// <summary>Not found.</summary>
        NOT_FOUND = 0x105,

        /// <summary>Not supported.</summary>
        NOT_SUPPORTED = 0x106,

        /// <summary>Timeout.</summary>
        TIMEOUT = 0x107,

        /// <summary>Invalid response.</summary>
        INVALID_RESPONSE = 0x108,

        /// <summary>CRC error.</summary>
        INVALID_CRC = 0x109,

        /// <summary>Invalid version.</summary>
        INVALID_VERSION = 0x10A,

        /// <summary>Invalid MAC address.</summary>
        INVALID_MAC = 0x10B,

        /// <summary>Base of the Wi-Fi errors.</summary>
        WIFI_BASE = 0x3000,
    }
}
