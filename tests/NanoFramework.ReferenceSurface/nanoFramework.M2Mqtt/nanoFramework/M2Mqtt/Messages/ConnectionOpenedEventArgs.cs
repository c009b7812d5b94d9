using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>A received CONNACK.</summary>
    public class ConnectionOpenedEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public ConnectionOpenedEventArgs(MqttMsgConnack connact) => throw null;

        /// <summary>The CONNACK.</summary>
        public MqttMsgConnack Message => throw null;
    }
}
