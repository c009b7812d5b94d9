using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>An UNSUBACK.</summary>
    public class MqttMsgUnsubscribedEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public MqttMsgUnsubscribedEventArgs(ushort messageId) => throw null;

        /// <summary>Message id returned by Unsubscribe.</summary>
        public ushort MessageId { get => throw null; internal set => throw null; }
    }
}
