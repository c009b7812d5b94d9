using System.Collections;
using TagoFirmware.Sensors;

namespace TagoFirmware.Config
{
    /// <summary>The rules of the <c>sensors</c> array and the GPIOs: models, pins (ESP32 datasheet), variable names.</summary>
    internal static class SensorConfigValidator
    {
        /// <summary>Variable names the firmware itself publishes (status and diagnostics); sensors may not use them.</summary>
        private static readonly string[] s_reserved = new string[]
        {
            "device_status", "uptime_s", "heap_free", "boot_reason", "wake_cause", "reconnects", "auth_failures",
            "dropped_readings", "untimed_readings", "sensor_errors", "command_errors", "queue_depth", "fw_version", "rssi",
        };

        internal static void Validate(NodeConfig config, ArrayList issues)
        {
            SensorConfig[] sensors = config.Sensors == null ? new SensorConfig[0] : config.Sensors;
            NodeConfigValidator.Error(issues, "sensors", sensors.Length == 0 ? "at least one sensor is required"
                : sensors.Length > ConfigKeys.Sensors.Max ? "at most " + ConfigKeys.Sensors.Max + " sensors are supported; got " + sensors.Length
                : null);
            string[] pins = new string[40]; // the path that claimed each GPIO, to report double use
            ArrayList names = new ArrayList(); // published variable names, each followed by its path, to report clashes
            for (int i = 0; i < sensors.Length; i++)
            {
                string path = "sensors[" + i + "]";
                SensorConfig s = sensors[i];
                if (s == null)
                {
                    NodeConfigValidator.Error(issues, path, "must be a sensor object");
                    continue;
                }

                NodeConfigValidator.Error(issues, path + ".model", s.Model == SensorModel.None && s.ModelName == null ? "is required: dht11, dht21, am2301, dht22 or am2302" : null);
                DataPin(issues, path + ".echo_pin", s.EchoPin, false, pins);
                if (s.EchoPin == s.TriggerPin && s.EchoPin >= 0)
                {
                    NodeConfigValidator.Error(issues, path + ".trigger_pin", "must differ from echo_pin (two GPIOs, both on DATA)");
                }
                else
                {
                    DataPin(issues, path + ".trigger_pin", s.TriggerPin, true, pins);
                }

                if (s.PowerPin != SensorConfig.NoPin)
                {
                    Pin(issues, path + ".power_pin", s.PowerPin, "the switch's gate pull-up", "; or null for none", pins, true);
                }

                string suffix = s.Suffix == null ? string.Empty : s.Suffix;
                NodeConfigValidator.Error(issues, path + ".name", s.Name == null || s.Name.Length == 0 || s.Name.Length > 32 || ConfigText.HasControlCharacter(s.Name)
                    ? "must be 1-32 printable characters" : null);
                NodeConfigValidator.Error(issues, path + ".suffix", suffix.Length > 20 ? ConfigText.AtMost(20) : null);
                Variable(issues, path + ".temperature_variable", s.TemperatureVariable + suffix, names);
                Variable(issues, path + ".humidity_variable", s.HumidityVariable + suffix, names);
                if (s.DewPoint)
                {
                    Variable(issues, path + ".dew_point_variable", s.DewPointVariable + suffix, names);
                }

                // Offsets are for calibration: ±10 °C and ±20 %RH cover any sensor within its datasheet accuracy
                // (DHT22 ±0.5 °C / ±2 %RH, DHT11 ±2 °C / ±5 %RH) many times over.
                NodeConfigValidator.Ranges(s, path + ".", issues);
            }

            if (config.LedPin != NodeConfig.NoLed)
            {
                Pin(issues, "led_pin", config.LedPin, null, "; or null for none", pins, true);
            }
        }

        private static void DataPin(ArrayList issues, string path, int pin, bool needsOutput, string[] pins)
        {
            NodeConfigValidator.Error(issues, path, pin == SensorConfig.NoPin ? "is required: the GPIO wired to DATA"
                : pin == 12 ? "GPIO12 is a strapping pin: a DATA pull-up selects 1.8 V flash; the board won't boot" + Esp32Pins.UseInstead
                : null);
            if (pin != SensorConfig.NoPin && pin != 12 && pin != NodeConfigParser.ReportedInvalid)
            {
                Pin(issues, path, pin, Esp32Pins.DataPullUp, null, pins, needsOutput);
            }
        }

        private static void Pin(ArrayList issues, string path, int pin, string pullUp, string orNull, string[] pins, bool needsOutput)
        {
            string problem = Esp32Pins.Problem(pin, needsOutput);
            if (problem != null)
            {
                NodeConfigValidator.Error(issues, path, problem + orNull);
                return;
            }

            NodeConfigValidator.Warning(issues, path, Esp32Pins.Caution(pin, pullUp));
            NodeConfigValidator.Error(issues, path, pins[pin] != null ? "GPIO" + pin + " is already used by " + pins[pin] : null);
            pins[pin] = pins[pin] == null ? path : pins[pin];
        }

        private static void Variable(ArrayList issues, string path, string full, ArrayList names)
        {
            int clash = names.IndexOf(full);
            string problem = !TagoFirmware.Diagnostics.VariableName.IsValid(full) ? " is not a TagoIO variable name: 1-100 characters of a-z 0-9 _, suffix included"
                : System.Array.IndexOf(s_reserved, full) >= 0 ? " is reserved for the node's status"
                : clash >= 0 ? " is also published by " + names[clash + 1] + "; give each sensor its own suffix"
                : null;
            NodeConfigValidator.Error(issues, path, problem == null ? null : "\"" + full + "\"" + problem);
            if (problem == null)
            {
                names.Add(full);
                names.Add(path);
            }
        }
    }
}
