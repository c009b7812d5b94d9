namespace System.Device.Gpio
{
    /// <summary>Surface of System.Device.Gpio's <c>GpioController</c>.</summary>
    public sealed class GpioController : IDisposable
    {
        /// <summary>Creates a controller with logical numbering.</summary>
        public GpioController() => throw null;

        /// <summary>Creates a controller with the given numbering.</summary>
        public GpioController(PinNumberingScheme numberingScheme) => throw null;

        /// <summary>Numbering scheme.</summary>
        public PinNumberingScheme NumberingScheme { get => throw null; internal set => throw null; }

        /// <summary>Number of pins.</summary>
        public int PinCount => throw null;

        /// <summary>Opens a pin.</summary>
        public GpioPin OpenPin(int pinNumber) => throw null;

        /// <summary>Opens a pin in a mode.</summary>
        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw null;

        /// <summary>Closes a pin.</summary>
        public void ClosePin(int pinNumber) => throw null;

        /// <summary>Whether a pin is open.</summary>
        public bool IsPinOpen(int pinNumber) => throw null;

        /// <summary>Whether a pin supports a mode.</summary>
        public bool IsPinModeSupported(int pinNumber, PinMode mode) => throw null;

        /// <summary>Mode of an open pin.</summary>
        public PinMode GetPinMode(int pinNumber) => throw null;

        /// <summary>Sets a pin's mode.</summary>
        public void SetPinMode(int pinNumber, PinMode mode) => throw null;

        /// <summary>Reads a pin.</summary>
        public PinValue Read(int pinNumber) => throw null;

        /// <summary>Writes a pin.</summary>
        public void Write(int pinNumber, PinValue value) => throw null;

        /// <summary>Closes every pin and the controller.</summary>
        public void Dispose() => throw null;
    }
}
