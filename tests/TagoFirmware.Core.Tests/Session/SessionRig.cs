using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Tests.Session
{
    /// <summary>
    /// One supervisor wired to fakes, driven in fake time. Defaults: WiFi up after 2 s, valid clock, broker accepts
    /// after 100 ms and acks in 50 ms, QoS 1, seed 42.
    /// </summary>
    public class SessionRig
    {
        public const string Token = "tok-SECRET-5f2a9c7e11d04b8e";
        public const string ClientId = "tago-a4cf12e3b1c0";

        public readonly FakeClock Clock = new FakeClock();
        public readonly FakeNetworkLink Network;
        public readonly FakeMqttLink Mqtt;
        public readonly ReportRecorder Reports = new ReportRecorder();
        public readonly FakeLog Log = new FakeLog();
        public readonly FakeStatusIndicator Status = new FakeStatusIndicator();
        public readonly FakeDeviceControl Device;
        public readonly FakeTimeSync TimeSync = new FakeTimeSync();
        public readonly SessionOptions Options = new SessionOptions();
        public ConnectionSupervisor Supervisor;
        public int Seed = 42;

        public SessionRig()
        {
            Network = new FakeNetworkLink(Clock);
            Mqtt = new FakeMqttLink(Clock);
            Network.Inbox = Mqtt;
            Device = new FakeDeviceControl();
            Options.Password = Token;
            Options.ClientId = ClientId;
            UseConfigDefaults(Options);
        }

        /// <summary>The options the config's defaults give (TagoIO legacy MQTT over TLS, QoS 1).</summary>
        public static void UseConfigDefaults(SessionOptions o)
        {
            o.Host = "mqtt.tago.io";
            o.Port = 8883;
            o.UseTls = true;
            o.Qos = 1;
            o.KeepAliveSeconds = 60;
            o.WifiConnectTimeoutMs = 30000;
            o.AuthRetryIntervalMs = 300000;
            o.AckTimeoutMs = 15000;
            o.NoAckRebootMs = 1800000;
            o.MaxInFlight = 8;
        }

        /// <summary>Creates the supervisor from the current options (call after changing them).</summary>
        public ConnectionSupervisor Build()
        {
            NodePorts ports = new NodePorts();
            ports.Clock = Clock;
            ports.Network = Network;
            ports.TimeSync = TimeSync;
            ports.Mqtt = Mqtt;
            ports.Log = Log;
            ports.Status = Status;
            ports.Device = Device;
            ports.Random = new SeededRandomSource(Seed);
            Supervisor = new ConnectionSupervisor(Options, UplinkTransport.TagoMqttJson(Options.ClientId, null, null, null), ports);
            return Supervisor;
        }

        /// <summary>Steps every <paramref name="stepMs"/> for <paramref name="durationMs"/> of fake time.</summary>
        public void Run(long durationMs, long stepMs)
        {
            long end = Clock.NowMs + durationMs;
            while (Clock.NowMs < end)
            {
                Clock.NowMs += stepMs;
                Step();
            }
        }

        /// <summary>Steps every 100 ms for <paramref name="durationMs"/>.</summary>
        public void Run(long durationMs)
        {
            Run(durationMs, 100);
        }

        /// <summary>One step at the current time; its report is recorded.</summary>
        public void StepNow()
        {
            Step();
        }

        /// <summary>One step at the current time, recording the report (what the node would act on).</summary>
        public void Step()
        {
            Supervisor.Step(Clock.NowMs);
            Reports.Record(Supervisor.Report);
            if (Supervisor.IsStopped && Supervisor.RebootReason != RebootReason.None && Device.Reboots == 0)
            {
                // What the node does once the stopped supervisor asks for a reboot.
                Device.Reboot(Supervisor.RebootReason);
            }
        }

        /// <summary>Steps every 100 ms until <paramref name="state"/> or <paramref name="maxMs"/> passed.</summary>
        public bool RunUntil(SessionState state, long maxMs)
        {
            long end = Clock.NowMs + maxMs;
            while (Clock.NowMs < end)
            {
                Clock.NowMs += 100;
                Step();
                if (Supervisor.State == state)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Builds and runs until online (WiFi 2 s, connect 100 ms).</summary>
        public void BringOnline()
        {
            if (Supervisor == null)
            {
                Build();
            }

            RunUntil(SessionState.Online, 60000);
        }
    }
}
