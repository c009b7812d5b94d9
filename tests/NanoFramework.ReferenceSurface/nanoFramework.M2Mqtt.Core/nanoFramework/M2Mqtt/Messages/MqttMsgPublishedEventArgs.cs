using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>Outcome of a QoS 1/2 publish.</summary>
    public class MqttMsgPublishedEventArgs : EventArgs
    {
        /// <summary>Creates the event data for a published message.</summary>
        public MqttMsgPublishedEventArgs(ushort messageId) => throw null;

        /// <summary>Creates the event data.</summary>
        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished) => throw null;

        /// <summary>Message id returned by Publish.</summary>
        public ushort MessageId { get => throw null; set => throw null; }

        /// <summary>True when acknowledged, false when given up after the retries.</summary>
        public bool IsPublished { get => throw null; set => throw null; }
    }
}
