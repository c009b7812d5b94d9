using System;
using System.Device.Gpio;
using System.IO;
using System.Threading;
using nanoFramework.Runtime.Native;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Readings;
using TagoFirmware.Sensors;
using TagoFirmware.Session;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Entry point of the ESP32 node. Main narrates its steps like the nanoframework/Samples do: boot facts, the
    /// status LED, the config file (or the safe state), identity, the adapters, the core, the watchdog, the loop.
    /// Every decision lives in the core (TagoFirmware.Core); this file only builds and connects things.
    /// </summary>
    public static class Program
    {
        /// <summary>Firmware version reported as <c>fw_version</c>.</summary>
        public const string FirmwareVersion = "0.1.0";

        /// <summary>
        /// Longest sleep between two steps, in ms. The supervisor has no "next due time" yet, so the loop steps at a
        /// fixed 10 Hz: fast enough for the DHT pipeline's 2 s read gaps and the 100 ms LED slots, slow enough to cost
        /// well under 1 % CPU. (SensorNode may report its next due time; the loop then sleeps until it.)
        /// </summary>
        private const int LoopSleepMs = 100;

        /// <summary>Sleep of the config-invalid safe state between checks, in ms.</summary>
        private const int SafeStateSleepMs = 1000;

        /// <summary>The bytes of the config file the node runs with (SensorNode's config fingerprint).</summary>
        private static byte[] s_configBytes;

        // INTERIM: adapters built for SensorNode, held here so their pins and RMT channels stay owned until it lands.
        private static DhtSensor[] s_sensors;
        private static GpioPowerSwitch[] s_powerSwitches;
        private static FlashReadingStore s_readingStore;
        private static FlashOverrideStore s_overrideStore;
        private static Esp32PlatformInfo s_platform;

        /// <summary>Runs the node; never returns.</summary>
        public static void Main()
        {
            // STEP 1: boot facts. The wake cause and the reboot-reason file tell a deep-sleep wake and an intentional
            // reboot from a power-on (there is no managed reset-reason API on nanoFramework).
            Esp32Log log = new Esp32Log(LogLevel.Info, true);
            BootReason bootReason = BootInfo.Determine();
            log.Write(LogLevel.Info, "TagoFirmware " + FirmwareVersion + " on " + SystemInfo.TargetName + ", boot: " + BootReasonName(bootReason));

            // STEP 2: the shared GPIO controller (LED, sensor trigger pins, power pins).
            GpioController gpio = new GpioController();

            // STEP 3: the config file I:\tagofirmware.json, read with the core's parser, and the status LED it names
            // (steady on = booting). An unusable file puts the node in the safe state: LED pattern, one log line per
            // error, re-read every minute, never a reboot (no boot loop).
            ConfigResult config = ReadConfig();
            Esp32StatusLed led = BuildLed(gpio, config.Config);
            if (!config.IsValid)
            {
                config = WaitForValidConfig(config, led, log);
            }

            NodeConfig node = config.Config;
            if (led == null || node.LedPin != led.PinNumber || node.LedActiveLow != led.ActiveLow)
            {
                // A corrected file may have moved (or removed) the LED.
                if (led != null)
                {
                    led.Stop();
                }

                led = BuildLed(gpio, node);
            }
            LogLines(log, LogLevel.Warning, config.Lines());

            // STEP 4: identity. The client id comes from the config or from the MAC (stable: the MAC is in eFuse).
            byte[] mac = DeviceInfo.MacAddress();
            string macClientId = ClientIdentity.FromMac(mac);
            string clientId = node.Mqtt.EffectiveClientId(macClientId);

            // CA entries that name a file on I:\ are replaced by the file's PEM text (the core joins PEM entries).
            ResolveCaFiles(node.Mqtt, log);

            // STEP 5: the effective configuration, once, with the token and the WiFi password masked.
            LogLines(log, LogLevel.Info, node.Summary(clientId));

            // STEP 6: the adapters. One worker thread runs every blocking connect; M2Mqtt runs its own threads.
            BlockingWorker worker = new BlockingWorker();
            Esp32Clock clock = new Esp32Clock();
            Esp32DeviceControl device = new Esp32DeviceControl(log);
            SessionOptions options = BuildSessionOptions(node, clientId);
            SessionPorts ports = new SessionPorts();
            ports.Clock = clock;
            ports.Network = new Esp32NetworkLink(worker, node.Wifi.Ssid, node.Wifi.Password, true);
            ports.TimeSync = new Esp32TimeSync();
            ports.Mqtt = new Esp32MqttLink(worker, InflightQueueSizeFor(options));
            ports.Random = new SeededRandomSource(SeededRandomSource.SeedFromMac(mac, clock.MonotonicMs));
            ports.Log = log;
            ports.Status = led;
            ports.Device = device;

            DhtSensor[] sensors = BuildSensors(node, gpio);
            GpioPowerSwitch[] powerSwitches = BuildPowerSwitches(node, gpio, sensors);
            FlashReadingStore readingStore = node.Queue.Persist ? new FlashReadingStore(node.Queue.Path) : null;
            FlashOverrideStore overrideStore = new FlashOverrideStore(FlashOverrideStore.DefaultPath);

            // RSSI needs a WiFi scan, which can disturb the link: no probe by default (README "The ESP32 app").
            Esp32PlatformInfo platform = new Esp32PlatformInfo(bootReason, FirmwareVersion, null);
            if (readingStore != null && !readingStore.IsOpen)
            {
                log.Write(LogLevel.Warning, "queue: cannot open " + node.Queue.Path + " on flash; readings are kept in RAM only");
            }

            // STEP 7: the core.
            // ===== INTERIM WIRING (until TagoFirmware.Node.SensorNode lands) ==========================================
            // The integrator replaces this block with (SensorNode's API as on the integrator branch):
            //     NodePorts np = new NodePorts();  Clock/Network/TimeSync/Mqtt/Log/Status/Device/Random = the ports above;
            //     np.Sensors = sensors; np.PowerSwitches = powerSwitches; np.ReadingStore = readingStore;
            //     np.OverrideStore = overrideStore; np.Platform = platform (add ": IPlatformInfo" to Esp32PlatformInfo);
            //     SensorNode core = new SensorNode(node, s_configBytes, macClientId, np);
            //     device.FlushHook = <IFlushHook calling core.FlushForReboot()>;
            // Esp32MqttLink must then be built with SessionOptions.MaxInFlight + 3 of the options SensorNode uses.
            // In RunLoop: core.Step(now); sleep until core.NextStepDueMs; when core.SleepRequested:
            //     led.Stop(); readingStore.Close(); Esp32Sleep.DeepSleep(core.SleepMilliseconds).
            // Until then the supervisor runs alone: the node connects, announces itself online and keeps the session
            // healthy, but samples nothing (sampling, queue and batching are SensorNode's).
            NodeSupervisor supervisor = new NodeSupervisor(options, new TagoMqttJsonTransport(clientId, node.Mqtt.DataTopic), ports);
            s_sensors = sensors;
            s_powerSwitches = powerSwitches;
            s_readingStore = readingStore;
            s_overrideStore = overrideStore;
            s_platform = platform;
            if (node.Sleep.Mode != SleepMode.Off)
            {
                log.Write(LogLevel.Warning, "sleep: battery mode needs SensorNode; this build stays awake");
            }

            // ===== END INTERIM WIRING ==================================================================================

            // STEP 8: the watchdog thread (self-heal (a)): reboot after 2 minutes without a completed step.
            MainLoopWatchdogThread watchdog = new MainLoopWatchdogThread(MainLoopWatchdog.DefaultTimeoutMs, device, log);
            watchdog.Start();

            // STEP 9: the main loop: one step, then a short sleep. Nothing in a step blocks on the network.
            RunLoop(supervisor, clock, watchdog);
        }

        /// <summary>
        /// The main loop. Battery mode (with SensorNode): after each step ask the node whether to sleep now
        /// (<c>SleepRequested</c>); if so, it has already disconnected gracefully and flushed the log, so call
        /// <see cref="Esp32StatusLed.Stop"/>, <see cref="FlashReadingStore.Close"/> and
        /// <see cref="Esp32Sleep.DeepSleep"/> with <c>SleepMilliseconds</c>.
        /// </summary>
        private static void RunLoop(NodeSupervisor supervisor, Esp32Clock clock, MainLoopWatchdogThread watchdog)
        {
            while (true)
            {
                supervisor.Step(clock.MonotonicMs);
                watchdog.ReportStep();
                Thread.Sleep(LoopSleepMs);
            }
        }

        /// <summary>
        /// Reads and parses the config file; never throws. The bytes are kept in <see cref="s_configBytes"/>: SensorNode
        /// fingerprints them (a newly deployed config resets the command overrides).
        /// </summary>
        private static ConfigResult ReadConfig()
        {
            s_configBytes = ReadConfigBytes();
            return NodeConfigParser.Parse(s_configBytes, null);
        }

        /// <summary>
        /// Reads at most <see cref="NodeConfig.MaxFileBytes"/> + 1 bytes (one more than allowed, so the parser can say
        /// "too large" without the firmware loading a huge file into RAM). Null when the file is missing or unreadable.
        /// </summary>
        private static byte[] ReadConfigBytes()
        {
            try
            {
                if (!File.Exists(NodeConfig.DevicePath))
                {
                    return null;
                }

                FileStream stream = new FileStream(NodeConfig.DevicePath, FileMode.Open, FileAccess.Read);
                byte[] bytes;
                int wanted;
                int read = 0;
                try
                {
                    long length = stream.Length;
                    wanted = length > NodeConfig.MaxFileBytes ? NodeConfig.MaxFileBytes + 1 : (int)length;
                    bytes = new byte[wanted];
                    while (read < wanted)
                    {
                        int n = stream.Read(bytes, read, wanted - read);
                        if (n <= 0)
                        {
                            break;
                        }

                        read += n;
                    }
                }
                finally
                {
                    stream.Dispose();
                }

                if (read == wanted)
                {
                    return bytes;
                }

                byte[] shorter = new byte[read];
                Array.Copy(bytes, shorter, read);
                return shorter;
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>
        /// The config-invalid safe state: the LED shows the pattern, each problem is logged once (again only when the
        /// problems change), the file is re-read every minute (a corrected file deployed with flash.ps1 is picked up
        /// without a reset). Never reboots and never connects. Returns the first valid result.
        /// </summary>
        private static ConfigResult WaitForValidConfig(ConfigResult result, Esp32StatusLed led, Esp32Log log)
        {
            if (led != null)
            {
                led.Show(NodeStatus.ConfigInvalid);
            }

            ConfigRetry retry = new ConfigRetry();
            retry.Due(Environment.TickCount64);
            while (true)
            {
                if (retry.ShouldLog(result))
                {
                    log.Write(LogLevel.Error, "config: " + NodeConfig.DevicePath + " is unusable; waiting for a corrected file (checked every "
                        + (retry.IntervalMs / 1000) + " s)");
                    LogLines(log, LogLevel.Error, result.Lines());
                }

                while (!retry.Due(Environment.TickCount64))
                {
                    Thread.Sleep(SafeStateSleepMs);
                }

                result = ReadConfig();
                if (result.IsValid)
                {
                    log.Write(LogLevel.Info, "config: corrected file found");
                    return result;
                }
            }
        }

        /// <summary>
        /// Maps the node config onto the supervisor's options. INTERIM: SensorNode will own this mapping (it also
        /// applies command overrides); kept here so the gate compiles and the supervisor runs.
        /// </summary>
        private static SessionOptions BuildSessionOptions(NodeConfig node, string clientId)
        {
            SessionOptions options = new SessionOptions();
            options.Host = node.Mqtt.Host;
            options.Port = node.Mqtt.Port;
            options.UseTls = node.Mqtt.Tls;
            options.CaCertificatesPem = node.Mqtt.Tls ? JoinPem(node.Mqtt.CaCertificates) : null;
            options.Token = node.Token;
            options.ClientId = clientId;
            options.DataTopicTemplate = node.Mqtt.DataTopic;
            options.Qos = node.Mqtt.Qos;
            options.KeepAliveSeconds = node.Mqtt.KeepAliveSeconds;
            options.WifiConnectTimeoutMs = node.Timeouts.WifiConnectSeconds * 1000;
            options.AckTimeoutMs = node.Timeouts.AckSeconds * 1000;
            options.AuthRetryIntervalMs = node.Timeouts.AuthRetrySeconds * 1000;
            options.NoAckRebootMs = node.Timeouts.RebootAfterSeconds * 1000;

            // One data batch in flight at a time: bounds payload RAM next to the ~33 KB of mbedTLS buffers.
            options.MaxInFlight = 1;
            if (clientId == null)
            {
                options.ConfigValid = false;
                options.ConfigError = "no client id: the board reports no MAC address; set mqtt.client_id";
            }

            return options;
        }

        /// <summary>
        /// M2Mqtt's in-flight bound: the supervisor's data publishes + its "online" status publish + the command
        /// SUBSCRIBE + one inbound QoS 1 command awaiting its PUBACK (M2Mqtt queues those too and drops them unacked
        /// when full). 4 with MaxInFlight 1.
        /// </summary>
        private static int InflightQueueSizeFor(SessionOptions options)
        {
            return options.MaxInFlight + 3;
        }

        /// <summary>
        /// Replaces each <c>mqtt.ca_certificates</c> entry that names a file (on <c>I:\</c>) by that file's PEM text, in
        /// place, so the core only ever sees PEM. An unreadable file is logged and left as it is; the TLS handshake
        /// then fails as "TLS/certificate", which is the honest outcome.
        /// </summary>
        private static void ResolveCaFiles(MqttConfig mqtt, Esp32Log log)
        {
            string[] entries = mqtt.CaCertificates;
            if (!mqtt.Tls || entries == null)
            {
                return;
            }

            for (int i = 0; i < entries.Length; i++)
            {
                if (entries[i] == null || ConfigText.IsPem(entries[i]))
                {
                    continue;
                }

                try
                {
                    entries[i] = File.ReadAllText(entries[i]);
                }
                catch (Exception)
                {
                    log.Write(LogLevel.Error, "config: CA file " + entries[i] + " cannot be read");
                }
            }
        }

        /// <summary>INTERIM (SensorNode joins them itself): all PEM entries as one text; null = the device's CA bundle.</summary>
        private static string JoinPem(string[] entries)
        {
            if (entries == null || entries.Length == 0)
            {
                return null;
            }

            string pem = string.Empty;
            for (int i = 0; i < entries.Length; i++)
            {
                if (ConfigText.IsPem(entries[i]))
                {
                    pem += entries[i] + "\n";
                }
            }

            return pem.Length == 0 ? null : pem;
        }

        /// <summary>One adapter per configured sensor (each constructor sleeps 1 s in the Dhtxx binding).</summary>
        private static DhtSensor[] BuildSensors(NodeConfig node, GpioController gpio)
        {
            SensorConfig[] configured = node.Sensors == null ? new SensorConfig[0] : node.Sensors;
            DhtSensor[] sensors = new DhtSensor[configured.Length];
            for (int i = 0; i < configured.Length; i++)
            {
                // DhtModel and SensorModel share their numbers by design (DhtModel's remarks).
                sensors[i] = new DhtSensor((SensorModel)(int)configured[i].Model, configured[i].EchoPin, configured[i].TriggerPin, gpio);
            }

            return sensors;
        }

        /// <summary>A power switch for each sensor that has a power pin, else null in that slot.</summary>
        private static GpioPowerSwitch[] BuildPowerSwitches(NodeConfig node, GpioController gpio, DhtSensor[] sensors)
        {
            GpioPowerSwitch[] switches = new GpioPowerSwitch[sensors.Length];
            for (int i = 0; i < sensors.Length; i++)
            {
                int pin = node.Sensors[i].PowerPin;
                if (pin != SensorConfig.NoPin)
                {
                    switches[i] = new GpioPowerSwitch(gpio, pin, true, sensors[i]);
                }
            }

            return switches;
        }

        /// <summary>The status LED of a config, or null when it says <c>"led_pin": null</c> (no LED).</summary>
        private static Esp32StatusLed BuildLed(GpioController gpio, NodeConfig config)
        {
            return config.LedPin == NodeConfig.NoLed ? null : new Esp32StatusLed(gpio, config.LedPin, config.LedActiveLow);
        }

        private static void LogLines(Esp32Log log, LogLevel level, string[] lines)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                log.Write(level, lines[i]);
            }
        }

        private static string BootReasonName(BootReason reason)
        {
            switch (reason)
            {
                case BootReason.TimerWake:
                    return "deep-sleep timer wake";
                case BootReason.PinWake:
                    return "deep-sleep pin wake";
                case BootReason.OtherWake:
                    return "deep-sleep wake (other source)";
                case BootReason.CommandReboot:
                    return "reboot by command";
                case BootReason.WatchdogReboot:
                    return "reboot by self-heal";
                default:
                    return "power-on or reset";
            }
        }
    }
}
