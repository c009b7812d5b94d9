using TagoFirmware.Session;

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
        public readonly FakeListener Listener = new FakeListener();
        public readonly FakeLog Log = new FakeLog();
        public readonly FakeStatusIndicator Status = new FakeStatusIndicator();
        public readonly FakeDeviceControl Device;
        public readonly FakeTimeSync TimeSync = new FakeTimeSync();
        public readonly SessionOptions Options = new SessionOptions();
        public NodeSupervisor Supervisor;
        public int Seed = 42;

        public SessionRig()
        {
            Network = new FakeNetworkLink(Clock);
            Mqtt = new FakeMqttLink(Clock);
            Device = new FakeDeviceControl(Listener);
            Options.Token = Token;
            Options.ClientId = ClientId;
        }

        /// <summary>Creates the supervisor from the current options (call after changing them).</summary>
        public NodeSupervisor Build()
        {
            SessionPorts ports = new SessionPorts();
            ports.Clock = Clock;
            ports.Network = Network;
            ports.TimeSync = TimeSync;
            ports.Mqtt = Mqtt;
            ports.Listener = Listener;
            ports.Log = Log;
            ports.Status = Status;
            ports.Device = Device;
            ports.Random = new SeededRandomSource(Seed);
            Supervisor = new NodeSupervisor(Options, new TagoMqttJsonTransport(Options.ClientId, Options.DataTopicTemplate), ports);
            return Supervisor;
        }

        /// <summary>Steps every <paramref name="stepMs"/> for <paramref name="durationMs"/> of fake time.</summary>
        public void Run(long durationMs, long stepMs)
        {
            long end = Clock.NowMs + durationMs;
            while (Clock.NowMs < end)
            {
                Clock.NowMs += stepMs;
                Supervisor.Step(Clock.NowMs);
            }
        }

        /// <summary>Steps every 100 ms for <paramref name="durationMs"/>.</summary>
        public void Run(long durationMs)
        {
            Run(durationMs, 100);
        }

        /// <summary>One step at the current time.</summary>
        public void StepNow()
        {
            Supervisor.Step(Clock.NowMs);
        }

        /// <summary>Steps every 100 ms until <paramref name="state"/> or <paramref name="maxMs"/> passed.</summary>
        public bool RunUntil(SessionState state, long maxMs)
        {
            long end = Clock.NowMs + maxMs;
            while (Clock.NowMs < end)
            {
                Clock.NowMs += 100;
                Supervisor.Step(Clock.NowMs);
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
