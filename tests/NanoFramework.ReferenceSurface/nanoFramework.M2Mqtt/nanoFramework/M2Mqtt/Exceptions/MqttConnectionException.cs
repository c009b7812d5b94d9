using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Socket or TLS failure while connecting; the inner exception is the cause.</summary>
    public class MqttConnectionException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public MqttConnectionException(string message, Exception innerException) => throw null;
    }
}
