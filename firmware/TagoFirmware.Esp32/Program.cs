using System;
using System.Device.Gpio;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;
using TagoFirmware.Boot;
using TagoFirmware.Config;
using TagoFirmware.Connection;
using TagoFirmware.Diagnostics;
using TagoFirmware.Node;
using TagoFirmware.Readings;
using TagoFirmware.Sensors;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary>Entry point of the ESP32 node: builds the adapters and runs the core's <see cref="SensorNode"/>.</summary>
    public static class Program
    {
        /// <summary>Firmware version reported as <c>fw_version</c>.</summary>
        public const string FirmwareVersion = "0.1.0";

        private const int DeepSleepAttempts = 3; // tries to arm the deep-sleep timer before rebooting instead

        /// <summary>Runs the node; never returns (deep sleep ends in a reboot too).</summary>
        public static void Main()
        {
            Esp32Log log = new Esp32Log(LogLevel.Info);
            BootReason bootReason = Esp32PlatformInfo.DetermineBootReason();
            log.Write(LogLevel.Info, "TagoFirmware " + FirmwareVersion + " on " + SystemInfo.TargetName + ", boot: " + DiagnosticsPayload.BootReasonNames[(int)bootReason]);

            GpioController gpio = new GpioController();
            byte[] mac = Esp32PlatformInfo.WifiInterface(true)?.PhysicalAddress; // the station MAC, burnt into eFuse
            string macClientId = NodeWiring.ClientIdFromMac(mac);

            ConfigBoot boot = new ConfigBoot(new Esp32Files(), NodeConfig.DevicePath, null, true, macClientId, log);
            ConfigResult config = boot.Load();
            Esp32StatusLed led = BuildLed(gpio, config.Config, null);
            while (!config.IsValid) // the safe state until a corrected config file is deployed
            {
                config = boot.SafeStateStep(config, Environment.TickCount64, led);
                Thread.Sleep(1000);
            }

            NodeConfig node = config.Config;
            led = BuildLed(gpio, node, led);

            // Adapters can throw on real hardware (a taken RMT channel): log, LED, restart in a minute, no tight loop.
            SensorNode sensorNode;
            Esp32DeviceControl device;
            FlashReadingStore readingStore;
            Esp32Clock clock;
            Esp32MqttLink mqtt;
            try
            {
                BlockingWorker worker = new BlockingWorker();
                clock = new Esp32Clock();
                device = new Esp32DeviceControl(log);
                NodePorts ports = new NodePorts();
                ports.Clock = clock;
                ports.Network = new Esp32NetworkLink(worker, node.Text(ConfigKeys.WifiSsid), node.Text(ConfigKeys.WifiPassword), true);
                ports.TimeSync = clock;
                // In-flight bound: the QoS 1 publishes + "online" status + command SUBSCRIBE + one inbound QoS 1 command.
                ports.Mqtt = mqtt = new Esp32MqttLink(worker, NodeWiring.MaxInFlightPublishes + 3) { Log = log };
                ports.Random = new SeededRandomSource(SeededRandomSource.SeedFromMac(mac, clock.MonotonicMs));
                ports.Log = log;
                ports.Status = led;
                ports.Device = device;
                ports.Sensors = BuildSensors(node, gpio, out IPowerSwitch[] switches);
                ports.PowerSwitches = switches;

                readingStore = node.Flag(ConfigKeys.QueuePersist) ? new FlashReadingStore(node.Text(ConfigKeys.QueuePath)) : null;
                if (readingStore != null && !readingStore.IsOpen)
                {
                    log.Write(LogLevel.Warning, "queue: cannot open " + node.Text(ConfigKeys.QueuePath) + " on flash; readings are kept in RAM only");
                    readingStore = null;
                }

                ports.ReadingStore = readingStore;
                ports.OverrideStore = new FlashOverrideStore(FlashOverrideStore.DefaultPath);
                ports.Sequences = node.UsesTagoTip ? new FlashSequenceStore(FlashSequenceStore.DefaultPath) : null;
                ports.Platform = new Esp32PlatformInfo(bootReason, FirmwareVersion);

                sensorNode = new SensorNode(node, boot.FileBytes, macClientId, ports);
                device.Node = sensorNode;
                sensorNode.Start(clock.MonotonicMs);
            }
            catch (Exception ex)
            {
                Thread.Sleep(boot.StartupFailed(ex.GetType().Name + ": " + ex.Message, led));
                Power.RebootDevice();
                return;
            }

            MainLoop loop = new MainLoop(clock.MonotonicMs);
            device.StartWatchdog(loop);

            // An exception escaping the loop would end the program silently on the nanoCLR.
            try
            {
                loop.Run(sensorNode, clock, mqtt.Arrived);
            }
            catch (Exception ex)
            {
                log.Write(LogLevel.Error, "main loop failed: " + ex.GetType().Name + "; rebooting");
                device.Reboot(RebootReason.MainLoopHung);
                return;
            }

            if (sensorNode.SleepRequested)
            {
                EnterDeepSleep(sensorNode, led, readingStore, device, log);
            }
        }

        // Battery mode's end of a wake (waking is a reboot); if the timer cannot be armed, a few tries, then a reboot.
        private static void EnterDeepSleep(SensorNode node, Esp32StatusLed led, FlashReadingStore readingStore, Esp32DeviceControl device, Esp32Log log)
        {
            led?.Stop();
            readingStore?.Close();

            for (int attempt = 1; attempt <= DeepSleepAttempts; attempt++)
            {
                EspNativeError error;
                try
                {
                    error = Sleep.EnableWakeupByTimer(TimeSpan.FromMilliseconds(node.SleepMilliseconds));
                    if (error == EspNativeError.OK)
                    {
                        Sleep.StartDeepSleep(); // never returns
                    }
                }
                catch (Exception)
                {
                    error = EspNativeError.FAIL;
                }

                log.Write(LogLevel.Error, "sleep: cannot arm the wake-up timer (" + ((int)error).ToString() + "), attempt "
                    + attempt.ToString() + " of " + DeepSleepAttempts.ToString());
                Thread.Sleep(1000);
            }

            device.Node = null; // flushed and closed already: a flush would fail on the closed file
            device.Reboot(RebootReason.None);
        }

        // One adapter per sensor (each constructor sleeps 1 s in the Dhtxx binding); a power switch where power_pin is set.
        private static ITemperatureHumiditySensor[] BuildSensors(NodeConfig node, GpioController gpio, out IPowerSwitch[] switches)
        {
            SensorConfig[] configured = node.Sensors;
            ITemperatureHumiditySensor[] sensors = new ITemperatureHumiditySensor[configured.Length];
            switches = new IPowerSwitch[configured.Length];
            for (int i = 0; i < configured.Length; i++)
            {
                SensorConfig c = configured[i];
                DhtSensor dht = new DhtSensor(c.Model, c.Int(ConfigKeys.SensorEchoPin), c.Int(ConfigKeys.SensorTriggerPin), c.Int(ConfigKeys.SensorPowerPin), gpio);
                sensors[i] = dht;
                switches[i] = c.Int(ConfigKeys.SensorPowerPin) == ConfigKeys.NoPin ? null : dht;
            }

            return sensors;
        }

        // The config's LED (null for "led_pin": null), reusing current unless a corrected file moved or removed it.
        private static Esp32StatusLed BuildLed(GpioController gpio, NodeConfig config, Esp32StatusLed current)
        {
            if (current != null && (current.PinNumber != config.Int(ConfigKeys.LedPin) || current.ActiveLow != config.Flag(ConfigKeys.LedActiveLow)))
            {
                current.Stop();
                current = null;
            }

            return current != null || config.Int(ConfigKeys.LedPin) == ConfigKeys.NoPin ? current : new Esp32StatusLed(gpio, config.Int(ConfigKeys.LedPin), config.Flag(ConfigKeys.LedActiveLow));
        }
    }
}
