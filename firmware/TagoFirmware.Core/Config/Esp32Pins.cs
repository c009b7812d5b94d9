namespace TagoFirmware.Config
{
    /// <summary>
    /// What each ESP32 GPIO can be used for, from Espressif's "ESP32 Series Datasheet" (v4.x), §2.2 "Pin Description"
    /// and §2.4 "Strapping Pins", and the "ESP32 Technical Reference Manual" §4.1 (IO_MUX and GPIO Matrix):
    /// GPIO0…19, 21…23, 25…27 and 32…39 exist; 34…39 are input-only (no output driver); 6…11 connect to the SPI flash
    /// inside modules (using them crashes the chip); 0, 2, 5, 12 and 15 are strapping pins whose level at reset selects
    /// boot options; 1 and 3 are UART0, nanoFramework's debug and deployment port; 16 and 17 carry the PSRAM of
    /// WROVER modules.
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>True when the ESP32 has a GPIO with this number.</summary>
        /// <param name="gpio">The GPIO number.</param>
        /// <returns>True for 0…19, 21…23, 25…27, 32…39.</returns>
        public static bool Exists(int gpio)
        {
            return (gpio >= 0 && gpio <= 19) || (gpio >= 21 && gpio <= 23) || (gpio >= 25 && gpio <= 27) || (gpio >= 32 && gpio <= 39);
        }

        /// <summary>True for GPIO34…39, which have no output driver.</summary>
        /// <param name="gpio">The GPIO number.</param>
        /// <returns>True when input-only.</returns>
        public static bool IsInputOnly(int gpio)
        {
            return gpio >= 34 && gpio <= 39;
        }

        /// <summary>
        /// Why <paramref name="gpio"/> cannot be used at all, or null. Checks existence, the
        /// flash pins, UART0 and — when <paramref name="needsOutput"/> — the input-only pins.
        /// </summary>
        /// <param name="gpio">The GPIO number.</param>
        /// <param name="needsOutput">True when the pin must drive the line.</param>
        /// <returns>Null when usable, otherwise the reason, citing the datasheet.</returns>
        public static string Problem(int gpio, bool needsOutput)
        {
            if (!Exists(gpio))
            {
                return "GPIO" + gpio + " does not exist on the ESP32 (valid: 0-19, 21-23, 25-27, 32-39; ESP32 datasheet §2.2)";
            }

            if (gpio >= 6 && gpio <= 11)
            {
                return "GPIO" + gpio + " is wired to the SPI flash inside the module (GPIO6-11; ESP32 datasheet §2.2): using it crashes the board";
            }

            if (gpio == 1 || gpio == 3)
            {
                return "GPIO" + gpio + " is UART0 " + (gpio == 1 ? "TX" : "RX") + ", nanoFramework's debug and deployment port";
            }

            if (needsOutput && IsInputOnly(gpio))
            {
                return "GPIO" + gpio + " is input-only (GPIO34-39 have no output driver; ESP32 datasheet §2.2): it cannot drive this line";
            }

            return null;
        }

        /// <summary>
        /// A caution about <paramref name="gpio"/> on a DHT DATA line (pulled up to 3.3 V by a 10 kΩ resistor), or null.
        /// GPIO12 is refused by the validator instead (see <see cref="DataLineProblem"/>).
        /// </summary>
        /// <param name="gpio">The GPIO number.</param>
        /// <returns>Null when unremarkable, otherwise the caution.</returns>
        public static string DataLineCaution(int gpio)
        {
            if (gpio == 0 || gpio == 2 || gpio == 5 || gpio == 15)
            {
                return "GPIO" + gpio + " is a strapping pin (ESP32 datasheet §2.4): the DATA pull-up sets its level at reset"
                    + (gpio == 2 ? " and keeps the board out of download mode (flashing fails)" : string.Empty)
                    + "; prefer GPIO25, 26, 27, 32 or 33";
            }

            return PsramCaution(gpio);
        }

        /// <summary>
        /// Why <paramref name="gpio"/> must not be on a pulled-up DHT DATA line, or null: GPIO12 (MTDI) high at reset
        /// selects 1.8 V flash voltage (ESP32 datasheet §2.4), and a WROOM module with 3.3 V flash then does not boot.
        /// </summary>
        /// <param name="gpio">The GPIO number.</param>
        /// <returns>Null when fine, otherwise the reason.</returns>
        public static string DataLineProblem(int gpio)
        {
            if (gpio == 12)
            {
                return "GPIO12 (MTDI) is a strapping pin: the DATA pull-up makes it high at reset, which selects 1.8 V flash"
                    + " (ESP32 datasheet §2.4) and a WROOM board does not boot; use GPIO25, 26, 27, 32 or 33";
            }

            return null;
        }

        /// <summary>A caution for GPIO16/17, which WROVER modules use for PSRAM, or null.</summary>
        /// <param name="gpio">The GPIO number.</param>
        /// <returns>Null when fine, otherwise the caution.</returns>
        public static string PsramCaution(int gpio)
        {
            if (gpio == 16 || gpio == 17)
            {
                return "GPIO" + gpio + " carries the PSRAM on WROVER modules (ESP32_PSRAM_* firmware): fine on WROOM boards only";
            }

            return null;
        }
    }
}
