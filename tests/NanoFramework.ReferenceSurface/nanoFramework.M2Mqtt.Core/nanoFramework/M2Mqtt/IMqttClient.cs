using System;
using System.Collections;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    /// <summary>Surface of M2Mqtt.Core's <c>IMqttClient</c>, with its nested handler delegates as in the real interface.</summary>
    public interface IMqttClient
    {
        /// <summary>Whether the client is connected.</summary>
        bool IsConnected { get; }

        /// <summary>Initialises the client for a broker.</summary>
        void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol);

        /// <summary>Connects (CONNECT with will and keep-alive) and returns the CONNACK code.</summary>
        MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod);

        /// <summary>Sends DISCONNECT and closes.</summary>
        void Disconnect();

        /// <summary>Subscribes; returns the message id.</summary>
        ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels);

        /// <summary>Unsubscribes; returns the message id.</summary>
        ushort Unsubscribe(string[] topics);

        /// <summary>Queues a PUBLISH; returns the message id.</summary>
        ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain);

        /// <summary>Queues a QoS 0 PUBLISH; returns the message id.</summary>
        ushort Publish(string topic, byte[] message, string contentType);

        /// <summary>Queues a QoS 0 PUBLISH; returns the message id.</summary>
        ushort Publish(string topic, byte[] message);

        /// <summary>Closes the client.</summary>
        void Close();

        /// <summary>Handler for received PUBLISH messages.</summary>
        delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        /// <summary>Raised for every received PUBLISH.</summary>
        event MqttMsgPublishEventHandler MqttMsgPublishReceived;

        /// <summary>Handler for published (acknowledged) messages.</summary>
        delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        /// <summary>Raised when a QoS 1/2 publish is acknowledged or given up.</summary>
        event MqttMsgPublishedEventHandler MqttMsgPublished;

        /// <summary>Handler for SUBACK.</summary>
        delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        /// <summary>Raised on SUBACK.</summary>
        event MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        /// <summary>Handler for UNSUBACK.</summary>
        delegate void MqttMsgUnsubscribedEventHandler(object sender, MqttMsgUnsubscribedEventArgs e);

        /// <summary>Raised on UNSUBACK.</summary>
        event MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed;

        /// <summary>Handler for a closed connection.</summary>
        delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        /// <summary>Raised when the connection closed.</summary>
        event ConnectionClosedEventHandler ConnectionClosed;
    }
}
