namespace UnitsNet.Units
{
    /// <summary>Temperature units (UnitsNet 5 numbering, starting at 1).</summary>
    public enum TemperatureUnit
    {
        /// <summary>°C.</summary>
        DegreeCelsius = 1,

        /// <summary>°De.</summary>
        DegreeDelisle = 2,

        /// <summary>°F.</summary>
        DegreeFahrenheit = 3,

        /// <summary>°N.</summary>
        DegreeNewton = 4,

        /// <summary>°R.</summary>
        DegreeRankine = 5,

        /// <summary>°Ré.</summary>
        DegreeReaumur = 6,

        /// <summary>°Rø.</summary>
        DegreeRoemer = 7,

        /// <summary>K.</summary>
        Kelvin = 8,

        /// <summary>m°C.</summary>
        MillidegreeCelsius = 9,

        /// <summary>T⊙.</summary>
        SolarTemperature = 10,
    }
}
