using System;
using System.Collections;
using TagoFirmware.Config;
using TagoFirmware.Node;
using TagoFirmware.Payload;
using TagoFirmware.Sensors;
using TagoFirmware.Connection;
using TagoFirmware.Tests.Commands;
using TagoFirmware.Tests.Payload;
using TagoFirmware.Tests.Readings;
using TagoFirmware.Tests.Sensors;
using TagoFirmware.Tests.Session;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Node
{
    /// <summary>
    /// A whole <see cref="SensorNode"/> wired to the shared fakes and driven in fake time (100 ms steps). Defaults:
    /// one DHT22, interval 15 s, batch 10, batch interval 30 s, QoS 1, queue of 64 persisted in a
    /// <see cref="FakeReadingStore"/>, valid wall clock moving with the monotonic clock, WiFi up after 2 s, broker
    /// accepting after 100 ms and acknowledging in 50 ms. Change <see cref="Config"/> before <see cref="Build"/>.
    /// </summary>
    public class NodeRig
    {
        public const string MacClientId = "tago-a4cf12e3b1c0";
        public const string Token = "5f2a9c7e-11d0-4b8e-9a1b-c2d3e4f5a6b7";
        public const string DataTopic = "sensors/tago-a4cf12e3b1c0/data";
        public const string StatusTopic = "device/status/tago-a4cf12e3b1c0";
        public const string CommandPrefix = "commands/tago-a4cf12e3b1c0/";
        public const long StepMs = 100;

        public readonly FakeClock Clock = new FakeClock();
        public readonly FakeLog Log = new FakeLog();
        public readonly FakeStatusIndicator Status = new FakeStatusIndicator();
        public readonly FakeTimeSync TimeSync = new FakeTimeSync();
        public readonly FakeReadingStore Store = new FakeReadingStore();
        public readonly FakeOverrideStore Overrides = new FakeOverrideStore();
        public readonly FakePlatformInfo Platform = new FakePlatformInfo();
        public readonly TagoFirmware.Tests.TagoTip.FakeSequenceStore Sequences = new TagoFirmware.Tests.TagoTip.FakeSequenceStore();

        /// <summary>With <see cref="UseTagoTip"/>: the TagoTiP server answering the node's pushes after every step.</summary>
        public FakeTagoTipServer TipServer;
        public readonly FakeNodeDevice Device;
        public readonly NodeConfig Config = new NodeConfig();
        public FakeNetworkLink Network;
        public FakeMqttLink Mqtt;
        public FakeSensor[] Sensors;
        public byte[] ConfigBytes = TagoUtf8.GetBytes("{\"token\":\"v1\"}");
        public SensorNode Node;

        /// <summary>Wall time at monotonic 0; the wall clock moves with the monotonic clock.</summary>
        public DateTime WallAtZero = FakeClock.ValidTime;

        /// <summary>False: the wall clock reads 1970 (SNTP has not run).</summary>
        public bool WallValid = true;

        /// <summary>When the broker takes connects: false makes every connect fail (network error).</summary>
        public bool BrokerUp = true;

        public NodeRig()
            : this(1)
        {
        }

        public NodeRig(int sensors)
        {
            Device = new FakeNodeDevice(Store);
            Config.Set(ConfigKeys.Token, Token);
            Config.Set(ConfigKeys.WifiSsid, "lab");
            Config.Set(ConfigKeys.SamplingInterval, 15);
            Config.Set(ConfigKeys.QueueCapacity, 64);
            Config.Sensors = new SensorConfig[sensors];
            Sensors = new FakeSensor[sensors];
            for (int i = 0; i < sensors; i++)
            {
                SensorConfig s = new SensorConfig();
                s.Model = TagoFirmware.Sensors.SensorModel.Dht22;
                s.ModelName = "dht22";
                s.Set(ConfigKeys.SensorEchoPin, 4 + i);
                s.Set(ConfigKeys.SensorTriggerPin, 16 + i);
                s.Set(ConfigKeys.SensorName, "dht22-" + (i + 1).ToString());
                s.Set(ConfigKeys.SensorSuffix, sensors > 1 ? "_" + (i + 1).ToString() : string.Empty);
                Config.Sensors[i] = s;
                Sensors[i] = new FakeSensor(SensorScript.Varying(400));
            }
        }

        /// <summary>Creates the node (a fresh boot: new links, same stores and sensors) and starts it at the current time.</summary>
        public SensorNode Build()
        {
            Network = new FakeNetworkLink(Clock);
            Mqtt = new FakeMqttLink(Clock);
            ApplyBroker();
            NodePorts ports = new NodePorts();
            ports.Clock = Clock;
            ports.Network = Network;
            ports.TimeSync = TimeSync;
            ports.Mqtt = Mqtt;
            ports.Log = Log;
            ports.Status = Status;
            ports.Device = Device;
            ports.Random = new SeededRandomSource(42);
            ports.ReadingStore = Store;
            ports.OverrideStore = Overrides;
            ports.Sequences = Sequences;
            ports.Sensors = new ITemperatureHumiditySensor[Sensors.Length];
            for (int i = 0; i < Sensors.Length; i++)
            {
                ports.Sensors[i] = Sensors[i];
            }

            ports.Platform = Platform;
            UpdateWall();
            Node = new SensorNode(Config, ConfigBytes, MacClientId, ports);
            Node.Start(Clock.NowMs);
            return Node;
        }

        /// <summary>Switches the node to the TagoTiP transport (serial <see cref="FakeTagoTipServer.Serial"/>, no token) and
        /// puts a <see cref="FakeTagoTipServer"/> in front of it; sessions may open every <paramref name="minSessionSeconds"/>.</summary>
        public FakeTagoTipServer UseTagoTip(int minSessionSeconds)
        {
            Config.Set(ConfigKeys.Token, null);
            Config.Set(ConfigKeys.Transport, NodeConfig.TransportTagoTip);
            Config.Set(ConfigKeys.TagoTipSerial, FakeTagoTipServer.Serial);
            Config.Set(ConfigKeys.TagoTipAuthHash, FakeTagoTipServer.Hash);
            Config.Set(ConfigKeys.TagoTipMinSession, minSessionSeconds);
            TipServer = new FakeTagoTipServer(this);
            return TipServer;
        }

        private void Answer()
        {
            if (TipServer != null)
            {
                TipServer.Pump();
            }
        }

        /// <summary>Makes the broker accept (true) or fail (false) every further connect; false also drops the link.</summary>
        public void SetBroker(bool up)
        {
            BrokerUp = up;
            ApplyBroker();
            if (!up && Mqtt != null)
            {
                Mqtt.DropConnection();
            }
        }

        /// <summary>Steps the node every 100 ms of fake time for <paramref name="durationMs"/>.</summary>
        public void Run(long durationMs)
        {
            long end = Clock.NowMs + durationMs;
            while (Clock.NowMs < end)
            {
                Clock.NowMs += StepMs;
                UpdateWall();
                Node.Step(Clock.NowMs);
                Answer();
            }
        }

        /// <summary>Steps until <see cref="SensorNode.SleepRequested"/> or <paramref name="maxMs"/> passed.</summary>
        public bool RunUntilSleep(long maxMs)
        {
            long end = Clock.NowMs + maxMs;
            while (Clock.NowMs < end && !Node.SleepRequested)
            {
                Clock.NowMs += StepMs;
                UpdateWall();
                Node.Step(Clock.NowMs);
                Answer();
            }

            return Node.SleepRequested;
        }

        /// <summary>A downlink message on <c>commands/{client_id}/{command}</c>; it is handled on the next step.</summary>
        public void Command(string command, string payload)
        {
            Mqtt.Deliver(CommandPrefix + command, PayloadText.Utf8(payload));
            Run(StepMs);
        }

        /// <summary>Every payload published on the data topic that carries readings or counters (not diagnostics), decoded.</summary>
        public ArrayList DataPayloads()
        {
            ArrayList list = new ArrayList();
            for (int i = 0; i < Mqtt.Publishes.Count; i++)
            {
                PublishRecord p = (PublishRecord)Mqtt.Publishes[i];
                string text = PayloadText.Decode(p.Payload, p.Payload.Length);
                if (p.Topic == DataTopic && text.IndexOf("\"uptime_s\"") < 0)
                {
                    list.Add(text);
                }
            }

            return list;
        }

        /// <summary>Every diagnostics payload published, decoded.</summary>
        public ArrayList DiagnosticsPayloads()
        {
            ArrayList list = new ArrayList();
            for (int i = 0; i < Mqtt.Publishes.Count; i++)
            {
                PublishRecord p = (PublishRecord)Mqtt.Publishes[i];
                string text = PayloadText.Decode(p.Payload, p.Payload.Length);
                if (p.Topic == DataTopic && text.IndexOf("\"uptime_s\"") >= 0)
                {
                    list.Add(text);
                }
            }

            return list;
        }

        /// <summary>Message id of the latest data publish, or -1.</summary>
        public int LastDataMessageId()
        {
            for (int i = Mqtt.Publishes.Count - 1; i >= 0; i--)
            {
                PublishRecord p = (PublishRecord)Mqtt.Publishes[i];
                if (p.Topic == DataTopic)
                {
                    return p.MessageId;
                }
            }

            return -1;
        }

        /// <summary>Publishes on the status topic.</summary>
        public int StatusPublishes()
        {
            int n = 0;
            for (int i = 0; i < Mqtt.Publishes.Count; i++)
            {
                if (((PublishRecord)Mqtt.Publishes[i]).Topic == StatusTopic)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>How often <paramref name="marker"/> occurs in <paramref name="text"/>.</summary>
        public static int Count(string text, string marker)
        {
            int n = 0;
            int at = text.IndexOf(marker);
            while (at >= 0)
            {
                n++;
                at = text.IndexOf(marker, at + marker.Length);
            }

            return n;
        }

        /// <summary>How often <paramref name="marker"/> occurs over all <paramref name="payloads"/>.</summary>
        public static int Count(ArrayList payloads, string marker)
        {
            int n = 0;
            for (int i = 0; i < payloads.Count; i++)
            {
                n += Count((string)payloads[i], marker);
            }

            return n;
        }

        /// <summary>All payloads concatenated in publish order.</summary>
        public static string Join(ArrayList payloads)
        {
            string all = string.Empty;
            for (int i = 0; i < payloads.Count; i++)
            {
                all += (string)payloads[i];
            }

            return all;
        }

        /// <summary>The ISO time TagoIO sees for monotonic <paramref name="monotonicMs"/> (with the default wall clock).</summary>
        public string IsoAt(long monotonicMs)
        {
            DateTime t = WallAtZero.AddMilliseconds(monotonicMs);
            return t.Year.ToString() + "-" + Pad(t.Month, 2) + "-" + Pad(t.Day, 2) + "T" + Pad(t.Hour, 2) + ":" + Pad(t.Minute, 2)
                + ":" + Pad(t.Second, 2) + "." + Pad(t.Millisecond, 3) + "Z";
        }

        private static string Pad(int value, int digits)
        {
            string s = value.ToString();
            while (s.Length < digits)
            {
                s = "0" + s;
            }

            return s;
        }

        public void UpdateWall()
        {
            Clock.Wall = WallValid ? WallAtZero.AddMilliseconds(Clock.NowMs) : FakeClock.UnsetTime.AddMilliseconds(Clock.NowMs);
        }

        private void ApplyBroker()
        {
            if (Mqtt != null)
            {
                Mqtt.Behaviour = BrokerUp ? ConnectBehaviour.Accept : ConnectBehaviour.FailNetwork;
            }
        }
    }
}
