using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Timeout on a synchronous exchange.</summary>
    public class MqttTimeoutException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public MqttTimeoutException() => throw null;
    }
}
