using TagoFirmware.Diagnostics;

namespace TagoFirmware.Sensors
{
    /// <summary>
    /// The TagoIO variable names of one sensor, produced once at configuration time and pre-encoded as UTF-8 so the
    /// payload writer never touches a string per reading.
    /// </summary>
    /// <remarks>
    /// Naming rule: a node with one sensor and no configured suffix publishes <c>temperature</c>, <c>humidity</c> and
    /// <c>dew_point</c>. With several sensors, the first one keeps those bare names (so adding a second sensor to a
    /// node does not break its existing dashboards) and sensor number k (1-based, k ≥ 2) gets <c>_k</c>:
    /// <c>temperature_2</c>, <c>humidity_2</c>, <c>dew_point_2</c>. A configured suffix replaces the automatic one for
    /// that sensor, joined with an underscore: suffix <c>attic</c> gives <c>temperature_attic</c>. Suffixes use
    /// TagoIO's safe alphabet a-z, 0-9, _ (TagoIO lowercases names and refuses <c>-</c> and <c>.</c>). Use
    /// <see cref="CollidesWith"/> across all sensors to refuse a configuration where two sensors share a name.
    /// </remarks>
    public sealed class SensorVariableNames
    {
        /// <summary>Most sensors one node supports.</summary>
        public const int MaxSensors = 16;

        /// <summary>Longest configured suffix.</summary>
        public const int MaxSuffixLength = 32;

        private SensorVariableNames(string suffix)
        {
            Temperature = "temperature" + suffix;
            Humidity = "humidity" + suffix;
            DewPoint = "dew_point" + suffix;
            TemperatureUtf8 = VariableName.Encode(Temperature);
            HumidityUtf8 = VariableName.Encode(Humidity);
            DewPointUtf8 = VariableName.Encode(DewPoint);
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

        /// <summary>Creates the names of sensor <paramref name="index"/> out of <paramref name="count"/>.</summary>
        /// <param name="index">0-based position of the sensor in the configuration.</param>
        /// <param name="count">Number of sensors on the node (1…16).</param>
        /// <param name="suffix">Configured suffix without the underscore, or null/empty for the automatic rule.</param>
        /// <param name="names">The names, or null on error.</param>
        /// <returns>The error, or <see cref="VariableNamesError.None"/>.</returns>
        public static VariableNamesError TryCreate(int index, int count, string suffix, out SensorVariableNames names)
        {
            names = null;
            if (count < 1 || count > MaxSensors || index < 0 || index >= count)
            {
                return VariableNamesError.IndexOutOfRange;
            }

            string tail;
            if (suffix == null || suffix.Length == 0)
            {
                tail = index == 0 ? string.Empty : "_" + (index + 1).ToString();
            }
            else
            {
                if (suffix.Length > MaxSuffixLength || !VariableName.IsValid(suffix))
                {
                    return VariableNamesError.InvalidSuffix;
                }

                tail = "_" + suffix;
            }

            names = new SensorVariableNames(tail);
            return VariableNamesError.None;
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
