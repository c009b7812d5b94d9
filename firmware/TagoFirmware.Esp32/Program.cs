using System;
using System.Collections;
using System.Device.Gpio;
using System.IO;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;
using TagoFirmware.Config;
using TagoFirmware.Diagnostics;
using TagoFirmware.Node;
using TagoFirmware.Readings;
using TagoFirmware.Sensors;
using TagoFirmware.Session;

namespace TagoFirmware.Esp32
{
    /// <summary>
    /// Entry point of the ESP32 node. Main narrates its steps like the nanoframework/Samples do: boot facts, the
    /// status LED, identity, the config file (or the safe state), the adapters, the core node, the watchdog, the loop.
    /// Every decision lives in the core (TagoFirmware.Core, <see cref="SensorNode"/>); this file only builds and
    /// connects things.
    /// </summary>
    public static class Program
    {
        /// <summary>Firmware version reported as <c>fw_version</c>.</summary>
        public const string FirmwareVersion = "0.1.0";

        /// <summary>Attempts to arm the deep-sleep timer before giving up and rebooting instead.</summary>
        private const int DeepSleepAttempts = 3;

        /// <summary>Sleep of the config-invalid safe state between checks, in ms.</summary>
        private const int SafeStateSleepMs = 1000;

        /// <summary>Wait before restarting after adapters or the node failed to start (one restart a minute, never a loop).</summary>
        private const int StartupRetryMs = 60000;

        /// <summary>The bytes of the config file the node runs with (SensorNode's command-override fingerprint).</summary>
        private static byte[] s_configBytes;

        /// <summary>The MAC-derived client id (null when the board reports no MAC).</summary>
        private static string s_macClientId;

        /// <summary>Runs the node; never returns (deep sleep ends in a reboot too).</summary>
        public static void Main()
        {
            // STEP 1: boot facts. The wake cause and the reboot-reason file tell a deep-sleep wake and an intentional
            // reboot from a power-on (there is no managed reset-reason API on nanoFramework).
            Esp32Log log = new Esp32Log(LogLevel.Info, true);
            BootReason bootReason = BootInfo.Determine();
            log.Write(LogLevel.Info, "TagoFirmware " + FirmwareVersion + " on " + SystemInfo.TargetName + ", boot: " + BootReasonName(bootReason));

            // STEP 2: the shared GPIO controller (LED, sensor trigger pins, power pins).
            GpioController gpio = new GpioController();

            // STEP 3: identity. The client id comes from the config or from the MAC (stable: the MAC is in eFuse).
            byte[] mac = DeviceInfo.MacAddress();
            s_macClientId = ClientIdentity.FromMac(mac);

            // STEP 4: the config file I:\tagofirmware.json, parsed with NodeConfigLoader (which refuses an interval below
            // what the read pipelines need), its CA file names replaced by their PEM text, and the status LED it names
            // (steady on = booting). An unusable file (or a CA file that cannot be read) puts the node in the safe
            // state: LED pattern, one log line per error, re-read every minute, never a reboot (no boot loop).
            ConfigResult config = LoadConfig(log);
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
            string clientId = node.Mqtt.EffectiveClientId(s_macClientId);

            // STEPS 5-6 build hardware adapters (GPIO, RMT channels, flash files) and the node. On real hardware any of
            // them can throw (an RMT channel that is taken, a GPIO driver fault); the app must not die silently, nor
            // reboot in a tight loop: log it, show the config-invalid pattern and restart from scratch after a minute.
            SensorNode sensorNode;
            Esp32DeviceControl device;
            FlashReadingStore readingStore;
            Esp32Clock clock;
            try
            {
                // STEP 5: the adapters. One worker thread runs every blocking connect; M2Mqtt runs its own threads. M2Mqtt's
                // in-flight queue is sized from the options SensorNode will run the session with (README "The ESP32 app").
                BlockingWorker worker = new BlockingWorker();
                clock = new Esp32Clock();
                device = new Esp32DeviceControl(log);
                SessionOptions options = NodeWiring.CreateSessionOptions(node, clientId);

                NodePorts ports = new NodePorts();
                ports.Clock = clock;
                ports.Network = new Esp32NetworkLink(worker, node.Wifi.Ssid, node.Wifi.Password, true);
                ports.TimeSync = new Esp32TimeSync();
                ports.Mqtt = new Esp32MqttLink(worker, InflightQueueSizeFor(options));
                ports.Random = new SeededRandomSource(SeededRandomSource.SeedFromMac(mac, clock.MonotonicMs));
                ports.Log = log;
                ports.Status = led;
                ports.Device = device;
                ports.Sensors = BuildSensors(node, gpio, out DhtSensor[] dhts);
                ports.PowerSwitches = BuildPowerSwitches(node, gpio, dhts);

                readingStore = null;
                if (node.Queue.Persist)
                {
                    readingStore = new FlashReadingStore(node.Queue.Path);
                    if (!readingStore.IsOpen)
                    {
                        log.Write(LogLevel.Warning, "queue: cannot open " + node.Queue.Path + " on flash; readings are kept in RAM only");
                        readingStore = null;
                    }
                }

                ports.ReadingStore = readingStore;
                ports.OverrideStore = new FlashOverrideStore(FlashOverrideStore.DefaultPath);

                // RSSI needs a WiFi scan, which can disturb the link: no probe by default (README "The ESP32 app").
                ports.Platform = new Esp32PlatformInfo(bootReason, FirmwareVersion, null);

                // STEP 6: the core node. It logs the effective configuration once (token and WiFi password masked), loads
                // the queue log and the command overrides. Every intentional reboot flushes it first.
                sensorNode = new SensorNode(node, s_configBytes, s_macClientId, ports);
                device.FlushHook = new NodeFlushHook(sensorNode);
                sensorNode.Start(clock.MonotonicMs);
            }
            catch (Exception ex)
            {
                log.Write(LogLevel.Error, "startup failed: " + ex.GetType().Name + ": " + ex.Message + "; restarting in " + (StartupRetryMs / 1000) + " s");
                if (led != null)
                {
                    led.Show(NodeStatus.ConfigInvalid);
                }

                Thread.Sleep(StartupRetryMs);
                Power.RebootDevice();
                return;
            }

            // STEP 7: the watchdog thread: flush and reboot when the loop is 2 minutes past the time it said it would
            // run again.
            MainLoopWatchdog decision = new MainLoopWatchdog(MainLoopWatchdog.DefaultTimeoutMs, clock.MonotonicMs);
            new MainLoopWatchdogThread(decision, device, log).Start();

            // STEP 8: the core's main loop: step, then wait until the node's next due time or a link event. Nothing in a
            // step blocks on the network. Battery mode ends in deep sleep (a wake is a new boot); an orderly stop or a
            // reboot ends inside the node.
            new NodeRunner(sensorNode, clock, LinkEventQueue.Arrived, decision).Run();
            if (sensorNode.SleepRequested)
            {
                EnterDeepSleep(sensorNode, led, readingStore, device, log);
            }
        }

