using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Communication failure (e.g. no CONNACK within the timeout, or a dropped socket).</summary>
    public class MqttCommunicationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public MqttCommunicationException() => throw null;

        /// <summary>Creates the exception around its cause.</summary>
        public MqttCommunicationException(Exception e) => throw null;
    }
}
