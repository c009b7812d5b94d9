using TagoFirmware.Diagnostics;

namespace TagoFirmware.Sensors
{
    /// <summary>
    /// The TagoIO variable names of one sensor, produced once at configuration time and pre-encoded as UTF-8 so the
    /// payload writer never touches a string per reading.
    /// </summary>
    /// <remarks>
    /// Naming rule (the configuration's, see README "Sensors"): base names <c>temperature</c>, <c>humidity</c> and
    /// <c>dew_point</c> (each configurable) plus a per-sensor suffix appended as written. The suffix defaults to
    /// nothing on a node with one sensor and to <c>_1</c>, <c>_2</c>, … (<see cref="DefaultSuffix"/>) when there are
    /// several, so <c>temperature_2</c> is the second sensor's temperature; a configured suffix such as
    /// <c>_attic</c> replaces it. Full names use TagoIO's safe alphabet a-z, 0-9, _ (TagoIO lowercases names and
    /// refuses <c>-</c>, <c>.</c> and spaces). Use <see cref="CollidesWith"/> across all sensors to refuse a
    /// configuration where two sensors would publish into the same variable.
    /// </remarks>
    public sealed class SensorVariableNames
    {
        /// <summary>Default base name of the temperature variable.</summary>
        public const string DefaultTemperature = "temperature";

        /// <summary>Default base name of the humidity variable.</summary>
        public const string DefaultHumidity = "humidity";

        /// <summary>Default base name of the dew point variable.</summary>
        public const string DefaultDewPoint = "dew_point";

        private SensorVariableNames(string temperature, string humidity, string dewPoint)
        {
            Temperature = temperature;
            Humidity = humidity;
            DewPoint = dewPoint;
            TemperatureUtf8 = VariableName.Encode(temperature);
            HumidityUtf8 = VariableName.Encode(humidity);
            DewPointUtf8 = VariableName.Encode(dewPoint);
        }

        /// <summary>The temperature variable name (for logs and configuration dumps).</summary>
        public string Temperature { get; }

        /// <summary>The humidity variable name.</summary>
        public string Humidity { get; }

        /// <summary>The dew point variable name.</summary>
        public string DewPoint { get; }

        /// <summary>The temperature variable name as UTF-8. Treat as read-only.</summary>
        public byte[] TemperatureUtf8 { get; }

        /// <summary>The humidity variable name as UTF-8. Treat as read-only.</summary>
        public byte[] HumidityUtf8 { get; }

        /// <summary>The dew point variable name as UTF-8. Treat as read-only.</summary>
        public byte[] DewPointUtf8 { get; }

        /// <summary>The suffix a sensor gets when none is configured: empty when it is the node's only sensor,
        /// otherwise <c>_</c> and its 1-based position.</summary>
        /// <param name="index">0-based position of the sensor in the configuration.</param>
        /// <param name="count">Number of sensors on the node.</param>
        /// <returns>The suffix, e.g. <c>""</c> or <c>"_2"</c>; empty for an invalid position.</returns>
        public static string DefaultSuffix(int index, int count)
        {
            if (count <= 1 || index < 0 || index >= count)
            {
                return string.Empty;
            }

            return "_" + (index + 1).ToString();
        }

        /// <summary>Creates the names from the full (suffixed) names the configuration resolved.</summary>
        /// <param name="temperature">Full temperature name, e.g. <c>temperature_2</c>.</param>
        /// <param name="humidity">Full humidity name.</param>
        /// <param name="dewPoint">Full dew point name (validated even when the dew point is off, so pass the default
        /// then).</param>
        /// <param name="names">The names, or null on error.</param>
        /// <returns>The first error, or <see cref="VariableNamesError.None"/>.</returns>
        public static VariableNamesError TryCreate(string temperature, string humidity, string dewPoint, out SensorVariableNames names)
        {
            names = null;
            if (!VariableName.IsValid(temperature))
            {
                return VariableNamesError.InvalidTemperatureName;
            }

            if (!VariableName.IsValid(humidity))
            {
                return VariableNamesError.InvalidHumidityName;
            }

            if (!VariableName.IsValid(dewPoint))
            {
                return VariableNamesError.InvalidDewPointName;
            }

            if (temperature == humidity || temperature == dewPoint || humidity == dewPoint)
            {
                return VariableNamesError.DuplicateName;
            }

            names = new SensorVariableNames(temperature, humidity, dewPoint);
            return VariableNamesError.None;
        }

        /// <summary>Creates the default names for sensor <paramref name="index"/> of <paramref name="count"/>
        /// (<see cref="DefaultSuffix"/>, or <paramref name="suffix"/> appended as written when not null).</summary>
        /// <param name="index">0-based position of the sensor.</param>
        /// <param name="count">Number of sensors on the node.</param>
        /// <param name="suffix">Configured suffix including any underscore (e.g. <c>_attic</c>), or null for the default.</param>
        /// <param name="names">The names, or null on error.</param>
        /// <returns>The first error, or <see cref="VariableNamesError.None"/>.</returns>
        public static VariableNamesError TryCreateDefault(int index, int count, string suffix, out SensorVariableNames names)
        {
            string tail = suffix == null ? DefaultSuffix(index, count) : suffix;
            return TryCreate(DefaultTemperature + tail, DefaultHumidity + tail, DefaultDewPoint + tail, out names);
        }

        /// <summary>True when any name of this sensor equals any name of <paramref name="other"/>.</summary>
        /// <param name="other">Another sensor's names.</param>
        /// <returns>Whether the two would publish into the same variable.</returns>
        public bool CollidesWith(SensorVariableNames other)
        {
            if (other == null)
            {
                return false;
            }

            return Same(Temperature, other) || Same(Humidity, other) || Same(DewPoint, other);
        }

        private static bool Same(string name, SensorVariableNames other)
        {
            return name == other.Temperature || name == other.Humidity || name == other.DewPoint;
        }
    }
}
