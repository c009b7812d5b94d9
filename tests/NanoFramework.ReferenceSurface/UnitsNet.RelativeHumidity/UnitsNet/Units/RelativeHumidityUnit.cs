namespace UnitsNet.Units
{
    /// <summary>Relative humidity units.</summary>
    public enum RelativeHumidityUnit
    {
        /// <summary>%RH.</summary>
        Percent = 1,
    }
}
