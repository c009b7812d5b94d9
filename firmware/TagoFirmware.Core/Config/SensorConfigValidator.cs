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
            if (sensors.Length == 0)
            {
                NodeConfigValidator.Error(issues, "sensors", "at least one sensor is required, e.g. [{\"model\": \"dht22\", \"echo_pin\": 26, \"trigger_pin\": 27}]");
            }
            else if (sensors.Length > ConfigKeys.Sensors.Max)
            {
                NodeConfigValidator.Error(issues, "sensors", "at most " + ConfigKeys.Sensors.Max + " sensors are supported; got " + sensors.Length);
            }

            // Every GPIO in use, with the path that claimed it, to report double use.
            int[] pins = new int[(sensors.Length * 3) + 1];
            string[] owners = new string[pins.Length];
            int pinCount = 0;

            // Every published variable name, with its path, to report clashes.
            string[] names = new string[sensors.Length * 3];
            string[] nameOwners = new string[names.Length];
            int nameCount = 0;

            for (int i = 0; i < sensors.Length; i++)
            {
                string path = "sensors[" + i + "]";
                SensorConfig s = sensors[i];
                if (s == null)
                {
                    NodeConfigValidator.Error(issues, path, "must be a sensor object");
                    continue;
                }

                if (s.Model == SensorModel.None && s.ModelName == null)
                {
                    NodeConfigValidator.Error(issues, path + ".model", "is required: dht11, dht21, am2301, dht22 or am2302");
                }

                DataPin(issues, path + ".echo_pin", s.EchoPin, false, pins, owners, ref pinCount);
                if (s.EchoPin == s.TriggerPin && s.EchoPin >= 0)
                {
                    NodeConfigValidator.Error(issues, path + ".trigger_pin", "must differ from echo_pin: Dhtxx.Esp32 needs two GPIOs, both wired to DATA"
                        + " (one sends the start pulse, the other receives the reply with RMT)");
                }
                else
                {
                    DataPin(issues, path + ".trigger_pin", s.TriggerPin, true, pins, owners, ref pinCount);
                }

                if (s.PowerPin != SensorConfig.NoPin)
                {
                    string powerPath = path + ".power_pin";
                    string problem = Esp32Pins.Problem(s.PowerPin, true);
                    if (problem != null)
                    {
                        NodeConfigValidator.Error(issues, powerPath, problem + "; or null for no power switching");
                    }
                    else
                    {
                        if (s.PowerPin == 0 || s.PowerPin == 2 || s.PowerPin == 5 || s.PowerPin == 12 || s.PowerPin == 15)
                        {
                            NodeConfigValidator.Warning(issues, powerPath, "GPIO" + s.PowerPin + " is a strapping pin (ESP32 datasheet §2.4): the switch's gate"
                                + " pull-up sets its level at reset; prefer GPIO25, 26, 27, 32 or 33");
                        }

                        NodeConfigValidator.Caution(issues, powerPath, Esp32Pins.PsramCaution(s.PowerPin));
                        Claim(issues, powerPath, s.PowerPin, pins, owners, ref pinCount);
                    }
                }

                if (s.Name == null || s.Name.Length == 0 || s.Name.Length > 32 || ConfigText.HasControlCharacter(s.Name))
                {
                    NodeConfigValidator.Error(issues, path + ".name", "must be 1-32 printable characters");
                }

                string suffix = s.Suffix == null ? string.Empty : s.Suffix;
                if (suffix.Length > 20)
                {
                    NodeConfigValidator.Error(issues, path + ".suffix", "must be at most 20 characters");
                }

                Variable(issues, path, "temperature_variable", s.TemperatureVariable, suffix, names, nameOwners, ref nameCount);
                Variable(issues, path, "humidity_variable", s.HumidityVariable, suffix, names, nameOwners, ref nameCount);
                if (s.DewPoint)
                {
                    Variable(issues, path, "dew_point_variable", s.DewPointVariable, suffix, names, nameOwners, ref nameCount);
                }

                // Offsets are for calibration, not for correcting a broken sensor: ±10 °C and ±20 %RH cover any
                // sensor within its datasheet accuracy (DHT22 ±0.5 °C / ±2 %RH, DHT11 ±2 °C / ±5 %RH) many times over.
                NodeConfigValidator.Ranges(s, path + ".", issues);
            }

            if (config.LedPin != NodeConfig.NoLed)
            {
                string problem = Esp32Pins.Problem(config.LedPin, true);
                if (problem != null)
                {
                    NodeConfigValidator.Error(issues, "led_pin", problem + "; or null for no LED");
                }
                else
                {
                    NodeConfigValidator.Caution(issues, "led_pin", Esp32Pins.PsramCaution(config.LedPin));
                    Claim(issues, "led_pin", config.LedPin, pins, owners, ref pinCount);
                }
            }
        }
        private static void DataPin(ArrayList issues, string path, int pin, bool needsOutput, int[] pins, string[] owners, ref int count)
        {
            if (pin == NodeConfigParser.ReportedInvalid)
            {
                return;
            }

            if (pin == SensorConfig.NoPin)
            {
                NodeConfigValidator.Error(issues, path, "is required: the GPIO number wired to the sensor's DATA line");
                return;
            }

            string problem = Esp32Pins.Problem(pin, needsOutput);
            if (problem == null)
            {
                problem = Esp32Pins.DataLineProblem(pin);
            }

            if (problem != null)
            {
                NodeConfigValidator.Error(issues, path, problem);
                return;
            }

            NodeConfigValidator.Caution(issues, path, Esp32Pins.DataLineCaution(pin));
            Claim(issues, path, pin, pins, owners, ref count);
        }
        private static void Claim(ArrayList issues, string path, int pin, int[] pins, string[] owners, ref int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (pins[i] == pin)
                {
                    NodeConfigValidator.Error(issues, path, "GPIO" + pin + " is already used by " + owners[i]);
                    return;
                }
            }

            pins[count] = pin;
            owners[count] = path;
            count++;
        }
        private static void Variable(ArrayList issues, string sensorPath, string key, string variable, string suffix,
            string[] names, string[] owners, ref int count)
        {
            string path = sensorPath + "." + key;
            string full = (variable == null ? string.Empty : variable) + suffix;
            if (!TagoFirmware.Diagnostics.VariableName.IsValid(full))
            {
                NodeConfigValidator.Error(issues, path, "\"" + full + "\" is not a usable TagoIO variable name: 1-100 characters of a-z 0-9 _"
                    + " (TagoIO lower-cases names and refuses spaces and *?!<>.-=$), suffix included");
                return;
            }

            for (int i = 0; i < s_reserved.Length; i++)
            {
                if (s_reserved[i] == full)
                {
                    NodeConfigValidator.Error(issues, path, "\"" + full + "\" is reserved for the node's own status and diagnostics");
                    return;
                }
            }

            for (int i = 0; i < count; i++)
            {
                if (names[i] == full)
                {
                    NodeConfigValidator.Error(issues, path, "\"" + full + "\" is also published by " + owners[i] + "; give each sensor its own suffix");
                    return;
                }
            }

            names[count] = full;
            owners[count] = path;
            count++;
        }
    }
}
