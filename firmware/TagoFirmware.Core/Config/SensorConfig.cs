using TagoFirmware.Sensors;

namespace TagoFirmware.Config
{
    /// <summary>One item of the <c>sensors</c> array: a DHT sensor on two GPIOs joined to its DATA line.</summary>
    public sealed class SensorConfig : ConfigValues
    {
        /// <summary>Value of a pin that is not set (<see cref="PowerPin"/> without a switched supply).</summary>
        public const int NoPin = -1;

        /// <summary><c>model</c>.</summary>
        public SensorModel Model { get => (SensorModel)Number(ConfigKeys.SensorModelKey); set => SetNumber(ConfigKeys.SensorModelKey, (int)value); }

        /// <summary>The model name as written in the config (lowercase), for logs.</summary>
        public string ModelName { get => Text(ConfigKeys.SensorModelKey); set => SetValue(ConfigKeys.SensorModelKey, value); }

        /// <summary><c>echo_pin</c>: the GPIO receiving the sensor's reply (RMT).</summary>
        public int EchoPin { get => Number(ConfigKeys.SensorEchoPin); set => SetNumber(ConfigKeys.SensorEchoPin, value); }

        /// <summary><c>trigger_pin</c>: the GPIO sending the start pulse.</summary>
        public int TriggerPin { get => Number(ConfigKeys.SensorTriggerPin); set => SetNumber(ConfigKeys.SensorTriggerPin, value); }

        /// <summary><c>power_pin</c>: GPIO switching the sensor's supply, or <see cref="NoPin"/>.</summary>
        public int PowerPin => Number(ConfigKeys.SensorPowerPin);

        /// <summary><c>name</c>: label in logs.</summary>
        public string Name { get => Text(ConfigKeys.SensorName); set => SetValue(ConfigKeys.SensorName, value); }

        /// <summary><c>suffix</c>: appended to each variable name.</summary>
        public string Suffix { get => Text(ConfigKeys.SensorSuffix); set => SetValue(ConfigKeys.SensorSuffix, value); }

        /// <summary><c>temperature_offset</c> in tenths of °C.</summary>
        public int TemperatureOffsetTenths => Number(ConfigKeys.SensorTemperatureOffset);

        /// <summary><c>humidity_offset</c> in tenths of %RH.</summary>
        public int HumidityOffsetTenths => Number(ConfigKeys.SensorHumidityOffset);

        /// <summary><c>dew_point</c>: also publish the dew point.</summary>
        public bool DewPoint { get => Number(ConfigKeys.SensorDewPoint) != 0; set => SetNumber(ConfigKeys.SensorDewPoint, value ? 1 : 0); }

        /// <summary>Variable <paramref name="k"/> (0 temperature, 1 humidity, 2 dew point) as published, with the suffix.</summary>
        public string VariableName(int k) => Text(VariableKey(k)) + Suffix;

        internal static ConfigKey VariableKey(int k) => ConfigKeys.Rows[ConfigKeys.SensorTemperatureVariable.Id + k]; // the three rows follow each other

        /// <summary>This sensor's read-pipeline settings, with its offsets and dew-point choice.</summary>
        public ReadPipelineSettings PipelineSettings(bool battery)
        {
            ReadPipelineSettings settings = battery ? ReadPipelineSettings.Battery(Model) : new ReadPipelineSettings(Model);
            settings.TemperatureOffsetTenths = TemperatureOffsetTenths;
            settings.HumidityOffsetTenths = HumidityOffsetTenths;
            settings.ComputeDewPoint = DewPoint;
            return settings;
        }
    }
}
