namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>Base of all MQTT packets.</summary>
    public abstract class MqttMsgBase
    {
        /// <summary>Message id.</summary>
        public ushort MessageId { get => throw null; set => throw null; }
    }
}
