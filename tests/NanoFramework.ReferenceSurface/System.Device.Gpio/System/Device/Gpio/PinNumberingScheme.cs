namespace System.Device.Gpio
{
    /// <summary>Pin numbering schemes.</summary>
    public enum PinNumberingScheme
    {
        /// <summary>Logical (GPIO) numbers.</summary>
        Logical,

        /// <summary>Board header numbers.</summary>
        Board,
    }
}
