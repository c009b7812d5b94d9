using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    /// <summary>Surface of nanoFramework.M2Mqtt's <c>MqttClient</c> 5.1.220.</summary>
    public class MqttClient : IMqttClient, IDisposable
    {
        /// <summary>Plain TCP on port 1883; resolves DNS in the constructor.</summary>
        public MqttClient(string brokerHostName) => throw null;

        /// <summary>Resolves DNS in the constructor; TLS when <paramref name="secure"/>.</summary>
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) => throw null;

        /// <summary>Handler of CONNACK.</summary>
        public delegate void ConnectionOpenedEventHandler(object sender, ConnectionOpenedEventArgs e);

        /// <summary>Raised on every CONNACK (MQTT 3.1.1 too), carrying the return code.</summary>
        public event ConnectionOpenedEventHandler ConnectionOpened { add => throw null; remove => throw null; }

        /// <summary>Raised for every received PUBLISH.</summary>
        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived { add => throw null; remove => throw null; }

        /// <summary>Raised when a QoS 1/2 publish is acknowledged or given up (never for QoS 0).</summary>
        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished { add => throw null; remove => throw null; }

        /// <summary>Raised on SUBACK.</summary>
        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed { add => throw null; remove => throw null; }

        /// <summary>Raised on UNSUBACK.</summary>
        public event IMqttClient.MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed { add => throw null; remove => throw null; }

        /// <summary>Raised after the connection closed (lost ping, read error, broker DISCONNECT).</summary>
        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed { add => throw null; remove => throw null; }

        /// <summary>Whether the client is connected.</summary>
        public bool IsConnected => throw null;

        /// <summary>Client id, set after CONNACK.</summary>
        public string ClientId => throw null;

        /// <summary>Clean session flag, set after CONNACK.</summary>
        public bool CleanSession => throw null;

        /// <summary>Will flag, set after CONNACK.</summary>
        public bool WillFlag => throw null;

        /// <summary>Will QoS, set after CONNACK.</summary>
        public MqttQoSLevel WillQosLevel => throw null;

        /// <summary>Will topic, set after CONNACK.</summary>
        public string WillTopic => throw null;

        /// <summary>Will message, set after CONNACK.</summary>
        public string WillMessage => throw null;

        /// <summary>Protocol version (default 3.1.1).</summary>
        public MqttProtocolVersion ProtocolVersion { get => throw null; set => throw null; }

        /// <summary>User properties (MQTT 5 only).</summary>
        public ArrayList UserProperties => throw null;

        /// <summary>The process-wide settings singleton.</summary>
        public MqttSettings Settings => throw null;

        /// <summary>Initialises the client for a broker (certificates as DER/PEM bytes).</summary>
        public void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol) => throw null;

        /// <summary>Connects with clean session and keep-alive 60 s.</summary>
        public MqttReasonCode Connect(string clientId) => throw null;

        /// <summary>Connects with keep-alive 60 s.</summary>
        public MqttReasonCode Connect(string clientId, bool cleanSession) => throw null;

        /// <summary>Connects with credentials, clean session, keep-alive 60 s.</summary>
        public MqttReasonCode Connect(string clientId, string username, string password) => throw null;

        /// <summary>Connects with credentials.</summary>
        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) => throw null;

        /// <summary>Connects with credentials and a last will.</summary>
        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) => throw null;

        /// <summary>Sends DISCONNECT and closes.</summary>
        public void Disconnect() => throw null;

        /// <summary>Stops the threads and closes the channel; never throws.</summary>
        public void Close() => throw null;

        /// <summary>Closes the client.</summary>
        public void Dispose() => throw null;

        /// <summary>Subscribes; returns the message id.</summary>
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw null;

        /// <summary>Unsubscribes; returns the message id.</summary>
        public ushort Unsubscribe(string[] topics) => throw null;

        /// <summary>Queues a QoS 0 PUBLISH; returns the message id.</summary>
        public ushort Publish(string topic, byte[] message) => throw null;

        /// <summary>Queues a QoS 0 PUBLISH (content type: MQTT 5 only); returns the message id.</summary>
        public ushort Publish(string topic, byte[] message, string contentType) => throw null;

        /// <summary>Queues a QoS 0 PUBLISH (MQTT 5 fields); returns the message id.</summary>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties) => throw null;

        /// <summary>Queues a PUBLISH; returns the message id. Does not check <see cref="IsConnected"/>.</summary>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw null;
    }
}
