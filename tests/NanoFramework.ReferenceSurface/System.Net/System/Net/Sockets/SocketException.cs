using System;

namespace System.Net.Sockets
{
    /// <summary>Socket error (the inner exception of an MqttConnectionException when the broker is unreachable).</summary>
    public class SocketException : Exception
    {
        internal SocketException()
        {
        }

        /// <summary>Native socket error code.</summary>
        public int ErrorCode => throw null;
    }
}
