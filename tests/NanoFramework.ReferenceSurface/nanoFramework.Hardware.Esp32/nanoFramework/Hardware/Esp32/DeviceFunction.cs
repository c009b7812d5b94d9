namespace nanoFramework.Hardware.Esp32
{
    /// <summary>Pin functions for <see cref="Configuration.SetPinFunction"/> (values as the real enum computes them: type * 0x10000 + index * 0x100 + signal; the I2S and SDMMC members are not in the surface).</summary>
    public enum DeviceFunction
    {
        /// <summary>SPI1 MOSI.</summary>
        SPI1_MOSI = 0x010100,

        /// <summary>SPI1 MISO.</summary>
        SPI1_MISO = 0x010101,

        /// <summary>SPI1 CLOCK.</summary>
        SPI1_CLOCK = 0x010102,

        /// <summary>SPI2 MOSI.</summary>
        SPI2_MOSI = 0x010200,

        /// <summary>SPI2 MISO.</summary>
        SPI2_MISO = 0x010201,

        /// <summary>SPI2 CLOCK.</summary>
        SPI2_CLOCK = 0x010202,

        /// <summary>I2C1 DATA.</summary>
        I2C1_DATA = 0x020100,

        /// <summary>I2C1 CLOCK.</summary>
        I2C1_CLOCK = 0x020101,

        /// <summary>I2C2 DATA.</summary>
        I2C2_DATA = 0x020200,

        /// <summary>I2C2 CLOCK.</summary>
        I2C2_CLOCK = 0x020201,

        /// <summary>COM1 TX.</summary>
        COM1_TX = 0x030100,

        /// <summary>COM1 RX.</summary>
        COM1_RX = 0x030101,

        /// <summary>COM1 RTS.</summary>
        COM1_RTS = 0x030102,

        /// <summary>COM1 CTS.</summary>
        COM1_CTS = 0x030103,

        /// <summary>COM2 TX.</summary>
        COM2_TX = 0x030200,

        /// <summary>COM2 RX.</summary>
        COM2_RX = 0x030201,

        /// <summary>COM2 RTS.</summary>
        COM2_RTS = 0x030202,

        /// <summary>COM2 CTS.</summary>
        COM2_CTS = 0x030203,

        /// <summary>COM3 TX.</summary>
        COM3_TX = 0x030300,

        /// <summary>COM3 RX.</summary>
        COM3_RX = 0x030301,

        /// <summary>COM3 RTS.</summary>
        COM3_RTS = 0x030302,

        /// <summary>COM3 CTS.</summary>
        COM3_CTS = 0x030303,

        /// <summary>COM4 TX.</summary>
        COM4_TX = 0x030400,

        /// <summary>COM4 RX.</summary>
        COM4_RX = 0x030401,

        /// <summary>COM4 RTS.</summary>
        COM4_RTS = 0x030402,

        /// <summary>COM4 CTS.</summary>
        COM4_CTS = 0x030403,

        /// <summary>PWM channel 1.</summary>
        PWM1 = 0x040100,

        /// <summary>PWM channel 2.</summary>
        PWM2 = 0x040200,

        /// <summary>PWM channel 3.</summary>
        PWM3 = 0x040300,

        /// <summary>PWM channel 4.</summary>
        PWM4 = 0x040400,

        /// <summary>PWM channel 5.</summary>
        PWM5 = 0x040500,

        /// <summary>PWM channel 6.</summary>
        PWM6 = 0x040600,

        /// <summary>PWM channel 7.</summary>
        PWM7 = 0x040700,

        /// <summary>PWM channel 8.</summary>
        PWM8 = 0x040800,

        /// <summary>PWM channel 9.</summary>
        PWM9 = 0x040900,

        /// <summary>PWM channel 10.</summary>
        PWM10 = 0x040A00,

        /// <summary>PWM channel 11.</summary>
        PWM11 = 0x040B00,

        /// <summary>PWM channel 12.</summary>
        PWM12 = 0x040C00,

        /// <summary>PWM channel 13.</summary>
        PWM13 = 0x040D00,

        /// <summary>PWM channel 14.</summary>
        PWM14 = 0x040E00,

        /// <summary>PWM channel 15.</summary>
        PWM15 = 0x040F00,

        /// <summary>PWM channel 16.</summary>
        PWM16 = 0x041000,

        /// <summary>ADC1 channel 0.</summary>
        ADC1_CH0 = 0x050100,

        /// <summary>ADC1 channel 1.</summary>
        ADC1_CH1 = 0x050101,

        /// <summary>ADC1 channel 2.</summary>
        ADC1_CH2 = 0x050102,

        /// <summary>ADC1 channel 3.</summary>
        ADC1_CH3 = 0x050103,

        /// <summary>ADC1 channel 4.</summary>
        ADC1_CH4 = 0x050104,

        /// <summary>ADC1 channel 5.</summary>
        ADC1_CH5 = 0x050105,

        /// <summary>ADC1 channel 6.</summary>
        ADC1_CH6 = 0x050106,

        /// <summary>ADC1 channel 7.</summary>
        ADC1_CH7 = 0x050107,

        /// <summary>ADC1 channel 8.</summary>
        ADC1_CH8 = 0x050108,

        /// <summary>ADC1 channel 9.</summary>
        ADC1_CH9 = 0x050109,

        /// <summary>ADC1 channel 10.</summary>
        ADC1_CH10 = 0x05010A,

        /// <summary>ADC1 channel 11.</summary>
        ADC1_CH11 = 0x05010B,

        /// <summary>ADC1 channel 12.</summary>
        ADC1_CH12 = 0x05010C,

        /// <summary>ADC1 channel 13.</summary>
        ADC1_CH13 = 0x05010D,

        /// <summary>ADC1 channel 14.</summary>
        ADC1_CH14 = 0x05010E,

        /// <summary>ADC1 channel 15.</summary>
        ADC1_CH15 = 0x05010F,

        /// <summary>ADC1 channel 16.</summary>
        ADC1_CH16 = 0x050110,

        /// <summary>ADC1 channel 17.</summary>
        ADC1_CH17 = 0x050111,

        /// <summary>ADC1 channel 18.</summary>
        ADC1_CH18 = 0x050112,

        /// <summary>ADC1 channel 19.</summary>
        ADC1_CH19 = 0x050113,
    }
}
