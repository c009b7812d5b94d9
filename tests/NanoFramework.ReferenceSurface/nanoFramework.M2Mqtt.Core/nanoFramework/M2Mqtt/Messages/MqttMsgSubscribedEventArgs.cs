using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>A SUBACK.</summary>
    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public MqttMsgSubscribedEventArgs(ushort messageId, MqttQoSLevel[] grantedQosLevels) => throw null;

        /// <summary>Message id returned by Subscribe.</summary>
        public ushort MessageId { get => throw null; internal set => throw null; }

        /// <summary>Granted QoS per topic.</summary>
        public MqttQoSLevel[] GrantedQoSLevels { get => throw null; internal set => throw null; }
    }
}
