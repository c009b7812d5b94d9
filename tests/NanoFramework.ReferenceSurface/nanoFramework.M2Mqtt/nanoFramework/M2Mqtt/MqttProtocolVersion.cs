namespace nanoFramework.M2Mqtt
{
    /// <summary>MQTT protocol version.</summary>
    public enum MqttProtocolVersion
    {
        /// <summary>MQTT 3.1.</summary>
        Version_3_1 = 0x03,

        /// <summary>MQTT 3.1.1 (default).</summary>
        Version_3_1_1 = 0x04,

        /// <summary>MQTT 5.</summary>
        Version_5 = 0x05,
    }
}
