namespace TagoFirmware.Config
{
    /// <summary>One item of the <c>sensors</c> array: a DHT sensor on two GPIOs joined to its DATA line.</summary>
    public sealed class SensorConfig
    {
        /// <summary>Value of <see cref="PowerPin"/> when the sensor has no switched supply.</summary>
        public const int NoPin = -1;

        /// <summary>Default temperature variable name (plus <see cref="Suffix"/>).</summary>
        public const string DefaultTemperatureVariable = "temperature";

        /// <summary>Default humidity variable name (plus <see cref="Suffix"/>).</summary>
        public const string DefaultHumidityVariable = "humidity";

        /// <summary>Default dew point variable name (plus <see cref="Suffix"/>).</summary>
        public const string DefaultDewPointVariable = "dew_point";

        /// <summary><c>model</c>: <c>dht11</c>, <c>dht21</c>, <c>am2301</c>, <c>dht22</c> or <c>am2302</c>. Required.</summary>
        public DhtModel Model { get; set; } = DhtModel.None;

        /// <summary>The model name as written in the config (lowercase), for logs.</summary>
        public string ModelName { get; set; }

        /// <summary><c>echo_pin</c>: the GPIO that receives the sensor's reply (RMT receive). Required; may be input-only.</summary>
        public int EchoPin { get; set; } = NoPin;

        /// <summary><c>trigger_pin</c>: the GPIO that sends the start pulse. Required; must be output-capable and differ
        /// from <see cref="EchoPin"/>.</summary>
        public int TriggerPin { get; set; } = NoPin;

        /// <summary><c>power_pin</c>: optional GPIO switching the sensor's supply for power-cycling; null or absent =
        /// <see cref="NoPin"/>.</summary>
        public int PowerPin { get; set; } = NoPin;

        /// <summary><c>name</c>: label in logs, 1…32 characters. Default the model name plus the index when several
        /// sensors are configured (e.g. <c>dht22-2</c>).</summary>
        public string Name { get; set; }

        /// <summary><c>suffix</c>: appended to each variable name. Default empty with one sensor, <c>_1</c>, <c>_2</c>…
        /// with several.</summary>
        public string Suffix { get; set; } = string.Empty;

        /// <summary><c>temperature_variable</c>: default <c>temperature</c>.</summary>
        public string TemperatureVariable { get; set; } = DefaultTemperatureVariable;

        /// <summary><c>humidity_variable</c>: default <c>humidity</c>.</summary>
        public string HumidityVariable { get; set; } = DefaultHumidityVariable;

        /// <summary><c>dew_point_variable</c>: default <c>dew_point</c>.</summary>
        public string DewPointVariable { get; set; } = DefaultDewPointVariable;

        /// <summary><c>temperature_offset</c>: calibration added to every temperature, in tenths of °C
        /// (the config gives °C, −10.0…10.0, rounded to 0.1). Default 0.</summary>
        public int TemperatureOffsetTenths { get; set; }

        /// <summary><c>humidity_offset</c>: calibration added to every humidity, in tenths of %RH
        /// (the config gives %RH, −20.0…20.0, rounded to 0.1). Default 0.</summary>
        public int HumidityOffsetTenths { get; set; }

        /// <summary><c>dew_point</c>: also publish the dew point (Magnus formula). Default false.</summary>
        public bool DewPoint { get; set; }

        /// <summary>The temperature variable as published: <see cref="TemperatureVariable"/> + <see cref="Suffix"/>.</summary>
        public string TemperatureVariableName
        {
            get { return TemperatureVariable + Suffix; }
        }

        /// <summary>The humidity variable as published: <see cref="HumidityVariable"/> + <see cref="Suffix"/>.</summary>
        public string HumidityVariableName
        {
            get { return HumidityVariable + Suffix; }
        }

        /// <summary>The dew point variable as published: <see cref="DewPointVariable"/> + <see cref="Suffix"/>.</summary>
        public string DewPointVariableName
        {
            get { return DewPointVariable + Suffix; }
        }
    }
}
