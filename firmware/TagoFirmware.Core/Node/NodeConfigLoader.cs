using TagoFirmware.Config;
using TagoFirmware.Sensors;

namespace TagoFirmware.Node
{
    /// <summary>
    /// Glue between the configuration and the sensor layer: the read-pipeline settings of each configured sensor, the
    /// smallest sampling interval they allow, and a parse that refuses a smaller <c>sampling.interval_s</c> with that
    /// number (issue 5 §1: "config or commands asking for less are refused with that number").
    /// </summary>
    public static class NodeConfigLoader
    {
        /// <summary>
        /// Parses and validates a configuration file, holding <c>sampling.interval_s</c> to the minimum derived from the
        /// read pipelines of the sensors it configures (12 s for a DHT22 on the standard pipeline, 6 s for a DHT11; the
        /// battery pipeline in deep-sleep mode). The same call serves the ESP32 app, the host twin and flash.ps1's check.
        /// </summary>
        /// <param name="utf8">The file's bytes.</param>
        /// <param name="rules">Caller rules (token/WiFi requirements); null = defaults. Not modified.</param>
        /// <returns>The result; when the pipeline minimum is stricter than <paramref name="rules"/>, the file was
        /// validated again with it, so the error names the derived number and why.</returns>
        public static ConfigResult Parse(byte[] utf8, ConfigRules rules)
        {
            if (rules == null)
            {
                rules = new ConfigRules();
            }

            ConfigResult first = NodeConfigParser.Parse(utf8, rules);
            NodeConfig config = first.Config;
            if (config == null)
            {
                return first;
            }

            string reason;
            int min = MinSamplingIntervalSeconds(config, out reason);
            if (min <= rules.MinIntervalSeconds)
            {
                return first;
            }

            ConfigRules stricter = new ConfigRules();
            stricter.MinIntervalSeconds = min;
            stricter.MinIntervalReason = reason;
            stricter.MinWakeIntervalSeconds = rules.MinWakeIntervalSeconds;
            stricter.RequireToken = rules.RequireToken;
            stricter.RequireWifi = rules.RequireWifi;
            return NodeConfigParser.Parse(utf8, stricter);
        }

        /// <summary>
        /// The one config check shared by the firmware, the host twin's <c>--check-config</c> and flash.ps1: <see cref="Parse"/>
        /// as printable lines (issues, verdict, redacted summary) and an exit code.
        /// </summary>
        /// <param name="utf8">The file's bytes; null means the file could not be read.</param>
        /// <param name="rules">Caller rules; null = device defaults.</param>
        /// <param name="lines">The lines to print.</param>
        /// <returns><see cref="ConfigCheck.ExitValid"/> or <see cref="ConfigCheck.ExitInvalid"/>.</returns>
        public static int Check(byte[] utf8, ConfigRules rules, out string[] lines)
        {
            return ConfigCheck.Report(Parse(utf8, rules), out lines);
        }

        /// <summary>The read-pipeline settings of one configured sensor.</summary>
        /// <param name="sensor">The sensor's configuration.</param>
        /// <param name="battery">True for the light battery-mode pipeline (one read, one retry).</param>
        /// <returns>New settings with the sensor's offsets and dew-point choice.</returns>
        public static ReadPipelineSettings SettingsFor(SensorConfig sensor, bool battery)
        {
            // DhtModel and SensorModel share their numeric values (11, 21, 22) by design.
            SensorModel model = (SensorModel)(int)sensor.Model;
            ReadPipelineSettings settings = battery ? ReadPipelineSettings.Battery(model) : ReadPipelineSettings.Standard(model);
            settings.TemperatureOffsetTenths = sensor.TemperatureOffsetTenths;
            settings.HumidityOffsetTenths = sensor.HumidityOffsetTenths;
            settings.ComputeDewPoint = sensor.DewPoint;
            return settings;
        }

        /// <summary>
        /// The smallest sampling interval the configured sensors' pipelines allow (the largest of their minimums), on
        /// the battery pipeline when <c>sleep.mode</c> is deep.
        /// </summary>
        /// <param name="config">A parsed configuration.</param>
        /// <param name="reason">Why (completes "must be at least N s because …").</param>
        /// <returns>Seconds; 0 when no sensor has a known model.</returns>
        public static int MinSamplingIntervalSeconds(NodeConfig config, out string reason)
        {
            reason = ConfigRules.DefaultMinIntervalReason;
            int min = 0;
            if (config == null || config.Sensors == null)
            {
                return 0;
            }

            bool battery = config.Sleep != null && config.Sleep.Mode == SleepMode.Deep;
            for (int i = 0; i < config.Sensors.Length; i++)
            {
                SensorConfig sensor = config.Sensors[i];
                if (sensor == null)
                {
                    continue;
                }

                ReadPipelineSettings settings = SettingsFor(sensor, battery);
                int seconds = settings.MinSamplingIntervalSeconds;
                if (seconds > min)
                {
                    min = seconds;
                    reason = settings.MinSamplingIntervalReason;
                }
            }

            return min;
        }
    }
}
