namespace TagoFirmware.Sensors
{
    /// <summary>Why <see cref="SensorVariableNames.TryCreate"/> refused. Stable values: they appear in log lines.</summary>
    public enum VariableNamesError
    {
        /// <summary>Names created.</summary>
        None = 0,

        /// <summary>The sensor index or count is out of range (count 1…16, index 0…count−1).</summary>
        IndexOutOfRange = 1,

        /// <summary>The configured suffix is not 1…32 characters of a-z, 0-9 and _.</summary>
        InvalidSuffix = 2,
    }
}
