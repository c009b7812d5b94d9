using TagoFirmware.Connection;

namespace TagoFirmware.Tests.Session
{
    /// <summary>
    /// A controllable WiFi link: each attempt ends after <see cref="ConnectDelayMs"/> of fake time with
    /// <see cref="NextOutcome"/>, and the test can drop or restore the link at any time.
    /// </summary>
    public class FakeNetworkLink : INetworkLink
    {
        private readonly FakeClock _clock;
        private bool _pending;
        private long _dueMs;
        private NetworkConnectResult _ready = NetworkConnectResult.None;

        public FakeNetworkLink(FakeClock clock)
        {
            _clock = clock;
        }

        public bool Up;
        /// <summary>Where <see cref="Drop"/> reports the loss, as the ESP32 adapter does from NetworkAvailabilityChanged.</summary>
        public FakeMqttLink Inbox;
        public long ConnectDelayMs = 2000;
        public NetworkConnectResult NextOutcome = NetworkConnectResult.Connected;
        public int BeginCalls;
        public int LastTimeoutMs;

        /// <summary>The link goes down and the loss is reported as an inbox event.</summary>
        public void Drop()
        {
            Up = false;
            if (Inbox != null)
            {
                Inbox.NetworkLost();
            }
        }

        public bool IsUp
        {
            get { return Up; }
        }

        public bool BeginConnect(int timeoutMs)
        {
            if (_pending)
            {
                return false;
            }

            BeginCalls++;
            LastTimeoutMs = timeoutMs;
            _pending = true;
            _dueMs = _clock.NowMs + ConnectDelayMs;
            return true;
        }

        public NetworkConnectResult TakeConnectResult()
        {
            if (_pending && _clock.NowMs >= _dueMs)
            {
                _pending = false;
                _ready = NextOutcome;
                if (NextOutcome == NetworkConnectResult.Connected)
                {
                    Up = true;
                }
            }

            if (_pending)
            {
                return NetworkConnectResult.Pending;
            }

            NetworkConnectResult r = _ready;
            _ready = NetworkConnectResult.None;
            return r;
        }
    }
}
