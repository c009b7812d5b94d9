using System;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;
using TagoFirmware.Connection;
using TagoFirmware.Platform;

namespace TagoFirmware.Esp32
{
    /// <summary><see cref="MqttConnection"/> over nanoFramework.M2Mqtt 5.1 <c>MqttClient</c>: translates calls and events only.</summary>
    /// <remarks>A fresh client per attempt: its constructor resolves DNS and a new instance carries no stale exception of
    /// the previous connection. TLS 1.2 (<c>None</c> would mean TLS 1.3 only). willRetain is false: a broker that forbids
    /// retain refuses the CONNECT. <c>MqttConnectionException</c> wraps what opening the channel threw (TCP, then TLS: a
    /// <c>SocketException</c> with the negative mbedTLS code); anything later means the CONNECT was sent.
    /// <c>MqttSettings.InflightQueueSize</c> (process-wide, default int.MaxValue) is bounded: each queued message pins its
    /// payload until PUBACK, and M2Mqtt silently drops inbound QoS 1 commands when the queue is full.</remarks>
    public sealed class Esp32MqttLink : MqttConnection
    {
        private X509Certificate _ca; // worker thread only
        private string _caSource;
        private bool _caParsed;

        /// <summary>Creates the link and sets M2Mqtt's process-wide settings.</summary>
        public Esp32MqttLink(IWorker worker, int inflightQueueSize)
            : base(worker, new Esp32Clock(), 32)
        {
            MqttSettings.Instance.InflightQueueSize = inflightQueueSize;
            MqttSettings.Instance.ValidateServerCertificate = true;

            // WiFi loss wakes the main loop through the inbox: online, the supervisor does not poll the network.
            NetworkChange.NetworkAvailabilityChanged += OnAvailabilityChanged;
        }

        /// <inheritdoc />
        protected override object CreateClient(SessionOptions request)
        {
            _caParsed = false;
            X509Certificate ca = request.UseTls ? CaFor(request.CaCertificatesPem) : null;
            _caParsed = true;
            MqttClient client = new MqttClient(
                request.Host,
                request.Port,
                request.UseTls,
                ca,
                null,
                request.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            client.ConnectionOpened += OnConnectionOpened;
            client.MqttMsgPublished += OnPublished;
            client.MqttMsgSubscribed += OnSubscribed;
            client.MqttMsgPublishReceived += OnPublishReceived;
            client.ConnectionClosed += OnConnectionClosed;
            return client;
        }

        /// <inheritdoc />
        protected override int ConnectClient(object client, SessionOptions request)
        {
            // The enum's values are MQTT's protocol levels 3, 4, 5.
            ((MqttClient)client).ProtocolVersion = (MqttProtocolVersion)request.ProtocolLevel;
            return (int)((MqttClient)client).Connect(
                request.ClientId,
                request.Username,
                request.Password,
                false,
                MqttQoSLevel.AtLeastOnce,
                request.WillTopic != null,
                request.WillTopic,
                request.WillMessage,
                true,
                (ushort)request.KeepAliveSeconds);
        }

        /// <inheritdoc />
        protected override ConnectFailure Describe(Exception ex, bool created, out int socketCode)
        {
            socketCode = 0;
            if (!created)
            {
                // Before the constructor: the CA text did not parse. The constructor's only network step is DNS.
                return !_caParsed ? ConnectFailure.Tls : ex is OutOfMemoryException ? ConnectFailure.Internal : ConnectFailure.Dns;
            }

            Exception inner = ex is MqttConnectionException ? ex.InnerException : ex;
            if (inner is SocketException)
            {
                socketCode = ((SocketException)inner).ErrorCode;
                return ConnectFailure.Network;
            }

            if (ex is MqttConnectionException)
            {
                // ArgumentException: an SslProtocols value the platform cannot map; else a TLS/crypto failure.
                return inner is ArgumentException ? ConnectFailure.Protocol : ConnectFailure.Tls;
            }

            return ex is MqttTimeoutException ? ConnectFailure.Timeout
                : ex is MqttCommunicationException ? ConnectFailure.Communication : ConnectFailure.Internal;
        }

        /// <inheritdoc />
        protected override bool ClientConnected(object client) => ((MqttClient)client).IsConnected;

        /// <inheritdoc />
        protected override int PublishOn(object client, string topic, byte[] payload, int qos)
            => ((MqttClient)client).Publish(topic, payload, null, null, Qos(qos), false); // contentType, userProperties null on 3.1.1

        /// <inheritdoc />
        protected override int SubscribeOn(object client, string topicFilter, int qos)
            => ((MqttClient)client).Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { Qos(qos) });

        /// <inheritdoc />
        protected override void DisconnectClient(object client) => ((MqttClient)client).Disconnect();

        /// <inheritdoc />
        protected override void CloseClient(object client) => ((MqttClient)client).Close(); // sleeps 200 ms, waits ≤ 1 s for keep-alive

        private static MqttQoSLevel Qos(int qos) => qos == 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce;

        private X509Certificate CaFor(string pem)
        {
            if (pem == null || pem.Length == 0)
            {
                // Null: native TLS uses the CA bundle stored on the device (nanoff --networkdeployment).
                return null;
            }

            if (_ca == null || !ReferenceEquals(_caSource, pem))
            {
                _ca = new X509Certificate(pem); // appends the NUL terminator mbedTLS needs for PEM
                _caSource = pem;
            }

            return _ca;
        }

        private void OnConnectionOpened(object sender, ConnectionOpenedEventArgs e)
        {
            if (e != null && e.Message != null)
                OnConnack(sender, (int)e.Message.ReturnCode);
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
            => Report(sender, e != null && e.IsPublished ? LinkEventKind.PublishAcked : LinkEventKind.PublishFailed, -1, e == null ? -1 : e.MessageId, null, null);

        private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
        {
            MqttQoSLevel[] granted = e == null ? null : e.GrantedQoSLevels;
            Report(sender, LinkEventKind.Subscribed, granted != null && granted.Length > 0 ? (int)granted[0] : (int)MqttQoSLevel.GrantedFailure, e == null ? 0 : e.MessageId, null, null);
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            // M2Mqtt has already read the whole packet (docs/commands.md "Floods"): a rejected one is just let go.
            if (e != null && Admit(sender, e.Message == null ? 0 : e.Message.Length))
                Report(sender, LinkEventKind.MessageReceived, -1, 0, e.Topic, e.Message);
        }

        private void OnConnectionClosed(object sender, EventArgs e) => OnClosed(sender);

        private void OnAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            if (!e.IsAvailable)
                NetworkLost();
        }
    }
}
