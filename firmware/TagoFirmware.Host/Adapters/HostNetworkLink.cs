using System.Threading;
using TagoFirmware.Connection;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// <see cref="INetworkLink"/> on the host: the PC's network is always up, unless a test or the CLI simulates a
    /// WiFi drop with <see cref="Available"/> = false (then connects fail until it is true again).
    /// </summary>
    public sealed class HostNetworkLink : INetworkLink
    {
        private volatile bool _available = true;
        private volatile bool _up;
        private NetworkConnectResult _result;

        /// <summary>Whether "WiFi" can be joined; setting false drops the link at once.</summary>
        public bool Available
        {
            get => _available;
            set
            {
                _available = value;
                if (!value)
                {
                    _up = false;
                    Link?.NetworkLost();
                }
            }
        }

        /// <summary>The MQTT link whose inbox hears of a drop (as the ESP32 adapter posts it), or null.</summary>
        public MqttConnection Link { get; set; }

        /// <inheritdoc />
        public bool IsUp => _up;

        /// <inheritdoc />
        public bool BeginConnect(int timeoutMs)
        {
            _up = _available;
            Interlocked.Exchange(ref _result, _up ? NetworkConnectResult.Connected : NetworkConnectResult.Failed);
            return true;
        }

        /// <inheritdoc />
        public NetworkConnectResult TakeConnectResult()
        {
            return Interlocked.Exchange(ref _result, NetworkConnectResult.None);
        }
    }
}
