namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Client error codes.</summary>
    public enum MqttClientErrorCode
    {
        /// <summary>Will topic wrong.</summary>
        WillWrong = 1,

        /// <summary>Keep alive too large.</summary>
        KeepAliveWrong,

        /// <summary>Topic contains a wildcard.</summary>
        TopicWildcard,

        /// <summary>Topic length wrong.</summary>
        TopicLength,

        /// <summary>QoS not allowed.</summary>
        QosNotAllowed,

        /// <summary>Empty topic list.</summary>
        TopicsEmpty,

        /// <summary>Empty QoS list.</summary>
        QosLevelsEmpty,

        /// <summary>Topics and QoS levels differ in count.</summary>
        TopicsQosLevelsNotMatch,

        /// <summary>Wrong message from the broker.</summary>
        WrongBrokerMessage,

        /// <summary>Wrong message id.</summary>
        WrongMessageId,

        /// <summary>Inflight queue full.</summary>
        InflightQueueFull,
    }
}
