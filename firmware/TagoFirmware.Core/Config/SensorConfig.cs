using TagoFirmware.Sensors;

namespace TagoFirmware.Config
{
    /// <summary>One item of the <c>sensors</c> array: a DHT sensor on two GPIOs joined to its DATA line.</summary>
    public sealed class SensorConfig : ConfigValues
    {
        /// <summary><c>model</c>.</summary>
        public SensorModel Model { get => (SensorModel)Int(ConfigKeys.SensorModelKey); set => Set(ConfigKeys.SensorModelKey, (int)value); }

        /// <summary>The model name as written in the config (lowercase), for logs.</summary>
        public string ModelName { get => Text(ConfigKeys.SensorModelKey); set => Set(ConfigKeys.SensorModelKey, value); }

        /// <summary>Variable <paramref name="k"/> (0 temperature, 1 humidity, 2 dew point) as published, with the suffix.</summary>
        public string VariableName(int k) => Text(VariableKey(k)) + Text(ConfigKeys.SensorSuffix);

        internal static ConfigKey VariableKey(int k) => ConfigKeys.Rows[ConfigKeys.SensorTemperatureVariable.Id + k]; // the three rows follow each other

        /// <summary>This sensor's read-pipeline settings, with its offsets and dew-point choice.</summary>
        public ReadPipelineSettings PipelineSettings(bool battery)
        {
            ReadPipelineSettings settings = new ReadPipelineSettings(Model, battery);
            settings.TemperatureOffsetTenths = Int(ConfigKeys.SensorTemperatureOffset);
            settings.HumidityOffsetTenths = Int(ConfigKeys.SensorHumidityOffset);
            settings.ComputeDewPoint = Flag(ConfigKeys.SensorDewPoint);
            return settings;
        }
    }
}
