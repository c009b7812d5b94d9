using System.Collections;
using TagoFirmware.Session;

namespace TagoFirmware.Tests.Session
{
    /// <summary>An application layer that records what the supervisor told it.</summary>
    public class FakeListener : ISessionListener
    {
        public int OnlineCount;
        public int OfflineCount;
        public int Steps;
        public int RebootPendingCount;
        public RebootReason LastRebootReason;
        public readonly ArrayList Acked = new ArrayList();
        public readonly ArrayList Lost = new ArrayList();
        public readonly ArrayList MessageTopics = new ArrayList();

        public void OnOnline()
        {
            OnlineCount++;
        }

        public void OnOffline()
        {
            OfflineCount++;
        }

        public void OnPublishAcked(int messageId)
        {
            Acked.Add(messageId);
        }

        public void OnPublishLost(int messageId)
        {
            Lost.Add(messageId);
        }

        public void OnMessageReceived(string topic, byte[] payload)
        {
            MessageTopics.Add(topic);
        }

        public void OnRebootPending(RebootReason reason)
        {
            RebootPendingCount++;
            LastRebootReason = reason;
        }

        public void OnStep(long nowMs)
        {
            Steps++;
        }
    }
}
