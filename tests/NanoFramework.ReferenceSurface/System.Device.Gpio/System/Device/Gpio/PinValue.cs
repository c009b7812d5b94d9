namespace System.Device.Gpio
{
    /// <summary>A pin level.</summary>
    public readonly struct PinValue
    {
        /// <summary>High.</summary>
        public static PinValue High => throw null;

        /// <summary>Low.</summary>
        public static PinValue Low => throw null;

        /// <summary>0 is Low, anything else High.</summary>
        public static implicit operator PinValue(int value) => throw null;

        /// <summary>false is Low, true High.</summary>
        public static implicit operator PinValue(bool value) => throw null;

        /// <summary>1 for High, 0 for Low.</summary>
        public static explicit operator byte(PinValue value) => throw null;

        /// <summary>1 for High, 0 for Low.</summary>
        public static explicit operator int(PinValue value) => throw null;

        /// <summary>true for High.</summary>
        public static explicit operator bool(PinValue value) => throw null;

        /// <summary>Equality.</summary>
        public static bool operator ==(PinValue a, PinValue b) => throw null;

        /// <summary>Inequality.</summary>
        public static bool operator !=(PinValue a, PinValue b) => throw null;

        /// <summary>Equality.</summary>
        public bool Equals(PinValue other) => throw null;

        /// <summary>Equality.</summary>
        public override bool Equals(object obj) => throw null;

        /// <summary>Hash code.</summary>
        public override int GetHashCode() => throw null;

        /// <summary>"Low" or "High".</summary>
        public override string ToString() => throw null;
    }
}
