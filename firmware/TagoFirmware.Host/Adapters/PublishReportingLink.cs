using System.Collections.Generic;
using System.Globalization;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Host.Adapters
{
    /// <summary>
    /// An <see cref="IMqttLink"/> decorator for the twin's console: passes every call through to the
    /// <see cref="MqttNetLink"/> and prints one line per publish with its acknowledgement latency (QoS 1: publish to
    /// PUBACK as MQTTnet measured it; QoS 0: until the packet was written), plus the lost ones. Counts acknowledged
    /// publishes per topic. Host-only (it allocates per publish); the core never sees it as anything but a link.
    /// </summary>
    public sealed class PublishReportingLink : IMqttLink
    {
        private readonly MqttNetLink _inner;
        private readonly ILog _log;
        private readonly Dictionary<int, string> _pending = new Dictionary<int, string>();

        /// <summary>Wraps <paramref name="inner"/>.</summary>
        public PublishReportingLink(MqttNetLink inner, ILog log)
        {
            _inner = inner;
            _log = log;
        }

        /// <summary>The wrapped link.</summary>
        public MqttNetLink Inner => _inner;

        /// <summary>Publishes acknowledged (QoS 1) or sent (QoS 0), every topic.</summary>
        public int Acknowledged { get; private set; }

        /// <summary>Latency of the latest acknowledged publish in ms.</summary>
        public double LastLatencyMs { get; private set; }

        /// <inheritdoc />
        public System.Threading.WaitHandle Arrived => _inner.Arrived;

        /// <inheritdoc />
        public bool IsConnected => _inner.IsConnected;

        /// <inheritdoc />
        public bool BeginConnect(MqttConnectRequest request)
        {
            _pending.Clear();
            return _inner.BeginConnect(request);
        }

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int qos)
        {
            int id = _inner.Publish(topic, payload, qos);
            if (id <= 0)
                return id;
            string what = "publish #" + id.ToString(CultureInfo.InvariantCulture) + " " + topic + " (" + payload.Length.ToString(CultureInfo.InvariantCulture) + " B, " + Items(payload) + " item(s))";
            if (qos == 0)
            {
                Acknowledged++;
                _log.Write(LogLevel.Info, what + " sent at QoS 0 (no acknowledgement)");
            }
            else
                _pending[id] = what;
            return id;
        }

        /// <inheritdoc />
        public int Subscribe(string topicFilter, int qos)
        {
            return _inner.Subscribe(topicFilter, qos);
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            _inner.Disconnect();
        }

        /// <inheritdoc />
        public void Close()
        {
            _inner.Close();
        }

        /// <inheritdoc />
        public bool TryTakeEvent(LinkEvent into)
        {
            if (!_inner.TryTakeEvent(into))
                return false;
            if (into.Kind == LinkEventKind.PublishAcked || into.Kind == LinkEventKind.PublishFailed)
            {
                if (_pending.Remove(into.MessageId, out string what))
                {
                    if (into.Kind == LinkEventKind.PublishAcked)
                    {
                        Acknowledged++;
                        _inner.TryTakeAckLatency(into.MessageId, out double ms);
                        LastLatencyMs = ms;
                        _log.Write(LogLevel.Info, what + " acknowledged in " + ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms");
                    }
                    else
                    {
                        _log.Write(LogLevel.Warning, what + " failed (reason " + into.ReasonCode.ToString(CultureInfo.InvariantCulture) + "); its readings stay queued");
                    }
                }
            }

            return true;
        }

        private static int Items(byte[] payload)
        {
            // Counts "variable" keys: one per TagoIO data item (the writer emits each key once per item).
            int count = 0;
            for (int i = 0; i + 10 < payload.Length; i++)
            {
                if (payload[i] == (byte)'"' && payload[i + 1] == (byte)'v' && payload[i + 9] == (byte)'"' && payload[i + 10] == (byte)':'
                    && payload[i + 2] == (byte)'a' && payload[i + 8] == (byte)'e')
                {
                    count++;
                }
            }

            return count;
        }
    }
}
