using UnitsNet.Units;

namespace UnitsNet
{
    /// <summary>Surface of UnitsNet.nanoFramework.RelativeHumidity's <c>RelativeHumidity</c>. default(RelativeHumidity) has Unit 0, which every conversion rejects.</summary>
    public struct RelativeHumidity
    {
        /// <summary>Creates a humidity.</summary>
        public RelativeHumidity(double value, RelativeHumidityUnit unit) => throw null;

        /// <summary>The numeric value.</summary>
        public double Value => throw null;

        /// <summary>The unit of <see cref="Value"/>.</summary>
        public RelativeHumidityUnit Unit => throw null;

        /// <summary>Base unit (percent).</summary>
        public static RelativeHumidityUnit BaseUnit => throw null;

        /// <summary>Zero percent.</summary>
        public static RelativeHumidity Zero => throw null;

        /// <summary>Value in percent.</summary>
        public double Percent => throw null;

        /// <summary>Creates a humidity in percent.</summary>
        public static RelativeHumidity FromPercent(double percent) => throw null;

        /// <summary>Creates a humidity in a unit.</summary>
        public static RelativeHumidity From(double value, RelativeHumidityUnit fromUnit) => throw null;

        /// <summary>Converts to a unit.</summary>
        public double As(RelativeHumidityUnit unit) => throw null;
    }
}
