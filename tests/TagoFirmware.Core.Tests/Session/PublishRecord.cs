namespace TagoFirmware.Tests.Session
{
    /// <summary>One publish as <see cref="FakeMqttLink"/> received it.</summary>
    public class PublishRecord
    {
        public string Topic;
        public byte[] Payload;
        public int Qos;
        public int MessageId;
        public long AtMs;
    }
}
