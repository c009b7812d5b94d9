using UnitsNet.Units;

namespace UnitsNet
{
    /// <summary>Surface of UnitsNet.nanoFramework.Temperature's <c>Temperature</c>. default(Temperature) has Unit 0, which every conversion rejects.</summary>
    public struct Temperature
    {
        /// <summary>Creates a temperature.</summary>
        public Temperature(double value, TemperatureUnit unit) => throw null;

        /// <summary>The numeric value.</summary>
        public double Value => throw null;

        /// <summary>The unit of <see cref="Value"/>.</summary>
        public TemperatureUnit Unit => throw null;

        /// <summary>Base unit (kelvin).</summary>
        public static TemperatureUnit BaseUnit => throw null;

        /// <summary>Largest value.</summary>
        public static Temperature MaxValue => throw null;

        /// <summary>Smallest value.</summary>
        public static Temperature MinValue => throw null;

        /// <summary>Zero kelvin.</summary>
        public static Temperature Zero => throw null;

        /// <summary>Value in degrees Celsius.</summary>
        public double DegreesCelsius => throw null;

        /// <summary>Value in degrees Fahrenheit.</summary>
        public double DegreesFahrenheit => throw null;

        /// <summary>Value in kelvins.</summary>
        public double Kelvins => throw null;

        /// <summary>Value in millidegrees Celsius.</summary>
        public double MillidegreesCelsius => throw null;

        /// <summary>Creates a temperature in degrees Celsius.</summary>
        public static Temperature FromDegreesCelsius(double degreescelsius) => throw null;

        /// <summary>Creates a temperature in degrees Fahrenheit.</summary>
        public static Temperature FromDegreesFahrenheit(double degreesfahrenheit) => throw null;

        /// <summary>Creates a temperature in kelvins.</summary>
        public static Temperature FromKelvins(double kelvins) => throw null;

        /// <summary>Creates a temperature in a unit.</summary>
        public static Temperature From(double value, TemperatureUnit fromUnit) => throw null;

        /// <summary>Converts to a unit.</summary>
        public double As(TemperatureUnit unit) => throw null;

        /// <summary>Converts to a unit.</summary>
        public Temperature ToUnit(TemperatureUnit unit) => throw null;
    }
}
