namespace System.Device.Gpio
{
    /// <summary>Surface of System.Device.Gpio's <c>GpioPin</c>.</summary>
    public sealed class GpioPin : IDisposable
    {
        internal GpioPin()
        {
        }

        /// <summary>Debounce interval for ValueChanged.</summary>
        public TimeSpan DebounceTimeout { get => throw null; set => throw null; }

        /// <summary>Pin number.</summary>
        public int PinNumber => throw null;

        /// <summary>Current mode.</summary>
        public PinMode GetPinMode() => throw null;

        /// <summary>Whether the pin supports a mode.</summary>
        public bool IsPinModeSupported(PinMode pinMode) => throw null;

        /// <summary>Sets the mode.</summary>
        public void SetPinMode(PinMode value) => throw null;

        /// <summary>Reads the pin.</summary>
        public PinValue Read() => throw null;

        /// <summary>Writes the pin.</summary>
        public void Write(PinValue value) => throw null;

        /// <summary>Toggles an output.</summary>
        public void Toggle() => throw null;

        /// <summary>Releases the pin.</summary>
        public void Dispose() => throw null;
    }
}
