namespace TagoFirmware.Config
{
    /// <summary>
    /// What each ESP32 GPIO can be used for (Espressif "ESP32 Series Datasheet" §2.2 and §2.4): GPIO0-19, 21-23, 25-27
    /// and 32-39 exist; 34-39 are input-only; 6-11 are the module's SPI flash; 0, 2, 5, 12 and 15 are strapping pins;
    /// 1 and 3 are UART0, nanoFramework's debug port; 16 and 17 carry the PSRAM of WROVER modules.
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>The DATA line's pull-up, for <see cref="Caution"/>.</summary>
        internal const string DataPullUp = "the DATA pull-up";

        internal const string UseInstead = "; use GPIO25, 26, 27, 32 or 33";

        /// <summary>Why <paramref name="gpio"/> cannot be used at all, or null, citing the datasheet.</summary>
        public static string Problem(int gpio, bool needsOutput)
        {
            if (gpio < 0 || gpio > 39 || gpio == 20 || gpio == 24 || (gpio >= 28 && gpio <= 31))
            {
                return "GPIO" + gpio + " does not exist (ESP32: 0-19, 21-23, 25-27, 32-39)";
            }

            if (gpio >= 6 && gpio <= 11)
            {
                return "GPIO" + gpio + " is the SPI flash (GPIO6-11)";
            }

            if (gpio == 1 || gpio == 3)
            {
                return "GPIO" + gpio + " is UART0, the debug port";
            }

            return needsOutput && gpio >= 34
                ? "GPIO" + gpio + " is input-only (GPIO34-39)"
                : null;
        }

        /// <summary>A warning for a usable pin, or null: a strapping pin held by <paramref name="pullUp"/> at reset (null: not pulled up), or a WROVER PSRAM pin.</summary>
        internal static string Caution(int gpio, string pullUp)
        {
            if (pullUp != null && (gpio == 0 || gpio == 2 || gpio == 5 || gpio == 12 || gpio == 15))
            {
                return "GPIO" + gpio + " is a strapping pin: " + pullUp + " sets its level at reset"
                    + (gpio == 2 && pullUp == DataPullUp ? " and blocks download mode" : string.Empty)
                    + UseInstead;
            }

            return gpio == 16 || gpio == 17 ? "GPIO" + gpio + " is PSRAM on WROVER modules (fine on WROOM)" : null;
        }
    }
}
