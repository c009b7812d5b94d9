using System;

namespace TagoFirmware.IntegrationTests.Infrastructure
{
    /// <summary>A message a <see cref="MqttSubscriber"/> received.</summary>
    public sealed class ReceivedMessage
    {
        /// <summary>Creates a record.</summary>
        /// <param name="topic">Topic.</param>
        /// <param name="payload">Payload.</param>
        /// <param name="receivedUtc">Arrival time.</param>
        public ReceivedMessage(string topic, byte[] payload, DateTime receivedUtc)
        {
            Topic = topic;
            Payload = payload;
            ReceivedUtc = receivedUtc;
        }

        /// <summary>Topic.</summary>
        public string Topic { get; }

        /// <summary>Payload.</summary>
        public byte[] Payload { get; }

        /// <summary>Arrival time.</summary>
        public DateTime ReceivedUtc { get; }
    }
}
