using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>A received PUBLISH.</summary>
    public class MqttMsgPublishEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) => throw null;

        /// <summary>Topic the message arrived on.</summary>
        public string Topic { get => throw null; internal set => throw null; }

        /// <summary>Payload.</summary>
        public byte[] Message { get => throw null; internal set => throw null; }

        /// <summary>Duplicate flag.</summary>
        public bool DupFlag { get => throw null; internal set => throw null; }

        /// <summary>QoS of the delivery.</summary>
        public MqttQoSLevel QosLevel { get => throw null; internal set => throw null; }

        /// <summary>Retain flag.</summary>
        public bool Retain { get => throw null; internal set => throw null; }
    }
}
