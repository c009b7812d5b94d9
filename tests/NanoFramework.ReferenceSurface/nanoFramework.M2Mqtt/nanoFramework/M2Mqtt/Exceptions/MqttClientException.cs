using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Client-side error (full inflight queue, wildcard in a publish topic, ...).</summary>
    public class MqttClientException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public MqttClientException(MqttClientErrorCode errorCode) => throw null;

        /// <summary>What went wrong.</summary>
        public MqttClientErrorCode ErrorCode { get => throw null; set => throw null; }
    }
}
