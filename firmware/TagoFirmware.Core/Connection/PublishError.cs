namespace TagoFirmware.Connection
{
    /// <summary>Negative results of the publish and subscribe methods; a non-negative result is a message id.</summary>
    public static class PublishError
    {
        /// <summary>The session is not online (or the link not connected): nothing was sent.</summary>
        public const int NotOnline = -1;

        /// <summary>The client library refused the message (in-flight queue full, bad topic, no payload, exception).</summary>
        public const int Rejected = -2;

        /// <summary>The supervisor already tracks its maximum of unacknowledged QoS 1 publishes; retry after an ack.</summary>
        public const int TooManyInFlight = -4;
    }
}
