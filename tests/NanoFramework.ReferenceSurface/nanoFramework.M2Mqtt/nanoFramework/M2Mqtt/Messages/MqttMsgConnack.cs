namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>A CONNACK packet.</summary>
    public class MqttMsgConnack : MqttMsgBase
    {
        /// <summary>Creates an empty CONNACK.</summary>
        public MqttMsgConnack() => throw null;

        /// <summary>Return code: 0 accepted, 1-5 refused (MQTT 3.1.1), reason code (MQTT 5).</summary>
        public MqttReasonCode ReturnCode { get => throw null; set => throw null; }

        /// <summary>Session present flag.</summary>
        public bool SessionPresent { get => throw null; set => throw null; }
    }
}
