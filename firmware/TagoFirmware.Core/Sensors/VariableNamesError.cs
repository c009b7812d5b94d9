namespace TagoFirmware.Sensors
{
    /// <summary>Why <see cref="SensorVariableNames.TryCreate"/> refused. Stable values: they appear in log lines.</summary>
    public enum VariableNamesError
    {
        /// <summary>Names created.</summary>
        None = 0,

        /// <summary>The temperature name is not 1…100 characters of a-z, 0-9 and _.</summary>
        InvalidTemperatureName = 1,

        /// <summary>The humidity name is not 1…100 characters of a-z, 0-9 and _.</summary>
        InvalidHumidityName = 2,

        /// <summary>The dew point name is not 1…100 characters of a-z, 0-9 and _.</summary>
        InvalidDewPointName = 3,

        /// <summary>Two of the sensor's own names are equal.</summary>
        DuplicateName = 4,
    }
}
