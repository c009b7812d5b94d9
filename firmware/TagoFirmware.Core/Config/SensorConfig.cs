using TagoFirmware.Sensors;

namespace TagoFirmware.Config
{
    /// <summary>One item of the <c>sensors</c> array: a DHT sensor on two GPIOs joined to its DATA line.</summary>
    public sealed class SensorConfig : ConfigValues
    {
        /// <summary>Value of a pin that is not set (<see cref="PowerPin"/> without a switched supply).</summary>
        public const int NoPin = -1;

        /// <summary>Creates a sensor holding every default of the <c>sensors[]</c> rows.</summary>
        public SensorConfig()
            : base(true)
        {
        }

        /// <summary><c>model</c>.</summary>
        public SensorModel Model
        {
            get { return (SensorModel)Number(ConfigKeys.SensorModelKey); }
            set { SetNumber(ConfigKeys.SensorModelKey, (int)value); }
        }

        /// <summary>The model name as written in the config (lowercase), for logs.</summary>
        public string ModelName { get; set; }

        /// <summary><c>echo_pin</c>: the GPIO receiving the sensor's reply (RMT).</summary>
        public int EchoPin
        {
            get { return Number(ConfigKeys.SensorEchoPin); }
            set { SetNumber(ConfigKeys.SensorEchoPin, value); }
        }

        /// <summary><c>trigger_pin</c>: the GPIO sending the start pulse.</summary>
        public int TriggerPin
        {
            get { return Number(ConfigKeys.SensorTriggerPin); }
            set { SetNumber(ConfigKeys.SensorTriggerPin, value); }
        }

        /// <summary><c>power_pin</c>: GPIO switching the sensor's supply, or <see cref="NoPin"/>.</summary>
        public int PowerPin
        {
            get { return Number(ConfigKeys.SensorPowerPin); }
            set { SetNumber(ConfigKeys.SensorPowerPin, value); }
        }

        /// <summary><c>name</c>: label in logs.</summary>
        public string Name
        {
            get { return Text(ConfigKeys.SensorName); }
            set { SetValue(ConfigKeys.SensorName, value); }
        }

        /// <summary><c>suffix</c>: appended to each variable name.</summary>
        public string Suffix
        {
            get { return Text(ConfigKeys.SensorSuffix); }
            set { SetValue(ConfigKeys.SensorSuffix, value); }
        }

        /// <summary><c>temperature_variable</c>.</summary>
        public string TemperatureVariable
        {
            get { return Text(ConfigKeys.SensorTemperatureVariable); }
            set { SetValue(ConfigKeys.SensorTemperatureVariable, value); }
        }

        /// <summary><c>humidity_variable</c>.</summary>
        public string HumidityVariable
        {
            get { return Text(ConfigKeys.SensorHumidityVariable); }
            set { SetValue(ConfigKeys.SensorHumidityVariable, value); }
        }

        /// <summary><c>dew_point_variable</c>.</summary>
        public string DewPointVariable
        {
            get { return Text(ConfigKeys.SensorDewPointVariable); }
            set { SetValue(ConfigKeys.SensorDewPointVariable, value); }
        }

        /// <summary><c>temperature_offset</c> in tenths of °C.</summary>
        public int TemperatureOffsetTenths
        {
            get { return Number(ConfigKeys.SensorTemperatureOffset); }
            set { SetNumber(ConfigKeys.SensorTemperatureOffset, value); }
        }

        /// <summary><c>humidity_offset</c> in tenths of %RH.</summary>
        public int HumidityOffsetTenths
        {
            get { return Number(ConfigKeys.SensorHumidityOffset); }
            set { SetNumber(ConfigKeys.SensorHumidityOffset, value); }
        }

        /// <summary><c>dew_point</c>: also publish the dew point.</summary>
        public bool DewPoint
        {
            get { return Number(ConfigKeys.SensorDewPoint) != 0; }
            set { SetNumber(ConfigKeys.SensorDewPoint, value ? 1 : 0); }
        }

        /// <summary>The temperature variable as published (with the suffix).</summary>
        public string TemperatureVariableName
        {
            get { return TemperatureVariable + Suffix; }
        }

        /// <summary>The humidity variable as published (with the suffix).</summary>
        public string HumidityVariableName
        {
            get { return HumidityVariable + Suffix; }
        }

        /// <summary>The dew point variable as published (with the suffix).</summary>
        public string DewPointVariableName
        {
            get { return DewPointVariable + Suffix; }
        }

        /// <summary>The read-pipeline settings of this sensor.</summary>
        /// <param name="battery">True for the light battery-mode pipeline (one read, one retry).</param>
        /// <returns>New settings with this sensor's offsets and dew-point choice.</returns>
        public ReadPipelineSettings PipelineSettings(bool battery)
        {
            ReadPipelineSettings settings = battery ? ReadPipelineSettings.Battery(Model) : ReadPipelineSettings.Standard(Model);
            settings.TemperatureOffsetTenths = TemperatureOffsetTenths;
            settings.HumidityOffsetTenths = HumidityOffsetTenths;
            settings.ComputeDewPoint = DewPoint;
            return settings;
        }

        /// <summary>This sensor's <c>config:</c> line: <paramref name="head"/> and every key as <c>name=value</c>.</summary>
        /// <param name="head">The start of the line, e.g. <c>config: sensors[0]</c>.</param>
        /// <returns>The line.</returns>
        public string Summary(string head)
        {
            ConfigKey[] all = ConfigKeys.Rows;
            for (int i = 0; i < all.Length; i++)
            {
                ConfigKey key = all[i];
                if (key.InSensor)
                {
                    head += " " + key.Name + "=" + Show(key);
                }
            }

            return head;
        }
    }
}