        /// <summary>
        /// Battery mode's end of a wake, in the order the core decided: the node has disconnected and
        /// flushed; the LED goes dark (a GPIO would hold its level through deep sleep), the store's file is closed,
        /// then <see cref="Esp32Sleep.DeepSleep"/>. It returns only when the timer could not be armed: a few more tries,
        /// then a reboot, so the node is never left awake and idle with its LED and store shut.
        /// </summary>
        private static void EnterDeepSleep(SensorNode node, Esp32StatusLed led, FlashReadingStore readingStore, Esp32DeviceControl device, Esp32Log log)
        {
            if (led != null)
            {
                led.Stop();
            }

            if (readingStore != null)
            {
                readingStore.Close();
            }

            for (int attempt = 1; attempt <= DeepSleepAttempts; attempt++)
            {
                EspNativeError error = Esp32Sleep.DeepSleep(node.SleepMilliseconds);
                log.Write(LogLevel.Error, "sleep: cannot arm the wake-up timer (" + ((int)error).ToString() + "), attempt "
                    + attempt.ToString() + " of " + DeepSleepAttempts.ToString());
                Thread.Sleep(SafeStateSleepMs);
            }

            // The node flushed before asking to sleep and the store is closed: no flush hook (it would only report a
            // failed write to the closed file). The next boot starts a fresh wake from the persisted queue.
            device.FlushHook = null;
            device.Reboot(RebootReason.None);
        }

        /// <summary>
        /// Reads the config file and parses it with <see cref="NodeConfigLoader.Parse"/>; when valid, replaces each CA
        /// file name by the file's PEM text (<see cref="ResolveCaFiles"/>). Never throws. The bytes are kept in
        /// <see cref="s_configBytes"/>: SensorNode fingerprints them (a newly deployed config resets the command
        /// overrides).
        /// </summary>
        private static ConfigResult LoadConfig(Esp32Log log)
        {
            s_configBytes = ReadConfigBytes();
            ConfigResult result = NodeConfigLoader.Parse(s_configBytes, null);
            if (!result.IsValid)
            {
                return result;
            }

            ArrayList extra = ResolveCaFiles(result.Config.Mqtt, log);
            if (result.Config.Mqtt.EffectiveClientId(s_macClientId) == null)
            {
                extra.Add(new ConfigIssue(ConfigSeverity.Error, "mqtt.client_id", "must be set: this board reports no MAC address to derive one from"));
            }

            if (extra.Count == 0)
            {
                return result;
            }

            ConfigIssue[] issues = result.Issues;
            ArrayList all = new ArrayList();
            for (int i = 0; i < issues.Length; i++)
            {
                all.Add(issues[i]);
            }

            for (int i = 0; i < extra.Count; i++)
            {
                all.Add(extra[i]);
            }

            return new ConfigResult(result.Config, all);
        }

        /// <summary>
        /// Replaces each <c>mqtt.ca_certificates</c> entry that names a file (on <c>I:\</c>) by that file's PEM text, in
        /// place, so the core only ever sees PEM (<see cref="NodeWiring.CreateSessionOptions"/> joins PEM entries and
        /// skips anything else). A file that is missing, unreadable or not PEM is a config error naming the file: the
        /// node stays in the safe state (and picks the file up when it is deployed) instead of failing every TLS
        /// handshake as "TLS/certificate".
        /// </summary>
        /// <returns>The errors found (ArrayList of <see cref="ConfigIssue"/>), empty when every file was read.</returns>
        private static ArrayList ResolveCaFiles(MqttConfig mqtt, Esp32Log log)
        {
            ArrayList errors = new ArrayList();
            string[] entries = mqtt.CaCertificates;
            if (!mqtt.Tls || entries == null)
            {
                return errors;
            }

            for (int i = 0; i < entries.Length; i++)
            {
                string name = entries[i];
                if (name == null || ConfigText.IsPem(name))
                {
                    continue;
                }

                string path = "mqtt.ca_certificates[" + i.ToString() + "]";
                string pem = null;
                try
                {
                    if (File.Exists(name))
                    {
                        pem = File.ReadAllText(name);
                    }
                }
                catch (Exception)
                {
                    pem = null;
                }

                if (pem == null)
                {
                    errors.Add(new ConfigIssue(ConfigSeverity.Error, path, "CA file " + name + " is missing or cannot be read"));
                    continue;
                }

                string problem = ConfigText.IsPem(pem) ? ConfigText.PemProblem(pem) : "holds no -----BEGIN CERTIFICATE----- block";
                if (problem != null)
                {
                    errors.Add(new ConfigIssue(ConfigSeverity.Error, path, "CA file " + name + ": " + problem));
                    continue;
                }

                entries[i] = pem;
                log.Write(LogLevel.Info, "config: CA file " + name + " loaded (" + pem.Length.ToString() + " chars)");
            }

            return errors;
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

                result = LoadConfig(log);
                if (result.IsValid)
                {
                    log.Write(LogLevel.Info, "config: corrected file found");
                    return result;
                }
            }
        }

        /// <summary>
        /// M2Mqtt's in-flight bound (<c>MqttSettings.InflightQueueSize</c>): the node's QoS 1 publishes
        /// (<see cref="SessionOptions.MaxInFlight"/> = <see cref="SensorNode.MaxInFlightPublishes"/>: one data batch, one
        /// diagnostics payload, one ping status) + the supervisor's "online" status publish + the command SUBSCRIBE + one
        /// inbound QoS 1 command awaiting its PUBACK (M2Mqtt queues those too and drops them unacked when full): 6.
        /// </summary>
        private static int InflightQueueSizeFor(SessionOptions options)
        {
            return options.MaxInFlight + 3;
        }

        /// <summary>One adapter per configured sensor (each constructor sleeps 1 s in the Dhtxx binding).</summary>
        private static ITemperatureHumiditySensor[] BuildSensors(NodeConfig node, GpioController gpio, out DhtSensor[] sensors)
        {
            SensorConfig[] configured = node.Sensors == null ? new SensorConfig[0] : node.Sensors;
            sensors = new DhtSensor[configured.Length];
            ITemperatureHumiditySensor[] ports = new ITemperatureHumiditySensor[configured.Length];
            for (int i = 0; i < configured.Length; i++)
            {
                // DhtModel and SensorModel share their numbers by design (DhtModel's remarks).
                sensors[i] = new DhtSensor((SensorModel)(int)configured[i].Model, configured[i].EchoPin, configured[i].TriggerPin, gpio);
                ports[i] = sensors[i];
            }

            return ports;
        }

        /// <summary>A power switch for each sensor that has a <c>power_pin</c>, else null in that slot.</summary>
        private static IPowerSwitch[] BuildPowerSwitches(NodeConfig node, GpioController gpio, DhtSensor[] sensors)
        {
            IPowerSwitch[] switches = new IPowerSwitch[sensors.Length];
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
